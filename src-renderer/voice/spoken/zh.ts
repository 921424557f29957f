import { PAUSE } from './words.js';
import { digitGroups, SpokenValueError, toDate, toDecimal, toFen } from './values.js';

/**
 * Mandarin joiner: numbers, amounts, dates and digits as word ids of the zh-CN vocabulary.
 * `count` style is a quantity before a measure word (两次, 两百, 两万元); `plain` reads a number
 * as a label (第二页, 十二月, 二〇二六年).
 */
export type ZhNumberStyle = 'count' | 'plain';

const digit = (d: number): string => `d${d}`;
const SECTION_UNITS = ['qian', 'bai', 'shi', null] as const;
// Four-digit sections from the top: 万亿, 亿, 万, and the ones section.
const BIG_UNITS: ReadonlyArray<readonly string[]> = [['wan', 'yi'], ['yi'], ['wan'], []];

/** One four-digit section (0 < value < 10000). `first` = nothing was spoken before it. */
function section(value: number, first: boolean, style: ZhNumberStyle): string[] {
  const digits = [Math.floor(value / 1000), Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10];
  const out: string[] = [];
  let started = false;
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = started;
      return;
    }
    if (zero) out.push('d0');
    zero = false;
    const unit = SECTION_UNITS[i] ?? null;
    const leading = first && !started;
    if (leading && unit === 'shi' && d === 1) {
      // 十二, 十万: a leading 一十 drops its 一; inside a number (一百一十) it stays.
    } else if (leading && style === 'count' && d === 2 && (unit === 'qian' || unit === 'bai')) {
      out.push('liang');
    } else {
      out.push(digit(d));
    }
    if (unit) out.push(unit);
    started = true;
  });
  return out;
}

function wholeNumber(value: number, style: ZhNumberStyle): string[] {
  if (value === 0) return ['d0'];
  if (style === 'count' && value === 2) return ['liang'];
  const sections = [
    Math.floor(value / 1e12),
    Math.floor(value / 1e8) % 1e4,
    Math.floor(value / 1e4) % 1e4,
    value % 1e4,
  ];
  const out: string[] = [];
  let started = false;
  let gap = false;
  sections.forEach((part, i) => {
    const units = BIG_UNITS[i] ?? [];
    if (part === 0) {
      gap = started;
      return;
    }
    // 一万零一十, 一亿零一万: a zero is heard where a section (or its top digit) is missing.
    if (started && (gap || part < 1000)) out.push('d0');
    gap = false;
    if (!started && style === 'count' && part === 2 && units.length > 0) out.push('liang');
    else out.push(...section(part, !started, style));
    out.push(...units);
    started = true;
  });
  return out;
}

/** 1234 → 一千二百三十四; 3.05 → 三点零五; 2 → 两 (count) or 二 (plain); -2 → 负二. */
export function speakNumber(value: number | string, style: ZhNumberStyle = 'count'): string[] {
  const { negative, whole, fraction } = toDecimal(value);
  const out = negative ? ['fu'] : [];
  // 两 is for counting things: not for fractions (二点五) or below zero (负二).
  out.push(...wholeNumber(whole, fraction === '' && !negative ? style : 'plain'));
  if (fraction !== '') out.push('dian', ...[...fraction].map((c) => digit(Number(c))));
  return out;
}

/** 1234.56 → 一千二百三十四元五角六分; 0.05 → 五分; 1.05 → 一元零五分; 0 → 零元. */
export function speakAmount(value: number | string): string[] {
  const { negative, fen: total } = toFen(value);
  const yuan = Math.floor(total / 100);
  const jiao = Math.floor(total / 10) % 10;
  const fen = total % 10;
  const out = negative ? ['fu'] : [];
  if (yuan > 0 || total === 0) out.push(...wholeNumber(yuan, 'count'), 'yuan');
  if (jiao > 0) out.push(digit(jiao), 'jiao');
  if (fen > 0) {
    if (yuan > 0 && jiao === 0) out.push('d0');
    out.push(digit(fen), 'fen');
  }
  return out;
}

/** 2026-12-04 → 二〇二六年十二月四日: the year digit by digit, month and day as plain numbers. */
export function speakDate(value: string | Date): string[] {
  const { year, month, day } = toDate(value);
  const yearWords = [...String(year)].map((c) => (c === '0' ? 'o' : digit(Number(c))));
  return [...yearWords, 'nian', ...wholeNumber(month, 'plain'), 'yue', ...wholeNumber(day, 'plain'), 'ri'];
}

/** Digit by digit (二, never 两), with a pause where a space or masked run separates groups. */
export function speakDigits(value: string): string[] {
  const groups = digitGroups(value);
  if (groups.length === 0) throw new SpokenValueError('no digits to speak');
  return groups.flatMap((group, i) => [...(i > 0 ? [PAUSE] : []), ...[...group].map((c) => digit(Number(c)))]);
}
