import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS } from '../../src-main/contract/catalog.js';
import { DeviceStateSchema, DeviceStatusSchema } from '../../src-main/contract/ops.js';
import { DEVICE_MESSAGE_KEYS } from '../../src-main/devices/messages.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { en } from '../../src-renderer/i18n/locales/en.js';
import { STATE_VIEW, lastSeen, messageText } from '../../src-renderer/components/device-panel-model.js';

function get(tree: object, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), tree);
}

describe('device panel view logic', () => {
  it('gives every state a tone, a symbol and a text in both locales (never colour alone)', () => {
    for (const state of DeviceStateSchema.options) {
      expect(STATE_VIEW[state].symbol.length).toBeGreaterThan(0);
      expect(typeof get(zhCN, `devices.state.${state}`)).toBe('string');
      expect(typeof get(en, `devices.state.${state}`)).toBe('string');
    }
    expect(STATE_VIEW.ready.tone).toBe('ok');
    expect(STATE_VIEW.fault.tone).toBe('bad');
    expect(STATE_VIEW.disconnected.tone).toBe('bad');
    expect(STATE_VIEW.reconnecting.tone).toBe('warn');
  });

  it('names every device kind and connection type in both locales', () => {
    for (const kind of DEVICE_KINDS) for (const l of [zhCN, en]) expect(typeof get(l, `devices.kind.${kind}`)).toBe('string');
    const drivers = DeviceStatusSchema.shape.driver.options;
    for (const driver of drivers) for (const l of [zhCN, en]) expect(typeof get(l, `devices.driver.${driver}`)).toBe('string');
  });

  it('has a translation for every message key the device manager reports', () => {
    for (const key of DEVICE_MESSAGE_KEYS) {
      expect(messageText(key), key).toBe(`devices.message.${key}`);
      expect(typeof get(en, `devices.message.${key}`), key).toBe('string');
    }
  });

  it('never shows a raw or unknown message key', () => {
    expect(messageText(undefined)).toBe('devices.message.none');
    expect(messageText('somethingNewer')).toBe('devices.message.unknown');
    expect(messageText('printer')).toBe('devices.message.unknown');
    expect(messageText('printer.coverOpen')).toBe('devices.message.printer.coverOpen');
  });

  it('formats the last answer as an age', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(lastSeen(undefined, now)).toEqual({ key: 'devices.lastSeen.never' });
    expect(lastSeen('garbage', now)).toEqual({ key: 'devices.lastSeen.never' });
    expect(lastSeen('2026-01-01T11:59:48Z', now)).toEqual({ key: 'devices.lastSeen.secondsAgo', count: 12 });
    expect(lastSeen('2026-01-01T12:00:05Z', now)).toEqual({ key: 'devices.lastSeen.secondsAgo', count: 0 });
    expect(lastSeen('2026-01-01T11:55:00Z', now)).toEqual({ key: 'devices.lastSeen.minutesAgo', count: 5 });
    expect(lastSeen('2026-01-01T09:00:00Z', now)).toEqual({ key: 'devices.lastSeen.hoursAgo', count: 3 });
  });
});
