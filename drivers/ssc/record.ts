import { decodeGbk } from '../core/gbk.js';
import { bcdToDigits } from './apdu.js';
import { CardError } from './errors.js';

/** The resident's social-security card data (personal data: never log it). */
export interface SocialSecurityCard {
  /** Card identification code (EF05 tag 01), 16 bytes as upper-case hex. */
  cardId: string;
  /** Specification version, e.g. "3.00". */
  specVersion: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  expiryDate: string;
  /** Card number (EF05 tag 07). */
  cardNumber: string;
  /** Social-security number (EF06 tag 08), 18 characters. */
  ssn: string;
  name: string;
  sex: 'male' | 'female' | 'unknown';
  birthDate: string;
}

/** EF05 record tags. */
export const EF05_TAGS = { cardId: 0x01, specVersion: 0x03, issueDate: 0x05, expiryDate: 0x06, cardNumber: 0x07 } as const;
/** EF06 record tags. */
export const EF06_TAGS = { ssn: 0x08, name: 0x09, sex: 0x0a, birthDate: 0x0d } as const;

/** Splits a record `tag | len | value` and checks the tag; CardError BAD_RECORD (with the tag only) otherwise. */
export function parseTlv(tag: number, bytes: Buffer): Buffer {
  if (bytes.length < 2 || bytes[0] !== tag) throw new CardError('BAD_RECORD', { tag });
  const len = bytes[1] ?? 0;
  if (bytes.length < 2 + len) throw new CardError('BAD_RECORD', { tag });
  return bytes.subarray(2, 2 + len);
}

/** Decodes a 4-byte BCD date to YYYY-MM-DD; CardError BAD_RECORD if not a calendar-shaped date. */
export function bcdDate(tag: number, v: Buffer): string {
  const d = bcdToDigits(v);
  if (d?.length !== 8) throw new CardError('BAD_RECORD', { tag });
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  if (m < 1 || m > 12 || day < 1 || day > 31) throw new CardError('BAD_RECORD', { tag });
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

/** Decodes fixed-width text padded with 00 or spaces; CardError BAD_RECORD for control characters. */
export function paddedText(tag: number, v: Buffer, gbk: boolean): string {
  let end = v.length;
  while (end > 0 && (v[end - 1] === 0x00 || v[end - 1] === 0x20 || v[end - 1] === 0xff)) end--;
  const raw = v.subarray(0, end);
  const text = gbk ? decodeGbk(raw) : raw.toString('latin1');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\ufffd]/.test(text) || (!gbk && /[^\x20-\x7e]/.test(text))) throw new CardError('BAD_RECORD', { tag });
  return text;
}

/** Maps the sex code (GB/T 2261.1: '1' male, '2' female, as ASCII or binary). */
export function sexOf(v: Buffer): SocialSecurityCard['sex'] {
  const c = v[0];
  if (c === 0x31 || c === 0x01) return 'male';
  if (c === 0x32 || c === 0x02) return 'female';
  return 'unknown';
}
