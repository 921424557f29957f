import type { Config } from '../config/schema.js';
import type { DeviceStatusSource } from '../core/ops-sources.js';

/** Builds the device-status source for the core. Interim: lists configured devices as not started yet. */
export function createDeviceSource(config: Config): DeviceStatusSource & { close(): Promise<void> } {
  const devices = config.devices.map((d) => ({
    kind: d.kind,
    driver: d.driver,
    state: 'absent' as const,
    messageKey: 'notStarted',
    reconnectAttempts: 0,
  }));
  return { list: () => devices, onChange: () => () => undefined, close: async () => undefined };
}
