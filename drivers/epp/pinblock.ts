import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DriverError } from '../core/errors.js';

// ISO 9564-1 PIN blocks. These run inside the PIN pad (here: its emulator)
// and in the HSM; the host driver never sees a clear PIN. Vectors checked
// in tests: format 0 clear blocks from public examples, format 4 from the
// psec library's published doctest (the ISO annex itself is not public).

/** Why a PIN block could not be built or opened (no digits in it). */
export class PinBlockError extends DriverError<'PIN_FORMAT' | 'PAN_FORMAT' | 'KEY_LENGTH' | 'BLOCK_FORMAT'> {
  constructor(code: 'PIN_FORMAT' | 'PAN_FORMAT' | 'KEY_LENGTH' | 'BLOCK_FORMAT') {
    super('device', code);
    this.name = 'PinBlockError';
  }
}

const isDigits = (s: string, min: number, max: number) => new RegExp(`^\\d{${min},${max}}$`).test(s);

function des3(key: Uint8Array): { alg: string; key: Buffer } {
  if (key.length === 16) return { alg: 'des-ede3-ecb', key: Buffer.concat([key, key.subarray(0, 8)]) };
  if (key.length === 24) return { alg: 'des-ede3-ecb', key: Buffer.from(key) };
  throw new PinBlockError('KEY_LENGTH');
}

/** Single-block ECB encryption with 3DES (16/24-byte key) or AES (16/24/32); throws PinBlockError KEY_LENGTH. */
export function ecb(key: Uint8Array, block: Uint8Array, alg: '3des' | 'aes', decrypt = false): Buffer {
  const k = alg === '3des' ? des3(key) : { alg: `aes-${key.length * 8}-ecb`, key: Buffer.from(key) };
  if (alg === 'aes' && ![16, 24, 32].includes(key.length)) throw new PinBlockError('KEY_LENGTH');
  const c = (decrypt ? createDecipheriv : createCipheriv)(k.alg, k.key, null).setAutoPadding(false);
  return Buffer.concat([c.update(block), c.final()]);
}

/** Key check value: first 3 bytes of the key encrypting zeros. */
export function kcv(key: Uint8Array, alg: '3des' | 'aes'): Buffer {
  return ecb(key, Buffer.alloc(alg === 'aes' ? 16 : 8), alg).subarray(0, 3);
}

/** ISO format 0 clear block: (0 L PIN F…) XOR (0000 + 12 rightmost PAN digits without the check digit). */
export function format0Clear(pin: string, pan: string): Buffer {
  if (!isDigits(pin, 4, 12)) throw new PinBlockError('PIN_FORMAT');
  if (!isDigits(pan, 13, 19)) throw new PinBlockError('PAN_FORMAT');
  const pinField = Buffer.from(`0${pin.length.toString(16)}${pin}`.padEnd(16, 'F'), 'hex');
  const panField = Buffer.from(`0000${pan.slice(-13, -1)}`, 'hex');
  return Buffer.from(pinField.map((b, i) => b ^ (panField[i] ?? 0)));
}

/** Format 0 enciphered with 3DES (ECB); throws PinBlockError. */
export function format0Encipher(key: Uint8Array, pin: string, pan: string): Buffer {
  return ecb(key, format0Clear(pin, pan), '3des');
}

/** Opens a format 0 block (HSM/emulator side); PinBlockError BLOCK_FORMAT if it is not a valid format 0 block for this PAN. */
export function format0Decipher(key: Uint8Array, block: Uint8Array, pan: string): string {
  if (block.length !== 8) throw new PinBlockError('BLOCK_FORMAT');
  if (!isDigits(pan, 13, 19)) throw new PinBlockError('PAN_FORMAT');
  const clear = ecb(key, block, '3des', true);
  const panField = Buffer.from(`0000${pan.slice(-13, -1)}`, 'hex');
  const hex = Buffer.from(clear.map((b, i) => b ^ (panField[i] ?? 0))).toString('hex').toUpperCase();
  const n = parseInt(hex[1] ?? '0', 16);
  if (hex[0] !== '0' || n < 4 || n > 12 || hex.slice(2 + n) !== 'F'.repeat(14 - n) || !isDigits(hex.slice(2, 2 + n), n, n)) {
    throw new PinBlockError('BLOCK_FORMAT');
  }
  return hex.slice(2, 2 + n);
}

/** Format 4 plain-text PIN field: 4 L PIN A-fill (8 bytes) + 8 random bytes (or the given test pad). */
export function format4PinField(pin: string, pad: Uint8Array = randomBytes(8)): Buffer {
  if (!isDigits(pin, 4, 12)) throw new PinBlockError('PIN_FORMAT');
  if (pad.length !== 8) throw new PinBlockError('BLOCK_FORMAT');
  return Buffer.concat([Buffer.from(`4${pin.length.toString(16)}${pin}`.padEnd(16, 'A'), 'hex'), pad]);
}

/** Format 4 plain-text PAN field: M (length − 12) + PAN, zero padded to 16 bytes (PANs under 12 digits left-padded). */
export function format4PanField(pan: string): Buffer {
  if (!isDigits(pan, 1, 19)) throw new PinBlockError('PAN_FORMAT');
  const m = pan.length < 12 ? 0 : pan.length - 12;
  return Buffer.from(`${m}${pan.padStart(12, '0')}`.padEnd(32, '0'), 'hex');
}

/** Format 4 with AES: E(K, E(K, PIN field) XOR PAN field); throws PinBlockError. */
export function format4Encipher(key: Uint8Array, pin: string, pan: string, pad?: Uint8Array): Buffer {
  const a = ecb(key, format4PinField(pin, pad), 'aes');
  const panField = format4PanField(pan);
  return ecb(key, Buffer.from(a.map((b, i) => b ^ (panField[i] ?? 0))), 'aes');
}

/** Opens a format 4 block (HSM/emulator side); PinBlockError BLOCK_FORMAT on a wrong key, PAN or layout. */
export function format4Decipher(key: Uint8Array, block: Uint8Array, pan: string): string {
  if (block.length !== 16) throw new PinBlockError('BLOCK_FORMAT');
  const b = ecb(key, block, 'aes', true);
  const panField = format4PanField(pan);
  const hex = ecb(key, Buffer.from(b.map((x, i) => x ^ (panField[i] ?? 0))), 'aes', true).toString('hex').toUpperCase();
  const n = parseInt(hex[1] ?? '0', 16);
  if (hex[0] !== '4' || n < 4 || n > 12 || hex.slice(2 + n, 16) !== 'A'.repeat(14 - n) || !isDigits(hex.slice(2, 2 + n), n, n)) {
    throw new PinBlockError('BLOCK_FORMAT');
  }
  return hex.slice(2, 2 + n);
}
