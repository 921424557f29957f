import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-main/contract/errors.js';
import { DISABLED_REASONS } from '../../src-main/contract/catalog.js';
import { HealthMessageSchema, HealthPartSchema } from '../../src-main/contract/health.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { en } from '../../src-renderer/i18n/locales/en.js';

/** Flattens a locale into `dotted.key → value`. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const zhKeys = flatten(zhCN);
const enKeys = flatten(en);

describe('locales', () => {
  it('en and zh-CN have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...zhKeys.keys()].sort());
  });

  it('has no empty or non-string values in either locale', () => {
    for (const [name, keys] of [['zh-CN', zhKeys], ['en', enKeys]] as const) {
      for (const [key, value] of keys) {
        expect(typeof value, `${name} ${key}`).toBe('string');
        expect(String(value).trim(), `${name} ${key}`).not.toBe('');
      }
    }
  });

  it('has errors.<code> for every ErrorCode in the contract', () => {
    for (const code of ERROR_CODES) {
      expect(zhKeys.has(`errors.${code}`), `errors.${code}`).toBe(true);
      expect(enKeys.has(`errors.${code}`), `errors.${code}`).toBe(true);
    }
  });

  it('has catalog.disabled.<reason> for every DisabledReason in the contract', () => {
    for (const reason of DISABLED_REASONS) {
      expect(zhKeys.has(`catalog.disabled.${reason}`), reason).toBe(true);
    }
  });

  it('names every health part and explains every health message of the contract for ops staff', () => {
    for (const part of HealthPartSchema.options) {
      expect(zhKeys.has(`admin.healthCheck.${part}`), part).toBe(true);
    }
    for (const message of HealthMessageSchema.options) {
      expect(zhKeys.has(`admin.healthMessage.${message}`), message).toBe(true);
    }
  });

  it('has a voice prompt for every screen', () => {
    for (const screen of ['attract', 'home', 'service', 'adminLogin', 'admin', 'idle']) {
      expect(zhKeys.has(`voice.${screen}`), screen).toBe(true);
    }
  });

  it('uses the same interpolation placeholders in both locales', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zhKeys) {
      expect(placeholders(enKeys.get(key)), key).toEqual(placeholders(value));
    }
  });
});
