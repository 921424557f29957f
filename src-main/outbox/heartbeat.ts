import type { Heartbeat } from '../county/protocol.js';
import type { SyncStatus } from './sync-engine.js';

export interface DeviceHealthInput {
  kind: string;
  status: 'ok' | 'degraded' | 'fault' | 'absent';
  detail?: string;
}

/** Builds the heartbeat body from the ops view and device health; pure, cannot fail. */
export function buildHeartbeat(status: SyncStatus, devices: readonly DeviceHealthInput[], appVersion?: string): Heartbeat {
  return {
    queueDepth: status.depth,
    oldestAgeMs: status.oldestAgeMs,
    deadLetters: status.deadLetterCount,
    lastSyncAt: status.lastSuccessAt,
    devices: devices.map((d) => ({ kind: d.kind, status: d.status, ...(d.detail === undefined ? {} : { detail: d.detail.slice(0, 200) }) })),
    ...(appVersion === undefined ? {} : { appVersion }),
  };
}
