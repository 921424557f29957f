/** Capped exponential backoff: how long to wait before reconnect attempt `attempt` (1-based). */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Multiplier per attempt (default 2). */
  factor?: number;
}

export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(policy.maxMs, policy.baseMs * (policy.factor ?? 2) ** (n - 1));
}
