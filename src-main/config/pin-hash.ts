import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// The stored form of the technician PIN: `scrypt$N=<cost>,r=<block>,p=<parallel>$<salt hex>$<hash hex>`.
// The parameters travel in the string so a hash made with stronger ones later still verifies, and a
// truncated or hand-edited string is refused instead of comparing against an empty hash.

export interface PinHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export const PIN_HASH_FORMAT = 'scrypt$N=<power of 2 ≥ 16384>,r=<1-32>,p=<1-16>$<salt: ≥ 16 bytes hex>$<hash: 32 bytes hex>';
/** What `npm run hash-pin` uses. N = 2^15 costs 32 MiB and tens of milliseconds per login. */
export const DEFAULT_PIN_PARAMS = { N: 32_768, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** scrypt needs 128·N·r bytes; beyond this a config could make each login exhaust memory. */
const MAX_MEMORY = 256 * 1024 * 1024;

const PATTERN = /^scrypt\$N=(\d{1,8}),r=(\d{1,2}),p=(\d{1,2})\$((?:[0-9a-f]{2}){16,64})\$([0-9a-f]{64})$/;

/** Parses a stored PIN hash; returns the reason it is unusable as a string instead of throwing. */
export function parsePinHash(text: string): PinHash | string {
  const m = PATTERN.exec(text);
  if (!m) return `must be ${PIN_HASH_FORMAT} (make one with npm run hash-pin)`;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 16_384 || (N & (N - 1)) !== 0) return 'scrypt N must be a power of 2 of at least 16384';
  if (r < 1 || r > 32) return 'scrypt r must be 1-32';
  if (p < 1 || p > 16) return 'scrypt p must be 1-16';
  if (128 * N * r > MAX_MEMORY) return 'scrypt N·r needs more than 256 MiB';
  return { N, r, p, salt: Buffer.from(m[4]!, 'hex'), hash: Buffer.from(m[5]!, 'hex') };
}

/** Hashes a PIN into the stored form with a fresh salt; cannot fail for sane parameters. */
export function hashPin(pin: string, params: { N: number; r: number; p: number } = DEFAULT_PIN_PARAMS, salt: Buffer = randomBytes(SALT_BYTES)): string {
  const hash = scryptSync(pin, salt, HASH_BYTES, { ...params, maxmem: MAX_MEMORY + 1024 * 1024 });
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('hex')}$${hash.toString('hex')}`;
}

/** Whether `pin` matches a parsed hash, in constant time with respect to the hash. */
export function verifyPin(pin: string, stored: PinHash): boolean {
  const candidate = scryptSync(pin, stored.salt, stored.hash.length, { N: stored.N, r: stored.r, p: stored.p, maxmem: MAX_MEMORY + 1024 * 1024 });
  return timingSafeEqual(candidate, stored.hash);
}

/** Why a new technician PIN is refused (not 6-12 digits, or trivially guessable), or undefined if it is fine. */
export function weakPinReason(pin: string): string | undefined {
  if (!/^\d{6,12}$/.test(pin)) return 'the PIN must be 6 to 12 digits';
  const d = [...pin].map(Number);
  const step = (d[1]! - d[0]! + 10) % 10;
  if (d.every((x, i) => i === 0 || (x - d[i - 1]! + 10) % 10 === step)) return 'the PIN is a run of digits (like 111111 or 123456)';
  for (let period = 2; period <= 3; period += 1) {
    if (d.every((x, i) => i < period || x === d[i - period])) return 'the PIN repeats a short pattern (like 121212)';
  }
  if (pin === '246810') return 'the PIN is the published demo PIN';
  return undefined;
}
