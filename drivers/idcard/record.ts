import { IdCardError } from './errors.js';
import { isValidIdNumber } from './id-number.js';

/** A resident ID card read through the SAM (personal data: never log it). */
export interface ResidentIdCard {
  name: string;
  sex: 'male' | 'female' | 'unknown';
  /** GB 3304 nation code, e.g. "01"; the UI names it. */
  nationCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  address: string;
  idNumber: string;
  issuingAuthority: string;
  validFrom: string;
  /** YYYY-MM-DD, or 'long-term' (长期). */
  validTo: string;
  /** Encrypted WLT photo (1024 B) as delivered; decoding it needs the vendor's library. */
  photoWlt: Buffer;
}

/** UCS-2 field widths in characters, in card order (256 bytes in all). */
export const TEXT_FIELDS = [
  ['name', 15],
  ['sex', 1],
  ['nation', 2],
  ['birth', 8],
  ['address', 35],
  ['idNumber', 18],
  ['authority', 15],
  ['validFrom', 8],
  ['validTo', 8],
  ['reserved', 18],
] as const;

type FieldName = (typeof TEXT_FIELDS)[number][0];

/** Splits the 256-byte UCS-2 LE text block into trimmed fields; IdCardError BAD_RECORD if short. */
export function splitText(text: Buffer): Record<FieldName, string> {
  if (text.length < 256) throw new IdCardError('BAD_RECORD', { length: text.length });
  const out = {} as Record<FieldName, string>;
  let at = 0;
  for (const [name, chars] of TEXT_FIELDS) {
    out[name] = text.toString('utf16le', at, at + chars * 2).replace(/[\s\p{Cc}]+$/u, '');
    at += chars * 2;
  }
  return out;
}

function date(field: string, s: string): string {
  if (!/^\d{8}$/.test(s)) throw new IdCardError('BAD_RECORD', { field: fieldIndex(field) });
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

function fieldIndex(field: string): number {
  return TEXT_FIELDS.findIndex(([n]) => n === field);
}

/** Parses the read answer body (text length, photo length, text, photo); IdCardError BAD_RECORD or BAD_ID_NUMBER (no digits in the error). */
export function parseReadBody(body: Buffer): ResidentIdCard {
  if (body.length < 4) throw new IdCardError('BAD_RECORD', { length: body.length });
  const textLen = body.readUInt16BE(0);
  const photoLen = body.readUInt16BE(2);
  if (textLen !== 256 || body.length < 4 + textLen + photoLen) throw new IdCardError('BAD_RECORD', { textLen, photoLen });
  const f = splitText(body.subarray(4, 4 + textLen));
  if (!isValidIdNumber(f.idNumber)) throw new IdCardError('BAD_ID_NUMBER');
  return {
    name: f.name,
    sex: f.sex === '1' ? 'male' : f.sex === '2' ? 'female' : 'unknown',
    nationCode: f.nation,
    birthDate: date('birth', f.birth),
    address: f.address,
    idNumber: f.idNumber.toUpperCase(),
    issuingAuthority: f.authority,
    validFrom: date('validFrom', f.validFrom),
    validTo: f.validTo === '长期' ? 'long-term' : date('validTo', f.validTo),
    photoWlt: Buffer.from(body.subarray(4 + textLen, 4 + textLen + photoLen)),
  };
}
