import { ProtocolError } from '../core/errors.js';
import { CardError } from './errors.js';

/** An ISO 7816-4 command APDU. */
export interface Apdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  /** Expected length 1..256 (256 encodes as 00), or undefined for none. */
  le?: number;
}

/** A response APDU split into data and status word. */
export interface ApduResponse {
  data: Buffer;
  sw: number;
}

/** Encodes a short APDU (cases 1-4); throws RangeError for data over 255 bytes or Le outside 1..256 (a caller bug). */
export function buildApdu(a: Apdu): Buffer {
  const parts = [a.cla, a.ins, a.p1, a.p2].map((b) => b & 0xff);
  const data = a.data ?? new Uint8Array(0);
  if (data.length > 255) throw new RangeError('APDU data too long');
  if (a.le !== undefined && (a.le < 1 || a.le > 256)) throw new RangeError('Le out of range');
  const le = a.le === undefined ? [] : [a.le & 0xff];
  return Buffer.from([...parts, ...(data.length > 0 ? [data.length, ...data] : []), ...le]);
}

/** Splits a response into data and SW1SW2; ProtocolError MALFORMED_REPLY if shorter than 2 bytes. */
export function parseResponse(bytes: Uint8Array): ApduResponse {
  if (bytes.length < 2) throw new ProtocolError('MALFORMED_REPLY', { length: bytes.length });
  const b = Buffer.from(bytes);
  return { data: b.subarray(0, b.length - 2), sw: b.readUInt16BE(b.length - 2) };
}

/** Packs 6 decimal PIN digits into 3 BCD bytes; CardError BAD_PIN_FORMAT otherwise (message carries no digits). */
export function pinToBcd(pin: string): Buffer {
  if (!/^\d{6}$/.test(pin)) throw new CardError('BAD_PIN_FORMAT');
  return Buffer.from(pin, 'hex');
}

/** Decodes packed BCD to digits; undefined if a nibble is above 9. */
export function bcdToDigits(bytes: Uint8Array): string | undefined {
  const s = Buffer.from(bytes).toString('hex');
  return /^\d*$/.test(s) ? s : undefined;
}

/** Re-sends an APDU with a new Le (the 6CXX rule); keeps CLA INS P1 P2 and data. */
export function withLe(apdu: Buffer, le: number): Buffer {
  const hasData = apdu.length > 5;
  const body = hasData ? apdu.subarray(0, 5 + (apdu[4] ?? 0)) : apdu.subarray(0, 4);
  return Buffer.concat([body, Buffer.of(le & 0xff)]);
}
