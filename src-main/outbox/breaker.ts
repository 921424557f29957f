// Queue-wide circuit breaker: after `threshold` consecutive transient failures (or one 503),
// stop sending until `openUntil`; then one probe decides (half-open).

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Queue-wide breaker state; pure bookkeeping, cannot fail. */
export class Breaker {
  private failures = 0;
  private openUntil = 0;

  constructor(private readonly threshold: number) {}

  /** Consecutive transient failures so far. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** The breaker's state at `now`. */
  state(now: number): BreakerState {
    if (this.openUntil === 0) return 'closed';
    return now < this.openUntil ? 'open' : 'half-open';
  }

  /** When an open breaker lets the next probe through (0 when closed). */
  get reopensAt(): number {
    return this.openUntil;
  }

  /** Records a success: closes the breaker. */
  success(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  /** Records a transient failure; opens until `now + delayMs` at the threshold or when `trip` is set. */
  failure(now: number, delayMs: number, trip = false): number {
    this.failures += 1;
    if (trip || this.failures >= this.threshold) this.openUntil = now + delayMs;
    return this.failures;
  }

  /** Lets the next attempt through now (network back, resume from sleep). */
  probeNow(): void {
    if (this.openUntil !== 0) this.openUntil = 1;
  }
}
