import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FaultPlan } from '../../../drivers/emulator-kit/faults.js';
import { PtyPair } from '../../../drivers/emulator-kit/pty.js';
import { waitUntil } from '../../../drivers/emulator-kit/serial-front.js';
import { SerialTransport } from '../../../drivers/transports/serial.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('FaultPlan', () => {
  it('fires once, always, per command or for any, first matching rule first', () => {
    const plan = new FaultPlan().once('VERIFY', { kind: 'drop' }).always('SELECT', { kind: 'delay', ms: 1 }).add({ command: '*', fault: { kind: 'garbage' }, times: 2 });
    expect(plan.take('VERIFY')).toEqual({ kind: 'drop' });
    expect(plan.take('VERIFY')).toEqual({ kind: 'garbage' });
    expect(plan.take('SELECT')).toEqual({ kind: 'delay', ms: 1 });
    expect(plan.take('SELECT')).toEqual({ kind: 'delay', ms: 1 });
    expect(plan.take('READ')).toEqual({ kind: 'garbage' });
    expect(plan.take('READ')).toBeUndefined();
    plan.clear();
    expect(plan.take('SELECT')).toBeUndefined();
  });
});

describe('PtyPair', () => {
  it('creates both links, removes them on kill, and recreates them on the same paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pty-kit-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pair = new PtyPair({ hostLink: join(dir, 'A'), deviceLink: join(dir, 'B') });
    cleanups.push(() => pair.kill());
    await pair.start();
    expect(existsSync(join(dir, 'A')) && existsSync(join(dir, 'B'))).toBe(true);
    await pair.kill();
    expect(pair.running).toBe(false);
    expect(existsSync(join(dir, 'A'))).toBe(false);
    await pair.start();
    const a = new SerialTransport({ path: join(dir, 'A'), baudRate: 115200 });
    const b = new SerialTransport({ path: join(dir, 'B'), baudRate: 115200 });
    await a.open();
    await b.open();
    cleanups.push(() => a.close(), () => b.close());
    const got = new Promise<Buffer>((r) => b.once('data', r));
    await a.write(Buffer.from('ping'));
    expect((await got).toString()).toBe('ping');
  });

  it('rejects when socat cannot create the links', async () => {
    const pair = new PtyPair({ hostLink: '/nonexistent-dir/A', deviceLink: '/nonexistent-dir/B', readyTimeoutMs: 2000 });
    await expect(pair.start()).rejects.toThrow(/socat/);
    await pair.kill();
  });
});

describe('line pacing', () => {
  // The clock is simulated (performance.now and timers are fake, event-loop
  // turns are real) and moves on in 0.05 ms steps, so "when did the wait
  // end" is exact and never a reading of the wall clock.
  it.each([0.03, 0.3, 1.2, 1.6, 7.25])('a paced wait of %s ms never ends early and ends within a step of its time', async (ms) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const step = 0.05;
      const due = performance.now() + ms;
      let endedAt: number | undefined;
      void waitUntil(due).then(() => (endedAt = performance.now()));
      for (let i = 0; endedAt === undefined && i < 1000; i++) {
        vi.advanceTimersByTime(step);
        await new Promise((r) => setImmediate(r));
      }
      expect(endedAt).toBeGreaterThanOrEqual(due);
      expect(endedAt).toBeLessThanOrEqual(due + step);
    } finally {
      vi.useRealTimers();
    }
  });
});
