import { afterEach, describe, expect, it } from 'vitest';
import { LinkError } from '../../../drivers/core/errors.js';
import { Framer } from '../../../drivers/framing/framer.js';
import { stxLenBcc } from '../../../drivers/framing/profiles.js';
import { Link, type LinkDecision } from '../../../drivers/link/link.js';
import { createMemoryPair, type MemoryTransport } from '../../../drivers/transports/memory.js';
import { hex, inSimulatedTime } from '../helpers.js';

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

  it('times out an unsafe command after its timeout, without resending it', async () => {
    const { dev, framer, link } = await setup();
    const d = device(dev, [() => 'silent']);
    const { value, ms } = await inSimulatedTime(() =>
      link.exchange(framer.encode(hex('20')), { label: 'verify', timeoutMs: 300, onFrame: matchEcho }).catch((e: unknown) => e),
    );
    expect(value).toMatchObject({ code: 'TIMEOUT' });
    // Simulated ms (immediates move the fake clock on a little): one timeout, no second one.
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(600);
    expect(d.seen).toHaveLength(1);
  });

  it('resends a safe command once its timeout shows the reply lost', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    const d = device(dev, [() => 'silent', echo(f)]);
    const { value, ms } = await inSimulatedTime(() =>
      link.exchange(framer.encode(hex('B0')), { label: 'read', timeoutMs: 300, safeToResend: true, onFrame: matchEcho }),
    );
    expect(value).toBe('b0');
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(600);
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
    await expect.poll(() => got).toEqual(['4b']);
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

describe('Link acknowledgements, recovery and budget (simulated clock)', () => {
  const ACK = hex('AC');
  const withAck = (f: Framer) => (p: Buffer) => [f.encode(ACK), f.encode(p)];
  const ackOrEcho = (frame: { payload: Buffer }): LinkDecision<string> => (frame.payload.equals(ACK) ? { kind: 'ack' } : matchEcho(frame));

  it('resends a safe command as soon as the device fails to acknowledge it, not after the reply timeout', async () => {
    const { dev, framer, link } = await setup();
    const d = device(dev, [() => 'silent', withAck(new Framer(stxLenBcc))]);
    const { value, ms } = await inSimulatedTime(() =>
      link.exchange(framer.encode(hex('B0')), { label: 'read', timeoutMs: 5000, ackTimeoutMs: 50, safeToResend: true, onFrame: ackOrEcho }),
    );
    expect(value).toBe('b0');
    expect(d.seen).toHaveLength(2);
    expect(ms).toBeLessThan(100);
  });

  it('waits the full reply timeout once the device has acknowledged', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    const d = device(dev, [() => [f.encode(ACK)]]);
    const { value, ms } = await inSimulatedTime(() =>
      link.exchange(framer.encode(hex('B0')), { label: 'read', timeoutMs: 400, ackTimeoutMs: 50, onFrame: ackOrEcho }).catch((e: unknown) => e),
    );
    expect(value).toMatchObject({ code: 'TIMEOUT' });
    expect(d.seen).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(400);
  });

  it('fails an unacknowledged unsafe command with TIMEOUT, never sent twice, when the repeated answer is an earlier one', async () => {
    const { dev, framer, link } = await setup();
    const f = new Framer(stxLenBcc);
    const d = device(dev, [() => 'silent', () => [f.encode(hex('01'))]]);
    const { value, ms } = await inSimulatedTime(() =>
      link
        .exchange(framer.encode(hex('20')), {
          label: 'verify',
          timeoutMs: 5000,
          ackTimeoutMs: 50,
          recover: framer.encode(hex('EE')),
          onFrame: (fr, ctx) => (ctx.recovering && fr.payload.equals(hex('01')) ? { kind: 'lost' } : ackOrEcho(fr)),
        })
        .catch((e: unknown) => e),
    );
    expect(value).toMatchObject({ code: 'TIMEOUT', detail: { delivered: false } });
    expect(d.seen.map((x) => x.toString('hex'))).toEqual(['20', 'ee']);
    expect(ms).toBeLessThan(200);
  });

  it('resends a safe command when the device has nothing to repeat', async () => {
    const { dev, framer, link } = await setup();
    // The reply is lost, and the device, asked to repeat, has nothing: the command itself goes again.
    const d = device(dev, [() => 'silent', () => 'silent', echo(new Framer(stxLenBcc))]);
    const { value } = await inSimulatedTime(() =>
      link.exchange(framer.encode(hex('B0')), {
        label: 'read',
        timeoutMs: 100,
        recoverTimeoutMs: 30,
        safeToResend: true,
        recover: framer.encode(hex('EE')),
        onFrame: matchEcho,
      }),
    );
    expect(value).toBe('b0');
    expect(d.seen.map((x) => x.toString('hex'))).toEqual(['b0', 'ee', 'b0']);
  });

  it('never runs past its budget, whatever retries are left', async () => {
    const { dev, framer, link } = await setup();
    device(dev, []);
    const { value, ms } = await inSimulatedTime(() =>
      link
        .exchange(framer.encode(hex('B0')), { label: 'read', timeoutMs: 1000, safeToResend: true, retries: 5, budgetMs: 1500, onFrame: matchEcho })
        .catch((e: unknown) => e),
    );
    expect(value).toMatchObject({ code: 'TIMEOUT', detail: { budget: true } });
    expect(ms).toBe(1500);
  });
});

