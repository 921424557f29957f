// Terminal clock correction from the server's Date header. The Date header has one-second
// resolution, so offsets within ~1.5 s are treated as noise; beyond that we adopt the server's time.

export class CorrectedClock {
  private offset = 0;

  constructor(private readonly local: () => number = Date.now) {}

  /** The corrected time in Unix ms. */
  now(): number {
    return this.local() + this.offset;
  }

  /** The current correction in ms (server minus local). */
  get offsetMs(): number {
    return this.offset;
  }

  /** Learns from a response's Date header, sent between `sentAt` and `receivedAt` (local ms); ignores bad headers. */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return;
    // Date is truncated to the second: the true server time is on average 500 ms later.
    const estimate = server + 500 - (sentAt + receivedAt) / 2;
    if (Math.abs(estimate - this.offset) > 1_500) this.offset = Math.round(estimate);
  }
}
