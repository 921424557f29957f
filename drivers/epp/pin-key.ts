import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DriverError } from '../core/errors.js';
import { ecb, kcv } from './pinblock.js';
import { wrapTestKey } from './emulator.js';
import type { PinBlock } from './device.js';

// The host side of the PIN path (see src-main/flows/PIN.md). The pad
// returns ISO 9564 format 0 blocks under the terminal PIN key; a PinKey
// holds that key where only the drivers can use it. A block is opened into
// a Buffer for exactly two purposes, both inside drivers/: the card command
// that needs the digits (VERIFY, CHANGE, RELOAD), and the weak-PIN verdict.
// Both zero every buffer that held digits before they return. No function
// here returns or accepts a PIN as a string.

const secret = new WeakMap<PinKey, Buffer>();

/**
 * A 3DES (double-length) PIN key as an opaque handle: callers above the
 * drivers can pass it around and destroy it, never read it.
 */
export class PinKey {
  private constructor() {}

  /** Wraps key bytes (copied); RangeError unless 16 bytes. */
  static fromBytes(bytes: Uint8Array): PinKey {
    if (bytes.length !== 16) throw new RangeError('a PIN key is 16 bytes (double-length 3DES)');
    const k = new PinKey();
    secret.set(k, Buffer.from(bytes));
    return k;
  }

  /** Zeroes the key; later use fails with KEY_DESTROYED. */
  destroy(): void {
    secret.get(this)?.fill(0);
    secret.delete(this);
  }

  /** Key check value (3 bytes, not secret): lets a pad confirm it holds the same key. */
  checkValue(): Buffer {
    return kcv(keyOf(this), '3des');
  }
}

function keyOf(k: PinKey): Buffer {
  const bytes = secret.get(k);
  if (!bytes) throw new PinKeyError('KEY_DESTROYED');
  return bytes;
}

/** Why a PIN block could not be used (never the digits). */
export class PinKeyError extends DriverError<'KEY_DESTROYED' | 'BLOCK_FORMAT' | 'PAN_FORMAT' | 'PIN_LENGTH'> {
  constructor(code: 'KEY_DESTROYED' | 'BLOCK_FORMAT' | 'PAN_FORMAT' | 'PIN_LENGTH') {
    super('device', code);
    this.name = 'PinKeyError';
  }
}

/** The key and the account digits a resident's PIN blocks are bound to (ISO 9564 format 0 PAN field). */
export interface PinBinding {
  key: PinKey;
  /** 13-19 digits: the account field the pad was given for this card. */
  pan: string;
}

/** The card's PIN length: SSSE VERIFY takes 6 digits as 3 BCD bytes. */
export const CARD_PIN_LENGTH = 6;

function panField(pan: string): Buffer {
  if (!/^\d{13,19}$/.test(pan)) throw new PinKeyError('PAN_FORMAT');
  return Buffer.from(`0000${pan.slice(-13, -1)}`, 'hex');
}

/**
 * Opens a format 0 block into the card's 3 BCD bytes, runs `use`, and
 * zeroes every buffer that held digits, whatever `use` does. Drivers only
 * (not exported from drivers/index.ts). PinKeyError BLOCK_FORMAT / PIN_LENGTH.
 */
export async function withCardPin<T>(binding: PinBinding, block: PinBlock, use: (bcd: Buffer) => Promise<T>): Promise<T> {
  const bcd = openToBcd(binding, block);
  try {
    return await use(bcd);
  } finally {
    bcd.fill(0);
  }
}

function openToBcd(binding: PinBinding, block: PinBlock): Buffer {
  if (block.format !== 0 || block.block.length !== 8) throw new PinKeyError('BLOCK_FORMAT');
  const pad = panField(binding.pan);
  const clear = ecb(keyOf(binding.key), block.block, '3des', true);
  try {
    for (let i = 0; i < 8; i++) clear[i] = (clear[i] ?? 0) ^ (pad[i] ?? 0);
    const control = clear[0] ?? 0xff;
    if (control >> 4 !== 0) throw new PinKeyError('BLOCK_FORMAT');
    if ((control & 0x0f) !== CARD_PIN_LENGTH) throw new PinKeyError('PIN_LENGTH');
    for (let i = 1; i < 4; i++) {
      const b = clear[i] ?? 0xff;
      if (b >> 4 > 9 || (b & 0x0f) > 9) throw new PinKeyError('BLOCK_FORMAT');
    }
    for (let i = 4; i < 8; i++) if (clear[i] !== 0xff) throw new PinKeyError('BLOCK_FORMAT');
    return Buffer.from(clear.subarray(1, 4));
  } finally {
    clear.fill(0);
  }
}

/** Why a new PIN is refused, or 'ok'. */
export type PinVerdict = 'ok' | 'repeated' | 'sequence';

/**
 * Judges a new PIN without letting it out: six equal digits (111111) are
 * `repeated`, a run up or down by one (123456, 654321, 890123 does not
 * wrap) is `sequence`. PinKeyError BLOCK_FORMAT / PIN_LENGTH.
 */
export async function judgeNewPin(binding: PinBinding, block: PinBlock): Promise<PinVerdict> {
  return withCardPin(binding, block, async (bcd) => {
    const d = [bcd[0] ?? 0, bcd[1] ?? 0, bcd[2] ?? 0].flatMap((b) => [b >> 4, b & 0x0f]);
    let same = true;
    let up = true;
    let down = true;
    for (let i = 1; i < d.length; i++) {
      const step = (d[i] ?? 0) - (d[i - 1] ?? 0);
      same &&= step === 0;
      up &&= step === 1;
      down &&= step === -1;
    }
    d.fill(0);
    return same ? 'repeated' : up || down ? 'sequence' : 'ok';
  });
}

/**
 * Whether two entries were the same PIN: with format 0, one key and one
 * PAN, equal PINs give equal blocks, so nothing is opened. Constant time.
 */
export function sameEntry(a: PinBlock, b: PinBlock): boolean {
  return a.format === 0 && b.format === 0 && a.block.length === b.block.length && timingSafeEqual(a.block, b.block);
}

/**
 * Demo terminal PIN key, shared with the reference county backend's
 * "HSM" (src-main/county/reference/hsm.ts keeps its own copy). Never a
 * production key.
 */
export const DEMO_TERMINAL_PIN_KEY = Buffer.from('1F2E3D4C5B6A79880123456789ABCDEF', 'hex');

/** What a PIN pad needs to load a key as its working key: the key under the pad's master key, and its check value. */
export interface PadKeyLoad {
  encryptedKey: Buffer;
  kcv: Buffer;
}

/** The demo key set for emulated pads: the host handle, and the same key wrapped under the emulator's test master key. */
export function demoPinKeys(): { key: PinKey; padLoad: PadKeyLoad } {
  return { key: PinKey.fromBytes(DEMO_TERMINAL_PIN_KEY), padLoad: wrapTestKey('3des', DEMO_TERMINAL_PIN_KEY) };
}

/** A random key set for tests that must not share the demo key. */
export function randomTestPinKeys(): { key: PinKey; padLoad: PadKeyLoad; bytes: Buffer } {
  const bytes = randomBytes(16);
  return { key: PinKey.fromBytes(bytes), padLoad: wrapTestKey('3des', bytes), bytes };
}
