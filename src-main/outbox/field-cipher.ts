import { createCipheriv, createHmac, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { DecryptError, KeyInvalidError } from './errors.js';

// Per-field AES-256-GCM. The additional data binds each ciphertext to its row id and field name,
// so a ciphertext copied to another row or field fails to authenticate.

const PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

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
    const iv = randomBytes(IV_BYTES);
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

  /** Decrypts every value of a sealed field map; throws DecryptError on the first bad field. */
  openAll(rowId: string, sealed: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(sealed)) out[k] = this.decrypt(rowId, k, v);
    return out;
  }
}
