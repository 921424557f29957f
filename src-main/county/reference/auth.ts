import type Database from 'better-sqlite3';
import { MAX_SKEW_MS, H, bodyDigest, canonical, signature, signaturesEqual } from '../signing.js';
import { HttpError, type ResponseSigner } from './http-util.js';

export interface RequestMeta {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function header(meta: RequestMeta, name: string): string | undefined {
  const v = meta.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Verifies a signed request: headers, body digest and the signature over method, path, timestamp,
 * nonce, digest, terminal id and Idempotency-Key. Returns what the response is signed with; throws
 * HttpError 401/403. Time and nonce are checked after, by `checkFresh`, so that a clock_skew answer
 * to a genuine request can be signed and the terminal may correct its clock from it.
 */
export function verifySignature(db: Database.Database, meta: RequestMeta, forceBad: boolean): ResponseSigner & { timestamp: number } {
  const terminalId = header(meta, H.terminal);
  const ts = header(meta, H.timestamp);
  const nonce = header(meta, H.nonce);
  const digest = header(meta, H.digest);
  const sig = header(meta, H.signature);
  if (!terminalId || !ts || !nonce || !digest || !sig) throw new HttpError(401, 'missing_signature', 'signature headers missing');
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) throw new HttpError(401, 'bad_signature', 'malformed nonce');
  const t = db.prepare('SELECT credential, revoked FROM terminals WHERE terminal_id = ?').get(terminalId) as { credential: Buffer; revoked: number } | undefined;
  if (!t) throw new HttpError(401, 'unknown_terminal', 'terminal not enrolled');
  if (t.revoked) throw new HttpError(403, 'terminal_revoked', 'terminal revoked');
  const timestamp = Number(ts);
  if (!/^\d{1,16}$/.test(ts) || !Number.isSafeInteger(timestamp)) throw new HttpError(401, 'bad_signature', 'malformed timestamp');
  if (bodyDigest(meta.body) !== digest) throw new HttpError(401, 'digest_mismatch', 'body digest mismatch');
  const idempotencyKey = header(meta, H.idempotencyKey);
  const expected = signature(t.credential, canonical({ method: meta.method, path: meta.path, timestamp, nonce, digest, terminalId, idempotencyKey }));
  if (forceBad || !signaturesEqual(expected, sig)) throw new HttpError(401, 'bad_signature', 'signature does not verify');
  return { terminalId, credential: t.credential, nonce, timestamp };
}

/** Rejects a timestamp outside the skew window, then uses up the nonce; throws HttpError 401 clock_skew / replayed_nonce. */
export function checkFresh(db: Database.Database, v: { terminalId: string; nonce: string; timestamp: number }, now: number): void {
  if (Math.abs(now - v.timestamp) > MAX_SKEW_MS) throw new HttpError(401, 'clock_skew', 'timestamp outside the allowed skew');
  // Only a verified, timely request may use up a nonce, so a forger cannot burn a terminal's nonces.
  const fresh = db.prepare('INSERT OR IGNORE INTO nonces VALUES (?, ?, ?)').run(v.terminalId, v.nonce, now).changes === 1;
  if (!fresh) throw new HttpError(401, 'replayed_nonce', 'nonce already used');
}

/** Forgets nonces older than twice the skew window (they would fail the skew check anyway). */
export function pruneNonces(db: Database.Database, now: number): void {
  db.prepare('DELETE FROM nonces WHERE seen_at < ?').run(now - 2 * MAX_SKEW_MS);
}
