import type { CountyErrorCode } from './protocol.js';

/** How a county call failed, from the sync engine's point of view. */
export type CountyErrorKind =
  | 'network' // no answer: connection refused/reset, DNS, dropped response
  | 'timeout' // no answer in time
  | 'server' // 5xx
  | 'rate_limited' // 429
  | 'auth' // 401/403: pause and re-enrol
  | 'bad_request' // 400
  | 'not_found' // 404
  | 'conflict' // 409 (Idempotency-Key in flight)
  | 'too_large' // 413
  | 'key_reused' // 422
  | 'protocol'; // an answer we cannot understand

/** A failed county call. The message names the operation and status only: never request data. */
export class CountyError extends Error {
  constructor(
    readonly kind: CountyErrorKind,
    readonly operation: string,
    readonly detail: { status?: number; code?: CountyErrorCode | string; retryAfterMs?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(`${operation}: ${kind}${detail.status ? ` (${detail.status}${detail.code ? ` ${detail.code}` : ''})` : ''}`, options);
    this.name = 'CountyError';
  }

  /** Whether retrying later may succeed without anyone changing anything. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate_limited' || this.kind === 'conflict';
  }
}

/** Maps an HTTP status to an error kind. */
export function kindForStatus(status: number): CountyErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 400) return 'bad_request';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 422) return 'key_reused';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'protocol';
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds; undefined if absent or invalid. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
