import { describe, expect, it } from 'vitest';
import { makeShutdown } from '../../src-main/app/shutdown.js';

function harness(steps: (() => Promise<void>)[]) {
  const exits: number[] = [];
  const problems: { step: number; kind: string; error?: string }[] = [];
  let fire: (() => void) | null = null;
  const stop = makeShutdown({
    steps,
    deadlineMs: 5_000,
    exit: (code) => exits.push(code),
    report: (p) => problems.push(p),
    setTimer: (fn) => {
      fire = fn;
      return {};
    },
  });
  return { stop, exits, problems, fireDeadline: () => fire?.() };
}

describe('terminal shutdown', () => {
  it('runs every step once, in order, and exits 0, however many signals arrive', async () => {
    const order: string[] = [];
    const h = harness([async () => void order.push('host'), async () => void order.push('core')]);
    await Promise.all([h.stop(), h.stop(), h.stop()]);
    expect(order).toEqual(['host', 'core']);
    expect(h.exits).toEqual([0]);
    expect(h.problems).toEqual([]);
  });

  it('a failing step is reported, the later steps still run, and the exit code says so', async () => {
    const order: string[] = [];
    const h = harness([
      async () => {
        throw new TypeError('socket gone');
      },
      async () => void order.push('core'),
    ]);
    await h.stop();
    expect(order).toEqual(['core']);
    expect(h.problems).toEqual([{ step: 0, kind: 'failed', error: 'TypeError' }]);
    expect(h.exits).toEqual([1]);
  });

  it('a step that never finishes does not keep the process alive past the deadline', async () => {
    const h = harness([async () => undefined, () => new Promise<void>(() => undefined)]);
    void h.stop();
    await Promise.resolve();
    await Promise.resolve();
    expect(h.exits).toEqual([]);
    h.fireDeadline();
    expect(h.problems).toEqual([{ step: 1, kind: 'late' }]);
    expect(h.exits).toEqual([1]);
  });
});
