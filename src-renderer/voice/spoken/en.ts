import { EN_WORDS, PAUSE } from './words.js';
import { digitGroups, SpokenValueError, toDate, toDecimal, toFen } from './values.js';

/**
 * English joiner, American style: "one thousand two hundred thirty-four" (no "and" inside a
 * number); amounts as "… yuan and … fen"; dates as "December fourth, twenty twenty-six".
 */

const small = (n: number): string => EN_WORDS.small[n] ?? 'zero';
const tensWord = (n: number): string => EN_WORDS.tens[n - 2] ?? 'twenty';

function belowHundred(n: number): string[] {
  if (n < 20) return [small(n)];
  const ones = n % 10;
  return ones === 0 ? [tensWord(Math.floor(n / 10))] : [tensWord(Math.floor(n / 10)), small(ones)];
}

function belowThousand(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const out = hundreds > 0 ? [small(hundreds), 'hundred'] : [];
  if (rest > 0) out.push(...belowHundred(rest));
  return out;
}

const SCALES = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
] as const;

function wholeNumber(value: number): string[] {
  if (value === 0) return ['zero'];
  if (value >= 1e12) throw new SpokenValueError('number too large to speak');
  const out: string[] = [];
  let rest = value;
  for (const [size, word] of SCALES) {
    const count = Math.floor(rest / size);
    if (count > 0) out.push(...belowThousand(count), word);
    rest %= size;
  }
  if (rest > 0) out.push(...belowThousand(rest));
  return out;
}

/** 1234 → one thousand two hundred thirty-four; 3.05 → three point zero five; -7 → minus seven. */
export function speakNumber(value: number | string): string[] {
  const { negative, whole, fraction } = toDecimal(value);
  const out = negative ? ['minus'] : [];
  out.push(...wholeNumber(whole));
  if (fraction !== '') out.push('point', ...[...fraction].map((c) => small(Number(c))));
  return out;
}

/** 1234.56 → … thirty-four yuan and fifty-six fen; 0.05 → five fen; 0 → zero yuan. */
export function speakAmount(value: number | string): string[] {
  const { negative, fen: total } = toFen(value);
  const yuan = Math.floor(total / 100);
  const fen = total % 100;
  const out = negative ? ['minus'] : [];
  if (yuan > 0 || total === 0) out.push(...wholeNumber(yuan), 'yuan');
  if (fen > 0) out.push(...(yuan > 0 ? ['and'] : []), ...wholeNumber(fen), 'fen');
  return out;
}

function ordinal(day: number): string[] {
  if (day <= 20) return [EN_WORDS.ordinals[day - 1] ?? 'first'];
  if (day === 30) return ['thirtieth'];
  const ones = day % 10;
  return [tensWord(Math.floor(day / 10)), EN_WORDS.ordinals[ones - 1] ?? 'first'];
}

/** Years as people say them: 2026 → twenty twenty-six, 2005 → two thousand five, 1905 → nineteen oh five. */
function year(value: number): string[] {
  const high = Math.floor(value / 100);
  const low = value % 100;
  if (value < 1000 || (value >= 2000 && value < 2010) || (low === 0 && high % 10 === 0)) return wholeNumber(value);
  if (low === 0) return [...belowHundred(high), 'hundred'];
  if (low < 10) return [...belowHundred(high), 'oh', small(low)];
  return [...belowHundred(high), ...belowHundred(low)];
}

/** 2026-12-04 → December fourth, twenty twenty-six. */
export function speakDate(value: string | Date): string[] {
  const { year: y, month, day } = toDate(value);
  const monthName = EN_WORDS.months[month - 1] ?? 'January';
  return [monthName.toLowerCase(), ...ordinal(day), PAUSE, ...year(y)];
}

/** Digit by digit, with a pause where a space or masked run separates groups. */
export function speakDigits(value: string): string[] {
  const groups = digitGroups(value);
  if (groups.length === 0) throw new SpokenValueError('no digits to speak');
  return groups.flatMap((group, i) => [...(i > 0 ? [PAUSE] : []), ...[...group].map((c) => small(Number(c)))]);
}
