import { z } from 'zod';

/** Stable error codes returned as values; the UI maps each to `errors.<code>`. */
export const ERROR_CODES = [
  'invalid_payload',
  'unknown_call',
  'no_session',
  'session_mismatch',
  'service_unknown',
  'service_disabled',
  'flow_refused',
  'not_demo',
  'admin_bad_pin',
  'admin_locked',
  'admin_not_authorized',
  'not_found',
  'counter_required',
  'record_in_doubt',
  /** The terminal cannot serve at all (a site terminal without a usable configuration). */
  'out_of_service',
  /** A log bundle could not be written (drive full or pulled, no permission). */
  'bundle_failed',
  /** The setup draft cannot be applied yet; `detail` names the fields and why (never their values). */
  'setup_invalid',
  /** The county backend answered and refused (a wrong or used enrolment code, an unknown site). */
  'county_refused',
  /** The county backend could not be reached (address, network, certificate). */
  'county_unreachable',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** An expected failure: a code and optional non-personal details. */
export const KioskErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** Safe, non-personal detail for operators (never resident data). */
  detail: z.string().max(500).optional(),
  /** For admin_bad_pin / admin_locked: what the UI needs to explain the state. */
  triesLeft: z.number().int().min(0).optional(),
  retryAfterMs: z.number().int().min(0).optional(),
  /** For record_in_doubt: the transaction reference the resident can quote at the counter. */
  reference: z.string().max(64).optional(),
});
export type KioskError = z.infer<typeof KioskErrorSchema>;

/** Every call resolves to one of these: a value, or an expected failure. */
export function resultSchema<T extends z.ZodTypeAny>(ok: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: ok }),
    z.object({ ok: z.literal(false), error: KioskErrorSchema }),
  ]);
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, extra: Omit<KioskError, 'code'> = {}): Result<never> => ({
  ok: false,
  error: { code, ...extra },
});
