import type { StateCreator } from 'zustand';
import type { DeviceStatus, Health, QueueStatus } from '../../src-main/contract/index.js';
import type { Store } from './types.js';

/** What ops staff see on the technician screens: device and outbox status. No resident data. */
export type OpsState = { devices: DeviceStatus[] | null; queue: QueueStatus | null; health: Health | null };

export type OpsSlice = OpsState & {
  setDevices(devices: DeviceStatus[]): void;
  setQueue(queue: QueueStatus): void;
  setHealth(health: Health): void;
  clearOps(): void;
};

export const initialOps: OpsState = { devices: null, queue: null, health: null };

export const createOpsSlice: StateCreator<Store, [], [], OpsSlice> = (set) => ({
  ...initialOps,
  setDevices: (devices) => set({ devices }),
  setQueue: (queue) => set({ queue }),
  setHealth: (health) => set({ health }),
  clearOps: () => set({ ...initialOps }),
});
