import { createCipheriv, createHmac, createDecipheriv, hkdfSync } from 'node:crypto';
import { DecryptError, KeyInvalidError } from './errors.js';
import { createRandomPool } from './random-pool.js';

// AES-256-GCM. A row's personal map is sealed as one value whose additional data is the row id
// (v2); rows of v1 hold one sealed value per field, bound to row id and field name. Either way a
// ciphertext copied to another row (or, in v1, another field) fails to authenticate.

const PREFIX = 'v1.';
/** A whole personal map sealed as one value (written since v2); v1 maps of sealed fields still open. */
const MAP_PREFIX = 'v2.';
const MAP_FIELD = '\0personal';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Random 96-bit IVs (never a counter: the key outlives any one process), drawn from a pool. */
const randomIv = createRandomPool();

/** Encrypts and decrypts personal fields; decrypt throws DecryptError on tampering or a wrong key. */
export class FieldCipher {
  private readonly key: Buffer;
  private readonly pseudonymKey: Buffer;

  /** Derives the field key from the master key; throws KeyInvalidError if it is not 32 bytes. */
  constructor(masterKey: Uint8Array) {
    if (masterKey.byteLength !== 32) throw new KeyInvalidError('master key must be 32 bytes');
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kiosk-outbox-field-v1', 32));
    this.pseudonymKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kiosk-outbox-pseudonym-v1', 32));
  }

  /** Encrypts one field value for one row; cannot fail for valid input. */
  encrypt(rowId: string, field: string, plain: string): string {
    const iv = randomIv(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`${rowId}\0${field}`));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
  }

  /** Decrypts one field; throws DecryptError if the value was tampered with or the key is wrong. */
  decrypt(rowId: string, field: string, sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new DecryptError(field);
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptError(field);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(`${rowId}\0${field}`));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptError(field);
    }
  }

  /** A stable keyed pseudonym of a value (ordering keys); not reversible without the key. */
  pseudonym(value: string): string {
    return createHmac('sha256', this.pseudonymKey).update(value).digest('base64url').slice(0, 22);
  }

  /** Encrypts every value of a field map. */
  sealAll(rowId: string, fields: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) out[k] = this.encrypt(rowId, k, v);
    return out;
  }

  /**
   * Seals a row's personal fields as one value (one AES-GCM operation, bound to the row id), the
   * form `Outbox.record` stores; an empty map stays `{}` with nothing to seal. Cannot fail.
   */
  sealMap(rowId: string, fields: Readonly<Record<string, string>>): string {
    for (const _ in fields) return MAP_PREFIX + this.encrypt(rowId, MAP_FIELD, JSON.stringify(fields)).slice(PREFIX.length);
    return '{}';
  }

  /**
   * Opens what sealMap stored, or a v1 JSON map of per-field sealed values; throws DecryptError
   * if it was tampered with, moved from another row or sealed under another key.
   */
  openMap(rowId: string, stored: string): Record<string, string> {
    if (!stored.startsWith(MAP_PREFIX)) return this.openAll(rowId, parseStringMap(stored));
    return parseStringMap(this.decrypt(rowId, MAP_FIELD, PREFIX + stored.slice(MAP_PREFIX.length)));
  }

  /** Decrypts every value of a sealed field map; throws DecryptError on the first bad field. */
  openAll(rowId: string, sealed: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(sealed)) out[k] = this.decrypt(rowId, k, v);
    return out;
  }
}

/** A JSON object of strings, or DecryptError: what a personal column holds, sealed or opened. */
function parseStringMap(text: string): Record<string, string> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new DecryptError('personal');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.values(v).every((x) => typeof x === 'string')) throw new DecryptError('personal');
  return v as Record<string, string>;
}
