// Retry timing: full-jitter exponential backoff (AWS architecture blog), capped; Retry-After is a floor.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 15 * 60_000 };

/** Delay before retry number `failures` (1-based): uniform in [0, min(cap, base·2^(n-1))], at least `retryAfterMs`. */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number, retryAfterMs = 0): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  // A server may ask for longer than our cap; honour it, but never more than a day.
  return Math.max(Math.floor(random() * ceiling), Math.min(retryAfterMs, 86_400_000));
}
