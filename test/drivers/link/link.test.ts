import { afterEach, describe, expect, it } from 'vitest';
import { LinkError } from '../../../drivers/core/errors.js';
import { Framer } from '../../../drivers/framing/framer.js';
import { stxLenBcc } from '../../../drivers/framing/profiles.js';
import { Link, type LinkDecision } from '../../../drivers/link/link.js';
import { createMemoryPair, type MemoryTransport } from '../../../drivers/transports/memory.js';
import { hex } from '../helpers.js';

/** A scripted device: answers each received frame with the next scripted action. */
function device(dev: MemoryTransport, script: ((payload: Buffer) => Buffer[] | 'silent')[]) {
  const framer = new Framer(stxLenBcc);
  const seen: Buffer[] = [];
  dev.on('data', (chunk) => {
    for (const o of framer.push(chunk)) {
      if (o.type !== 'frame') continue;
      seen.push(o.frame.payload);
      const step = script.shift();
      const out = step ? step(o.frame.payload) : 'silent';
      if (out !== 'silent') for (const b of out) void dev.write(b);
    }
  });
  return { seen, framer };
}

const echo = (f: Framer) => (p: Buffer) => [f.encode(p)];
const matchEcho = (frame: { payload: Buffer }): LinkDecision<string> => ({ kind: 'done', value: frame.payload.toString('hex') });

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function setup() {
  const [host, dev] = createMemoryPair();
  await host.open();
  await dev.open();
  const framer = new Framer(stxLenBcc);
  const link = new Link(host, framer);
  cleanup.push(async () => {
    link.dispose();
    await host.close();
    await dev.close();
  });
  return { host, dev, framer, link };
}

describe('Link', () => {
  it('matches a reply to its command', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    device(dev, [echo(f)]);
    await expect(link.exchange(framer.encode(hex('0102')), { label: 't', timeoutMs: 500, onFrame: matchEcho })).resolves.toBe('0102');
  });

  it('keeps one command in flight: the second waits for the first', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    const d = device(dev, [echo(f), echo(f)]);
    const a = link.exchange(framer.encode(hex('01')), { label: 'a', timeoutMs: 500, onFrame: matchEcho });
    const b = link.exchange(framer.encode(hex('02')), { label: 'b', timeoutMs: 500, onFrame: matchEcho });
    expect(await Promise.all([a, b])).toEqual(['01', '02']);
    expect(d.seen.map((s) => s.toString('hex'))).toEqual(['01', '02']);
  });

  it('times out an unsafe command without resending it', async () => {
    const { dev, framer, link } = await setup();
    const d = device(dev, [() => 'silent']);
    const p = link.exchange(framer.encode(hex('20')), { label: 'verify', timeoutMs: 30, onFrame: matchEcho });
    await expect(p).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(d.seen).toHaveLength(1);
  });

  it('resends a safe command after a lost reply', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    const d = device(dev, [() => 'silent', echo(f)]);
    const p = link.exchange(framer.encode(hex('B0')), { label: 'read', timeoutMs: 30, safeToResend: true, onFrame: matchEcho });
    await expect(p).resolves.toBe('b0');
    expect(d.seen).toHaveLength(2);
  });

  it('asks for the last answer instead of resending when recovery bytes are given', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    const bad = (p: Buffer) => {
      const w = f.encode(p);
      w[w.length - 2] = (w[w.length - 2] ?? 0) ^ 0xff;
      return [w];
    };
    const d = device(dev, [bad, () => [f.encode(hex('20'))]]);
    const p = link.exchange(framer.encode(hex('20')), { label: 'verify', timeoutMs: 200, recover: framer.encode(hex('EE')), onFrame: matchEcho });
    await expect(p).resolves.toBe('20');
    expect(d.seen.map((s) => s.toString('hex'))).toEqual(['20', 'ee']);
  });

  it('resends when the device rejected the bytes, whatever the command', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    device(dev, [() => [f.encode(hex('FF'))], echo(f)]);
    const p = link.exchange(framer.encode(hex('20')), {
      label: 'verify',
      timeoutMs: 200,
      onFrame: (fr) => (fr.payload.equals(hex('FF')) ? { kind: 'rejected' } : matchEcho(fr)),
    });
    await expect(p).resolves.toBe('20');
  });

  it('fails fast with CLOSED when the device goes away mid-command', async () => {
    const { host, dev, framer, link } = await setup();
    const sent = new Promise((r) => dev.once('data', r));
    const p = link.exchange(framer.encode(hex('01')), { label: 't', timeoutMs: 5000, onFrame: matchEcho });
    await sent;
    host.drop();
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LinkError);
    expect(e).toMatchObject({ code: 'CLOSED', detail: { disconnected: true } });
  });

  it('hands frames outside an exchange to unsolicited listeners', async () => {
    const { dev, link } = await setup();
    const got: string[] = [];
    link.on('unsolicited', (fr) => got.push(fr.payload.toString('hex')));
    await dev.write(new Framer(stxLenBcc).encode(hex('4B')));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual(['4b']);
  });

  it('turns a throwing matcher into a typed error', async () => {
    const { dev, framer, link } = await setup();
    device(dev, [echo(new Framer(stxLenBcc))]);
    const p = link.exchange(framer.encode(hex('01')), {
      label: 't',
      timeoutMs: 500,
      onFrame: () => {
        throw new RangeError('bug');
      },
    });
    await expect(p).rejects.toBeInstanceOf(LinkError);
  });
});
