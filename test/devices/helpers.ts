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

/** Counts live timers (the resources that would keep the test process from exiting). */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

/** Polls `test` until it holds (for state that changes without an onChange, like an emulator transcript). */
export async function eventually(test: () => boolean, timeoutMs = 8_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 5));
  }
}
