// Test helpers shared by driver tests.

/** Parses "02 00 03" style hex into a Buffer. */
export const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** Formats a Buffer as spaced upper-case hex. */
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');

/**
 * Runs `fn` on vitest's fake clock (timers, immediates, performance.now)
 * until nothing is scheduled, and says how much simulated time it took:
 * the time a resident would wait, measured without waiting or reading the
 * wall clock. Restores real timers afterwards.
 */
export async function inSimulatedTime<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const { vi } = await import('vitest');
  vi.useFakeTimers();
  try {
    const t0 = performance.now();
    let ms = Number.NaN;
    const run = fn().then((value) => {
      ms = performance.now() - t0;
      return value;
    });
    await vi.runAllTimersAsync();
    const value = await run;
    return { value, ms };
  } finally {
    vi.useRealTimers();
  }
}
