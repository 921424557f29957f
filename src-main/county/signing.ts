import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Request and response signing shared by the client and the reference backend (see openapi.yaml,
// "Signing"). Requests prove the terminal; responses prove the county, bound to the request's nonce
// so an old signed answer cannot be replayed to a new request. The terminal trusts a response's
// Date (its clock) only when that signature verifies.

export const MAX_SKEW_MS = 15 * 60 * 1000;

export const H = {
  terminal: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  digest: 'x-content-sha256',
  signature: 'x-signature',
  responseSignature: 'x-response-signature',
  idempotencyKey: 'idempotency-key',
  replayed: 'idempotency-replayed',
} as const;

/** Request signatures are `v2=`: v1 did not cover the Idempotency-Key. */
const REQUEST_VERSION = 'v2';
const RESPONSE_VERSION = 'v1';
/** First line of the response canonical string; no request method can equal it, so the two never collide. */
const RESPONSE_LABEL = 'county-response';

export interface SignInput {
  method: string;
  path: string;
  timestamp: number;
  nonce: string;
  body: Uint8Array | string;
  terminalId: string;
  /** The Idempotency-Key header sent with the request; absent and empty are the same. */
  idempotencyKey?: string | undefined;
}

export interface ResponseSignInput {
  status: number;
  /** The Date header exactly as sent. */
  date: string;
  /** The X-Nonce of the request being answered. */
  nonce: string;
  body: Uint8Array | string;
  terminalId: string;
}

/** Lowercase hex SHA-256 of the body bytes; cannot fail. */
export function bodyDigest(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The canonical string of a request that is signed. */
export function canonical(input: Omit<SignInput, 'body'> & { digest: string }): string {
  return [input.method.toUpperCase(), input.path, String(input.timestamp), input.nonce, input.digest, input.terminalId, input.idempotencyKey ?? ''].join('\n');
}

/** The canonical string of a response that is signed. */
export function responseCanonical(input: Omit<ResponseSignInput, 'body'> & { digest: string }): string {
  return [RESPONSE_LABEL, String(input.status), input.date, input.nonce, input.digest, input.terminalId].join('\n');
}

const hmac = (credential: Uint8Array, text: string) => createHmac('sha256', credential).update(text).digest('hex');

/** `v2=<hex HMAC-SHA256>` of a request canonical string with the terminal credential; cannot fail. */
export function signature(credential: Uint8Array, canonicalString: string): string {
  return `${REQUEST_VERSION}=${hmac(credential, canonicalString)}`;
}

/** Builds every signing header for one request; cannot fail. */
export function signHeaders(credential: Uint8Array, input: SignInput): Record<string, string> {
  const digest = bodyDigest(input.body);
  return {
    [H.terminal]: input.terminalId,
    [H.timestamp]: String(input.timestamp),
    [H.nonce]: input.nonce,
    [H.digest]: digest,
    [H.signature]: signature(credential, canonical({ ...input, digest })),
  };
}

/** The X-Response-Signature value, `v1=<hex HMAC-SHA256>`, for one response; cannot fail. */
export function signResponse(credential: Uint8Array, input: ResponseSignInput): string {
  return `${RESPONSE_VERSION}=${hmac(credential, responseCanonical({ ...input, digest: bodyDigest(input.body) }))}`;
}

/** Whether `header` is the county's signature of this response to the request with `input.nonce`. */
export function verifyResponse(credential: Uint8Array, input: ResponseSignInput, header: string | null): boolean {
  return header !== null && signaturesEqual(signResponse(credential, input), header);
}

/** A fresh 22-character URL-safe nonce. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Constant-time comparison of two signature strings. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
