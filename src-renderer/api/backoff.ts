/** Reconnect delay for the n-th consecutive failure (0-based): doubling, capped. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 16));
}
