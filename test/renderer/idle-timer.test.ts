import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer } from '../../src-renderer/idle/idle-timer.js';

const policy = { warnAfterMs: 30_000, countdownMs: 20_000 };

function handlers() {
  return { onWarn: vi.fn<(s: number) => void>(), onTick: vi.fn<(s: number) => void>(), onExpire: vi.fn<() => void>() };
}

beforeEach(() => {
  vi.useFakeTimers(); // also fakes Date.now, as Playwright's clock does in e2e
});
afterEach(() => {
  vi.useRealTimers();
});

describe('idle timer', () => {
  it('warns after warnAfterMs of inactivity with the whole countdown in seconds', () => {
    const h = handlers();
    startIdleTimer(policy, h);
    vi.advanceTimersByTime(29_999);
    expect(h.onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(h.onWarn).toHaveBeenCalledWith(20);
  });

  it('counts down once a second', () => {
    const h = handlers();
    startIdleTimer(policy, h);
    vi.advanceTimersByTime(30_000 + 3_000);
    expect(h.onTick.mock.calls.map((c) => c[0])).toEqual([19, 18, 17]);
  });

  it('ends the session when the countdown runs out', () => {
    const h = handlers();
    startIdleTimer(policy, h);
    vi.advanceTimersByTime(30_000 + 19_999);
    expect(h.onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(h.onExpire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(h.onExpire).toHaveBeenCalledTimes(1);
    expect(h.onWarn).toHaveBeenCalledTimes(1);
  });

  it('activity before the warning restarts the inactivity period', () => {
    const h = handlers();
    const timer = startIdleTimer(policy, h);
    vi.advanceTimersByTime(25_000);
    timer.activity();
    vi.advanceTimersByTime(25_000);
    expect(h.onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(h.onWarn).toHaveBeenCalledTimes(1);
  });

  it('continue (resume) closes the warning and restarts the whole cycle', () => {
    const h = handlers();
    const timer = startIdleTimer(policy, h);
    vi.advanceTimersByTime(30_000 + 10_000);
    timer.resume();
    vi.advanceTimersByTime(29_000);
    expect(h.onExpire).not.toHaveBeenCalled();
    expect(h.onWarn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(h.onWarn).toHaveBeenCalledTimes(2);
  });

  it('restart after an expiry watches again from the start (a card reminder left on screen)', () => {
    const h = handlers();
    const timer = startIdleTimer(policy, h);
    vi.advanceTimersByTime(30_000 + 20_000);
    expect(h.onExpire).toHaveBeenCalledTimes(1);
    timer.restart();
    vi.advanceTimersByTime(30_000 + 19_000);
    expect(h.onExpire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(h.onExpire).toHaveBeenCalledTimes(2);
  });

  it('stray activity while the warning shows does not cancel the countdown', () => {
    const h = handlers();
    const timer = startIdleTimer(policy, h);
    vi.advanceTimersByTime(30_000);
    timer.activity();
    vi.advanceTimersByTime(20_000);
    expect(h.onExpire).toHaveBeenCalledTimes(1);
  });

  it('stop cancels everything', () => {
    const h = handlers();
    const timer = startIdleTimer(policy, h);
    timer.stop();
    vi.advanceTimersByTime(200_000);
    expect(h.onWarn).not.toHaveBeenCalled();
    expect(h.onExpire).not.toHaveBeenCalled();
  });
});
