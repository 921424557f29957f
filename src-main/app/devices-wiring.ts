import type { Config } from '../config/schema.js';
import type { DeviceStatusSource } from '../core/ops-sources.js';
import { DeviceManager } from '../devices/index.js';

/**
 * Builds the device manager from configuration and starts it in the
 * background: the core is built synchronously and hears each device come
 * up through onChange. `manager` gives flows the drivers.
 */
export function createDeviceSource(config: Config): DeviceStatusSource & { close(): Promise<void>; manager: DeviceManager } {
  const manager = new DeviceManager({ devices: config.devices });
  manager.start();
  return {
    manager,
    list: () => manager.list(),
    onChange: (listener) => manager.onChange(listener),
    close: () => manager.close(),
  };
}
