import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAUSE, speakValue, spokenText, SpokenValueError, VOCABULARY, type SpokenKind } from '../../src-renderer/voice/spoken/index.js';
import type { Language } from '../../src-main/contract/index.js';

const say = (lang: Language, kind: SpokenKind, value: unknown) => spokenText(lang, speakValue(lang, kind, value));
const zh = (kind: SpokenKind, value: unknown) => say('zh-CN', kind, value);
const en = (kind: SpokenKind, value: unknown) => say('en', kind, value);

describe('zh-CN numbers', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [22, '二十二'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [1234, '一千二百三十四'],
    [10000, '一万'],
    [10010, '一万零一十'],
    [10100, '一万零一百'],
    [12000, '一万二千'],
    [100000, '十万'],
    [110000, '十一万'],
    [1000000, '一百万'],
    [1100000, '一百一十万'],
    [100000000, '一亿'],
    [100010000, '一亿零一万'],
    [100000001, '一亿零一'],
    [110000000, '一亿一千万'],
    [1000000000000, '一万亿'],
  ])('%d → %s', (value, text) => {
    expect(zh('count', value)).toBe(text);
  });

  it('says 两 for a counted 2 and before 百/千/万/亿 at the front, 二 elsewhere', () => {
    expect(zh('count', 2)).toBe('两');
    expect(zh('count', 200)).toBe('两百');
    expect(zh('count', 2000)).toBe('两千');
    expect(zh('count', 20000)).toBe('两万');
    expect(zh('count', 22000)).toBe('两万二千');
    expect(zh('count', 200000000)).toBe('两亿');
    expect(zh('count', 222)).toBe('两百二十二');
    expect(zh('count', 1200)).toBe('一千二百');
    expect(zh('count', 200000)).toBe('二十万');
    expect(zh('count', 2.5)).toBe('二点五');
    expect(zh('count', -2)).toBe('负二');
  });

  it('says 二 for a number used as a label (page, month)', () => {
    expect(zh('number', 2)).toBe('二');
    expect(zh('number', 200)).toBe('二百');
    expect(zh('number', 20000)).toBe('二万');
  });

  it('reads decimals digit by digit after 点', () => {
    expect(zh('number', 3.05)).toBe('三点零五');
    expect(zh('number', '0.50')).toBe('零点五零');
  });
});

describe('zh-CN amounts', () => {
  it.each([
    [1234.56, '一千二百三十四元五角六分'],
    ['1234.56', '一千二百三十四元五角六分'],
    [0.05, '五分'],
    [0.5, '五角'],
    [0.56, '五角六分'],
    [1.5, '一元五角'],
    ['1.50', '一元五角'],
    [1.05, '一元零五分'],
    [10, '十元'],
    [2, '两元'],
    [20000, '两万元'],
    [10010.01, '一万零一十元零一分'],
    [0, '零元'],
    [0.1 + 0.2, '三角'],
    [-3.5, '负三元五角'],
  ])('%s → %s', (value, text) => {
    expect(zh('amount', value)).toBe(text);
  });

  it('refuses amounts with more than two decimals written out', () => {
    expect(() => zh('amount', '1.005')).toThrow(SpokenValueError);
  });
});

describe('zh-CN dates and digits', () => {
  it('reads 2026-12-04 as 二〇二六年十二月四日', () => {
    expect(zh('date', '2026-12-04')).toBe('二〇二六年十二月四日');
    expect(zh('date', '1946-02-20')).toBe('一九四六年二月二十日');
    expect(zh('date', new Date(2000, 0, 31))).toBe('二〇〇〇年一月三十一日');
  });

  it('refuses impossible or malformed dates', () => {
    expect(() => zh('date', '2026-02-30')).toThrow(SpokenValueError);
    expect(() => zh('date', '2026/12/04')).toThrow(SpokenValueError);
    expect(() => zh('date', new Date(Number.NaN))).toThrow(SpokenValueError);
  });

  it('reads a masked card number digit by digit, pausing across the mask', () => {
    expect(speakValue('zh-CN', 'digits', '6217 **** **** 1234')).toEqual(['d6', 'd2', 'd1', 'd7', PAUSE, 'd1', 'd2', 'd3', 'd4']);
    expect(zh('digits', '6217********1022')).toBe('六二一七，一零二二');
    expect(() => zh('digits', '****')).toThrow(SpokenValueError);
  });
});

describe('English', () => {
  it.each([
    [0, 'zero'],
    [13, 'thirteen'],
    [40, 'forty'],
    [42, 'forty-two'],
    [100, 'one hundred'],
    [110, 'one hundred ten'],
    [1005, 'one thousand five'],
    [1234, 'one thousand two hundred thirty-four'],
    [20000, 'twenty thousand'],
    [1000000, 'one million'],
    [100000000, 'one hundred million'],
    [3.05, 'three point zero five'],
    [-7, 'minus seven'],
  ])('%s → %s', (value, text) => {
    expect(en('count', value)).toBe(text);
  });

  it.each([
    [1234.56, 'one thousand two hundred thirty-four yuan and fifty-six fen'],
    [0.05, 'five fen'],
    [1.5, 'one yuan and fifty fen'],
    [2, 'two yuan'],
    [0, 'zero yuan'],
  ])('amount %s → %s', (value, text) => {
    expect(en('amount', value)).toBe(text);
  });

  it.each([
    ['2026-12-04', 'December fourth, twenty twenty-six'],
    ['2005-03-21', 'March twenty-first, two thousand five'],
    ['1905-07-30', 'July thirtieth, nineteen oh five'],
    ['1900-01-20', 'January twentieth, nineteen hundred'],
    ['2000-05-31', 'May thirty-first, two thousand'],
  ])('date %s → %s', (value, text) => {
    expect(en('date', value)).toBe(text);
  });

  it('reads digits one at a time', () => {
    expect(en('digits', '6217 **** 1234')).toBe('six two one seven, one two three four');
  });
});

describe('joiner invariants', () => {
  it('only ever produces words that have a clip in the vocabulary', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.tuple(fc.constant<SpokenKind>('count'), fc.integer({ min: -1e11, max: 1e11 })),
            fc.tuple(fc.constant<SpokenKind>('number'), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
            fc.tuple(fc.constant<SpokenKind>('amount'), fc.integer({ min: 0, max: 1e11 }).map((fen) => fen / 100)),
            fc.tuple(fc.constant<SpokenKind>('digits'), fc.stringMatching(/^[0-9][0-9 *]{0,20}$/)),
            fc.tuple(fc.constant<SpokenKind>('date'), fc.date({ min: new Date(1900, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true })),
          ),
          ([kind, value]) => {
            for (const word of speakValue(lang, kind, value)) {
              if (word !== PAUSE) expect(VOCABULARY[lang][word], `${lang} ${kind} ${String(value)} → ${word}`).toBeDefined();
            }
          },
        ),
      );
    }
  });

  it('never says 零 twice in a row or at the end of a zh-CN number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (value) => {
        const text = zh('count', value);
        expect(text).not.toMatch(/零零|零$|零[万亿]/);
      }),
    );
  });

  it('refuses what it cannot speak with a typed error', () => {
    expect(() => speakValue('zh-CN', 'count', Number.NaN)).toThrow(SpokenValueError);
    expect(() => speakValue('en', 'count', Infinity)).toThrow(SpokenValueError);
    expect(() => speakValue('en', 'amount', '12,00')).toThrow(SpokenValueError);
    expect(() => speakValue('zh-CN', 'count', { n: 1 })).toThrow(SpokenValueError);
    expect(() => speakValue('en', 'count', 1e13)).toThrow(SpokenValueError);
  });
});
