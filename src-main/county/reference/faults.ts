import { z } from 'zod';

// Fault modes of the reference backend, switchable at run time through POST /_admin/faults.

export const FaultSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  /** Process and commit, then destroy the socket without answering. */
  z.object({ mode: z.literal('drop-after-commit') }),
  /** Destroy the socket before reading the request. */
  z.object({ mode: z.literal('reset') }),
  /** Hold the request `ms` before processing it (the client may give up meanwhile). */
  z.object({ mode: z.literal('stall'), ms: z.number().int().min(0).max(120_000) }),
  /** Answer with an error status; 429/503 carry Retry-After. */
  z.object({ mode: z.literal('status'), status: z.union([z.literal(500), z.literal(503), z.literal(429)]), retryAfterS: z.number().int().min(0).optional() }),
  /** Reject every signature as bad (401 bad_signature). */
  z.object({ mode: z.literal('bad-signature') }),
  /** Shift the server clock (Date header and skew check) by `skewMs`. Persistent until cleared. */
  z.object({ mode: z.literal('clock-skew'), skewMs: z.number().int() }),
  /** Lower the request body limit so larger batches get 413. Persistent until cleared. */
  z.object({ mode: z.literal('body-limit'), bytes: z.number().int().min(64) }),
  /** Reject every batch item of `kind` with `reason` (a permanent, per-item rejection). Persistent until cleared. */
  z.object({ mode: z.literal('reject-kind'), kind: z.string().min(1), reason: z.string().min(1).max(100) }),
]);
export type Fault = z.infer<typeof FaultSchema>;

export const FaultRequestSchema = z.object({
  fault: FaultSchema,
  /** Apply to the next N matching requests (default: until replaced). */
  times: z.number().int().min(1).optional(),
  /** Apply to each matching request with this probability (default 1). */
  probability: z.number().min(0).max(1).optional(),
  /** Path prefix the fault applies to (default "/v1/", enrolment excluded). */
  pathPrefix: z.string().optional(),
});
export type FaultRequest = z.infer<typeof FaultRequestSchema>;

type PerRequest = Exclude<Fault, { mode: 'none' | 'clock-skew' | 'body-limit' | 'reject-kind' }>;

/** Holds the active faults; `take` decides per request. */
export class FaultController {
  skewMs = 0;
  bodyLimit: number;
  private active: { fault: PerRequest; remaining: number; probability: number; prefix: string } | null = null;
  private random: () => number;

  constructor(defaultBodyLimit: number, random: () => number = Math.random) {
    this.bodyLimit = defaultBodyLimit;
    this.defaultBodyLimit = defaultBodyLimit;
    this.random = random;
  }
  private readonly defaultBodyLimit: number;
  private readonly rejectedKinds = new Map<string, string>();

  /** The forced rejection reason for items of `kind`, if a reject-kind fault is set. */
  rejectReason(kind: string): string | undefined {
    return this.rejectedKinds.get(kind);
  }

  /** Installs a fault request; 'none' clears everything including skew and body limit. */
  set(req: FaultRequest): void {
    const f = req.fault;
    if (f.mode === 'none') {
      this.active = null;
      this.skewMs = 0;
      this.bodyLimit = this.defaultBodyLimit;
      this.rejectedKinds.clear();
    } else if (f.mode === 'reject-kind') this.rejectedKinds.set(f.kind, f.reason);
    else if (f.mode === 'clock-skew') this.skewMs = f.skewMs;
    else if (f.mode === 'body-limit') this.bodyLimit = f.bytes;
    else this.active = { fault: f, remaining: req.times ?? Number.POSITIVE_INFINITY, probability: req.probability ?? 1, prefix: req.pathPrefix ?? '/v1/' };
  }

  /** The per-request fault to apply to this path now, if any (consumes one of `times`). */
  take(path: string): PerRequest | null {
    const a = this.active;
    if (!a || path === '/v1/enrolments' || !path.startsWith(a.prefix)) return null;
    if (a.probability < 1 && this.random() >= a.probability) return null;
    a.remaining -= 1;
    if (a.remaining <= 0) this.active = null;
    return a.fault;
  }

  /** The server's notion of now, including any injected skew. */
  now(): number {
    return Date.now() + this.skewMs;
  }
}
