// Personal data never reaches a log: known personal keys are replaced, and strings that look like
// an ID number, a card number or a PIN block are masked wherever they appear.

const PERSONAL_KEYS = new Set([
  'pin', 'pinblock', 'newpin', 'oldpin', 'idnumber', 'id_number', 'name', 'fullname', 'cardnumber',
  'card_number', 'ssn', 'socialsecuritynumber', 'photo', 'image', 'face', 'address', 'birthdate', 'phone',
]);

const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
const LONG_DIGITS = /\b\d{9,}\b/g;

export const REDACTED = '[redacted]';

/** Masks digit runs that could be an ID number, a card number or account number. */
export function redactString(text: string): string {
  return text.replace(ID_NUMBER, REDACTED).replace(LONG_DIGITS, REDACTED);
}

/** Returns a copy of `value` safe to log: personal keys dropped, suspicious strings masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { error: value.name, message: redactString(value.message) };
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = PERSONAL_KEYS.has(key.toLowerCase()) ? REDACTED : redact(v, depth + 1);
  }
  return out;
}
