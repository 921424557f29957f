import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Request signing shared by the client and the reference backend (see openapi.yaml, "Signing").

export const MAX_SKEW_MS = 15 * 60 * 1000;

export const H = {
  terminal: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  digest: 'x-content-sha256',
  signature: 'x-signature',
  idempotencyKey: 'idempotency-key',
  replayed: 'idempotency-replayed',
} as const;

export interface SignInput {
  method: string;
  path: string;
  timestamp: number;
  nonce: string;
  body: Uint8Array | string;
  terminalId: string;
}

/** Lowercase hex SHA-256 of the body bytes; cannot fail. */
export function bodyDigest(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The canonical string that is signed. */
export function canonical(input: Omit<SignInput, 'body'> & { digest: string }): string {
  return [input.method.toUpperCase(), input.path, String(input.timestamp), input.nonce, input.digest, input.terminalId].join('\n');
}

/** `v1=<hex HMAC-SHA256>` of the canonical string with the terminal credential; cannot fail. */
export function signature(credential: Uint8Array, canonicalString: string): string {
  return `v1=${createHmac('sha256', credential).update(canonicalString).digest('hex')}`;
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
