import type { Language } from '../../../src-main/contract/index.js';
import * as zh from './zh.js';
import * as en from './en.js';
import { EN_WORDS, PAUSE, wordText } from './words.js';
import { SpokenValueError } from './values.js';

export { PAUSE, VOCABULARY, wordText, type WordEntry } from './words.js';
export { SpokenValueError } from './values.js';

/**
 * How a prompt's value is spoken, named in the prompt as `{{name, kind}}`:
 * `count` a quantity before a measure word (zh 两次), `number` a label (zh 第二页),
 * `amount` yuan, `date` a calendar date, `digits` one digit at a time (card numbers, codes).
 */
export const SPOKEN_KINDS = ['count', 'number', 'amount', 'date', 'digits'] as const;
export type SpokenKind = (typeof SPOKEN_KINDS)[number];

export const isSpokenKind = (kind: string): kind is SpokenKind => (SPOKEN_KINDS as readonly string[]).includes(kind);

/** The words (vocabulary ids, and PAUSE) that speak `value`; throws SpokenValueError on a value it cannot speak. */
export function speakValue(lang: Language, kind: SpokenKind, value: unknown): string[] {
  const joiner = lang === 'en' ? en : zh;
  switch (kind) {
    case 'count':
    case 'number':
      if (typeof value !== 'number' && typeof value !== 'string') throw new SpokenValueError('not a number');
      return lang === 'en' ? en.speakNumber(value) : zh.speakNumber(value, kind === 'count' ? 'count' : 'plain');
    case 'amount':
      if (typeof value !== 'number' && typeof value !== 'string') throw new SpokenValueError('not an amount');
      return joiner.speakAmount(value);
    case 'date':
      if (typeof value !== 'string' && !(value instanceof Date)) throw new SpokenValueError('not a date');
      return joiner.speakDate(value);
    case 'digits':
      if (typeof value !== 'string' && typeof value !== 'number') throw new SpokenValueError('not digits');
      return joiner.speakDigits(String(value));
  }
}

const EN_TENS: ReadonlySet<string> = new Set(EN_WORDS.tens);
const EN_UNITS: ReadonlySet<string> = new Set([...EN_WORDS.small.slice(1, 10), ...EN_WORDS.ordinals.slice(0, 9)]);

/** The written form of joined words: 一千二百三十四元 / "one thousand two hundred thirty-four yuan". */
export function spokenText(lang: Language, words: readonly string[]): string {
  if (lang !== 'en') return words.map((w) => wordText(lang, w)).join('');
  let text = '';
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (word === PAUSE) text += ',';
    else if (previous !== undefined && EN_TENS.has(previous) && EN_UNITS.has(word)) text += `-${wordText(lang, word)}`;
    else text += (text === '' ? '' : ' ') + wordText(lang, word);
  });
  return text;
}
