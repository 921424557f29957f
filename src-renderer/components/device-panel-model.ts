import type { DeviceState } from '../../src-main/contract/index.js';
import { zhCN } from '../i18n/locales/zh-CN.js';

// Pure view logic of the device panel (tested without a DOM).

/** Visual tone of a state; always shown with its text and a symbol, never colour alone. */
export type StateTone = 'ok' | 'busy' | 'warn' | 'bad' | 'off';

export const STATE_VIEW: Record<DeviceState, { tone: StateTone; symbol: string }> = {
  ready: { tone: 'ok', symbol: '✔' },
  busy: { tone: 'busy', symbol: '●' },
  reconnecting: { tone: 'warn', symbol: '↻' },
  fault: { tone: 'bad', symbol: '✖' },
  disconnected: { tone: 'bad', symbol: '✖' },
  absent: { tone: 'off', symbol: '–' },
};

type Leaves<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${P}.${K}` : Leaves<T[K], `${P}.${K}`>;
}[keyof T & string];

/** Every translatable device message key. */
export type DeviceMessageText = Leaves<typeof zhCN.devices.message, 'devices.message'>;

const KNOWN_MESSAGES = new Set<string>(flatten(zhCN.devices.message, 'devices.message'));

function flatten(tree: object, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}.${k}`] : flatten(v as object, `${prefix}.${k}`)));
}

/** The i18n key for a device's message; an unknown key from a newer core reads "other condition", never a raw key. */
export function messageText(messageKey: string | undefined): DeviceMessageText {
  if (messageKey === undefined) return 'devices.message.none';
  const key = `devices.message.${messageKey}`;
  return KNOWN_MESSAGES.has(key) ? (key as DeviceMessageText) : 'devices.message.unknown';
}

export type LastSeen =
  | { key: 'devices.lastSeen.never' }
  | { key: 'devices.lastSeen.secondsAgo' | 'devices.lastSeen.minutesAgo' | 'devices.lastSeen.hoursAgo'; count: number };

/** "12 s ago" style age of the last answer, at `now`. */
export function lastSeen(iso: string | undefined, now: number): LastSeen {
  const at = iso === undefined ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(at)) return { key: 'devices.lastSeen.never' };
  const s = Math.max(0, Math.floor((now - at) / 1000));
  if (s < 60) return { key: 'devices.lastSeen.secondsAgo', count: s };
  if (s < 3600) return { key: 'devices.lastSeen.minutesAgo', count: Math.floor(s / 60) };
  return { key: 'devices.lastSeen.hoursAgo', count: Math.floor(s / 3600) };
}
