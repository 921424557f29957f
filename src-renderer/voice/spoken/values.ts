/** A value the joiner could not speak: not a finite number, a malformed amount or an impossible date. */
export class SpokenValueError extends RangeError {
  override name = 'SpokenValueError';
}

/** A number split for speaking: sign, whole part and the fraction's digits as written. */
export type Decimal = { negative: boolean; whole: number; fraction: string };

/** Reads a number or a plain decimal string ("1234.5"); no exponents, no grouping commas. */
export function toDecimal(value: number | string): Decimal {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SpokenValueError('not a finite number');
    // toString gives the shortest exact form; very small numbers come out in exponent form.
    text = Math.abs(value) < 1e-6 && value !== 0 ? value.toFixed(6) : String(value);
  } else {
    text = value.trim();
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new SpokenValueError('not a plain decimal number');
  const whole = Number(match[2]);
  if (!Number.isSafeInteger(whole)) throw new SpokenValueError('number too large to speak');
  const fraction = match[3] ?? '';
  return { negative: match[1] === '-' && (whole !== 0 || /[1-9]/.test(fraction)), whole, fraction };
}

/** An amount of yuan as whole fen, exact for strings and rounded to the fen for numbers. */
export function toFen(value: number | string): { negative: boolean; fen: number } {
  const { negative, whole, fraction } = toDecimal(value);
  if (typeof value === 'string' && fraction.length > 2) throw new SpokenValueError('an amount has at most two decimals');
  const fen =
    typeof value === 'number' ? Math.round(Math.abs(value) * 100) : whole * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new SpokenValueError('amount too large to speak');
  return { negative: negative && fen !== 0, fen };
}

/** A calendar date from "YYYY-MM-DD" (or a Date, read in local time); impossible dates are refused. */
export function toDate(value: string | Date): { year: number; month: number; day: number } {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new SpokenValueError('invalid date');
    return { year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) throw new SpokenValueError('a date is written YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new SpokenValueError('no such date');
  }
  return { year, month, day };
}

/**
 * The digit groups of a digit string: digits are kept, a run of anything else (spaces, dashes,
 * mask stars) separates groups. "6217 **** 1234" → ["6217", "1234"].
 */
export function digitGroups(value: string): string[] {
  return value.split(/\D+/).filter((group) => group !== '');
}
