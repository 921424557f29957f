import { vi } from 'vitest';
import type { KioskApi, KioskEvent, Settings, SettingsPatch } from '../../src-main/contract/index.js';

export const SESSION_ID = '11111111-2222-3333-4444-555555555555';

export const coreDefaults: Settings = { language: 'zh-CN', elderlyMode: false, voiceMuted: false, volume: 0.8 };

type Spied<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? ReturnType<typeof vi.fn<(...args: A) => R>> & T[K] : T[K] };

/**
 * A recording fake of the core for renderer tests. The calls a test usually needs answer with
 * plausible values; any other call (a new one included: nothing here needs to change when the
 * contract grows) is a spy that answers `unknown_call` until a test gives it a value.
 */
export function fakeKiosk() {
  const listeners = new Set<(event: KioskEvent) => void>();
  let settings: Settings = { ...coreDefaults };
  const api = {
    getTerminalInfo: vi.fn(async () => ({
      ok: true as const,
      value: {
        terminalId: 'T-001',
        site: { id: 's1', name: { zh: '城关镇便民服务中心', en: 'Chengguan Service Centre' }, level: 'township' as const },
        appVersion: '0.1.0',
        shell: 'browser' as const,
        mode: 'demo' as const,
        emulatedDevices: true,
      },
    })),
    getCatalog: vi.fn(async () => ({ ok: true as const, value: { version: '1', categories: [], services: [] } })),
    startSession: vi.fn(async () => ({ ok: true as const, value: { sessionId: SESSION_ID, startedAt: '2025-01-01T00:00:00Z' } })),
    endSession: vi.fn(async () => ({ ok: true as const, value: { endedAt: '2025-01-01T00:05:00Z' } })),
    getSettings: vi.fn(async () => ({ ok: true as const, value: settings })),
    updateSettings: vi.fn(async (patch: SettingsPatch) => {
      settings = { ...settings, ...(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Settings>) };
      return { ok: true as const, value: settings };
    }),
    getIdlePolicy: vi.fn(async () => ({ ok: true as const, value: { warnAfterMs: 60_000, countdownMs: 20_000 } })),
    getHealth: vi.fn(async () => ({ ok: true as const, value: { level: 'ok' as const, uptimeMs: 1, checks: [] } })),
    adminLogin: vi.fn(async () => ({ ok: false as const, error: { code: 'admin_bad_pin' as const, triesLeft: 2 } })),
    adminLogout: vi.fn(async () => ({ ok: true as const, value: {} })),
    rendererReady: vi.fn(async () => ({ ok: true as const, value: {} })),
    getDeviceStatus: vi.fn(async () => ({ ok: true as const, value: { devices: [] } })),
    getQueueStatus: vi.fn(async () => ({
      ok: true as const,
      value: { depth: 0, oldestAgeMs: null, deadLetters: 0, lastSyncAt: null, accepting: true, sync: 'idle' as const },
    })),
    listDeadLetters: vi.fn(async () => ({ ok: true as const, value: { items: [] } })),
    retryDeadLetter: vi.fn(async () => ({ ok: true as const, value: {} })),
    discardDeadLetter: vi.fn(async () => ({ ok: true as const, value: {} })),
    submitRating: vi.fn(async () => ({ ok: true as const, value: { reference: 'tx-1', recordedAt: '2025-01-01T00:01:00Z' } })),
    startFlow: vi.fn(async () => ({ ok: false as const, error: { code: 'service_unknown' as const } })),
    flowAction: vi.fn(async () => ({ ok: false as const, error: { code: 'not_found' as const } })),
    cancelFlow: vi.fn(async () => ({ ok: false as const, error: { code: 'not_found' as const } })),
    demoDevice: vi.fn(async () => ({ ok: false as const, error: { code: 'not_demo' as const } })),
    onEvent(listener: (event: KioskEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies Partial<KioskApi>;
  const extra = new Map<string, unknown>();
  const full = new Proxy(api, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || prop === 'then' || prop in target) return Reflect.get(target, prop, receiver) as unknown;
      if (!extra.has(prop)) extra.set(prop, vi.fn(async () => ({ ok: false as const, error: { code: 'unknown_call' as const } })));
      return extra.get(prop);
    },
  }) as typeof api & Spied<Omit<KioskApi, keyof typeof api>>;
  return { api: full, emit: (event: KioskEvent) => listeners.forEach((l) => l(event)) };
}
