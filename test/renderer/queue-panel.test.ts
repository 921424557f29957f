import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueueStatusSchema } from '../../src-main/contract/ops.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { en } from '../../src-renderer/i18n/locales/en.js';
import { SYNC_VIEW, acceptingWarning, formatAge, formatInstant, rowMode, syncText } from '../../src-renderer/components/queue-panel-model.js';

function get(tree: object, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), tree);
}

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('queue panel view logic', () => {
  // A separate instance: the model's keys are rendered as the panel renders them, plurals included.
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
  });
  const render = (lng: 'zh-CN' | 'en', ms: number | null) => {
    const age = formatAge(ms);
    return age.key === 'queue.age.none' ? i18n.t(age.key, { lng }) : i18n.t(age.key, { lng, count: age.count });
  };

  it('gives every sync state a tone, a symbol and a text in both locales (never colour alone)', () => {
    for (const state of QueueStatusSchema.shape.sync.options) {
      expect(SYNC_VIEW[state].symbol.trim().length, state).toBeGreaterThan(0);
      expect(syncText(state)).toBe(`queue.sync.${state}`);
      expect(typeof get(zhCN, syncText(state)), state).toBe('string');
      expect(typeof get(en, syncText(state)), state).toBe('string');
    }
    expect(SYNC_VIEW.idle.tone).toBe('ok');
    expect(SYNC_VIEW.syncing.tone).toBe('busy');
    expect(SYNC_VIEW.breaker_open.tone).toBe('bad');
    expect(SYNC_VIEW.offline.tone).toBe('bad');
    // States that look alike in colour still differ in symbol.
    const symbols = Object.values(SYNC_VIEW).map((v) => v.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  it('buckets the oldest row age into seconds, minutes, hours, days', () => {
    expect(formatAge(null)).toEqual({ key: 'queue.age.none' });
    expect(formatAge(Number.NaN)).toEqual({ key: 'queue.age.none' });
    expect(formatAge(0)).toEqual({ key: 'queue.age.seconds', count: 0 });
    expect(formatAge(59_999)).toEqual({ key: 'queue.age.seconds', count: 59 });
    expect(formatAge(MIN)).toEqual({ key: 'queue.age.minutes', count: 1 });
    expect(formatAge(3 * MIN + 40_000)).toEqual({ key: 'queue.age.minutes', count: 3 });
    expect(formatAge(HOUR)).toEqual({ key: 'queue.age.hours', count: 1 });
    expect(formatAge(47 * HOUR)).toEqual({ key: 'queue.age.hours', count: 47 });
    expect(formatAge(3 * 24 * HOUR + 5 * HOUR)).toEqual({ key: 'queue.age.days', count: 3 });
    expect(formatAge(-5)).toEqual({ key: 'queue.age.seconds', count: 0 });
  });

  it('reads the age in each language, with English plurals', () => {
    expect(render('zh-CN', 3 * MIN)).toBe('3 分钟');
    expect(render('en', 3 * MIN)).toBe('3 minutes');
    expect(render('en', MIN)).toBe('1 minute');
    expect(render('zh-CN', 1_000)).toBe('1 秒');
    expect(render('en', 2 * HOUR)).toBe('2 hours');
    expect(render('en', 24 * 3 * HOUR)).toBe('3 days');
    expect(render('zh-CN', null)).toBe('无等待记录');
    expect(render('en', null)).toBe('Nothing waiting');
  });

  it('formats the last sync as a local time, with the date when not today, or null for never', () => {
    const now = Date.parse('2026-03-05T12:00:00Z');
    expect(formatInstant(null, 'zh-CN', now, 'UTC')).toBeNull();
    expect(formatInstant(undefined, 'en', now, 'UTC')).toBeNull();
    expect(formatInstant('not a time', 'en', now, 'UTC')).toBeNull();
    expect(formatInstant('2026-03-05T09:07:03Z', 'zh-CN', now, 'UTC')).toBe('09:07:03');
    expect(formatInstant('2026-03-05T21:07:03Z', 'en', now, 'UTC')).toBe('21:07:03');
    const zhOld = formatInstant('2026-03-01T09:07:03Z', 'zh-CN', now, 'UTC');
    expect(zhOld).toContain('2026');
    expect(zhOld).toContain('09:07:03');
    const enOld = formatInstant('2026-03-01T09:07:03Z', 'en', now, 'UTC');
    expect(enOld).toMatch(/1 Mar 2026/);
    expect(enOld).toContain('09:07:03');
    // "Today" is the terminal's day, not UTC's.
    expect(formatInstant('2026-03-04T23:30:00Z', 'en', now, 'Asia/Shanghai')).toBe('07:30:00');
  });

  it('warns when the terminal is not accepting records, in both locales, naming the counter', () => {
    expect(acceptingWarning({ accepting: true })).toBeNull();
    expect(acceptingWarning({ accepting: false })).toBe('queue.notAccepting');
    expect(String(get(zhCN, 'queue.notAccepting'))).toContain('窗口');
    expect(String(get(en, 'queue.notAccepting'))).toContain('counter');
  });

  it('replaces a row’s buttons by the confirmation only for the row being discarded', () => {
    expect(rowMode('a', null, null)).toBe('actions');
    expect(rowMode('a', 'a', null)).toBe('confirmDiscard');
    expect(rowMode('b', 'a', null)).toBe('actions');
    expect(rowMode('a', null, 'a')).toBe('working');
    expect(rowMode('a', 'a', 'a')).toBe('working');
  });
});
