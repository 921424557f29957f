import type { Language } from '../../../src-main/contract/index.js';

/**
 * The spoken vocabulary for numbers, amounts, dates and digits: each word is one clip
 * (`assets/voice/<lang>/words/<id>.ogg`), joined the way bank terminals and queue callers do.
 * `text` is how the word is written (what the joiner's tests read); `say`, when given, is what
 * the speech engine is fed instead, for words it would misread on their own.
 */
export type WordEntry = { text: string; say?: string };

/** A short silence between groups (card digit groups, the parts of a date). Not a clip. */
export const PAUSE = '_pause';

const ZH: Record<string, WordEntry> = {
  d0: { text: '零' },
  d1: { text: '一' },
  d2: { text: '二' },
  d3: { text: '三' },
  d4: { text: '四' },
  d5: { text: '五' },
  d6: { text: '六' },
  d7: { text: '七' },
  d8: { text: '八' },
  d9: { text: '九' },
  // Read like 零; written 〇 in years.
  o: { text: '〇', say: '零' },
  liang: { text: '两' },
  shi: { text: '十' },
  bai: { text: '百' },
  qian: { text: '千' },
  wan: { text: '万' },
  yi: { text: '亿' },
  dian: { text: '点' },
  fu: { text: '负' },
  yuan: { text: '元' },
  jiao: { text: '角' },
  fen: { text: '分' },
  nian: { text: '年' },
  yue: { text: '月' },
  ri: { text: '日' },
};

const EN_SMALL = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
] as const;
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const EN_ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth',
  'nineteenth', 'twentieth', 'thirtieth',
] as const;
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const EN: Record<string, WordEntry> = Object.fromEntries(
  [
    ...EN_SMALL,
    ...EN_TENS,
    ...EN_ORDINALS,
    'hundred', 'thousand', 'million', 'billion', 'point', 'minus', 'oh', 'and', 'yuan', 'fen',
  ]
    .map((word): [string, WordEntry] => [word, { text: word }])
    .concat(EN_MONTHS.map((month): [string, WordEntry] => [month.toLowerCase(), { text: month }])),
);

export const EN_WORDS = { small: EN_SMALL, tens: EN_TENS, ordinals: EN_ORDINALS, months: EN_MONTHS } as const;

export const VOCABULARY: Readonly<Record<Language, Readonly<Record<string, WordEntry>>>> = { 'zh-CN': ZH, en: EN };

/** How a word is written; throws on a word the vocabulary lacks (a joiner bug, caught by its tests). */
export function wordText(lang: Language, id: string): string {
  if (id === PAUSE) return lang === 'en' ? ',' : '，';
  const entry = VOCABULARY[lang][id];
  if (!entry) throw new RangeError(`no ${lang} word "${id}"`);
  return entry.text;
}
