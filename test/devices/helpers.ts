import { vi } from 'vitest';
import type { DeviceEntry } from '../../src-main/config/schema.js';
import type { DeviceStatus } from '../../src-main/contract/ops.js';
import { DeviceManager, type SlotTiming } from '../../src-main/devices/index.js';

/** Short intervals so reconnects happen within a test; link timeouts stay the drivers' own. */
export const FAST: SlotTiming = { heartbeatMs: 30, backoff: { baseMs: 20, maxMs: 80 }, missLimit: 1 };

export const ALL_EMULATED: DeviceEntry[] = (['cardReader', 'idReader', 'pinPad', 'cardPrinter', 'camera', 'docCamera'] as const).map((kind) => ({
  kind,
  driver: 'emulator',
}));

export function manager(devices: DeviceEntry[] = ALL_EMULATED, timing: Partial<SlotTiming> = FAST): DeviceManager {
  return new DeviceManager({ devices, timing });
}

/** Resolves with the first device list that satisfies `test`, checking the current one first. */
export function waitFor(m: DeviceManager, test: (devices: DeviceStatus[]) => boolean, timeoutMs = 8_000): Promise<DeviceStatus[]> {
  return new Promise((resolve, reject) => {
    if (test(m.list())) {
      resolve(m.list());
      return;
    }
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out; last: ${JSON.stringify(m.list().map((d) => [d.kind, d.state, d.messageKey, d.reconnectAttempts]))}`));
    }, timeoutMs);
    const off = m.onChange((devices) => {
      if (!test(devices)) return;
      clearTimeout(timer);
      off();
      resolve(devices);
    });
  });
}

export function stateOf(devices: DeviceStatus[], kind: DeviceStatus['kind']): DeviceStatus | undefined {
  return devices.find((d) => d.kind === kind);
}

/**
 * Tracks the timers code under test starts from now on (vitest's own
 * timers come and go meanwhile, so a global count is flaky): `pending()`
 * counts those neither fired nor cleared; `restore()` puts the globals back.
 */
export function trackTimers(): { pending(): number; restore(): void } {
  const live = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const patched = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t = realSet(
      (...a: unknown[]) => {
        live.delete(t);
        fn(...a);
      },
      ms,
      ...args,
    );
    live.add(t);
    return t;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, { __promisify__: realSet.__promisify__ });
  globalThis.clearTimeout = ((t: Parameters<typeof clearTimeout>[0]) => {
    live.delete(t);
    realClear(t);
  }) as typeof clearTimeout;
  return {
    pending: () => live.size,
    restore: () => {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

/** Polls `test` until it holds (for state that changes without an onChange, like an emulator transcript). */
export async function eventually(test: () => boolean, timeoutMs = 8_000): Promise<void> {
  await vi.waitFor(
    () => {
      if (!test()) throw new Error('condition never held');
    },
    { timeout: timeoutMs, interval: 5 },
  );
}
