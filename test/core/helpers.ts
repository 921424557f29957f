import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigSchema, CatalogFileSchema, type Config } from '../../src-main/config/schema.js';
import { PROJECT_ROOT } from '../../src-main/config/load.js';
import { KioskCore, type CoreOptions } from '../../src-main/core/kiosk-core.js';
import type { DeviceStatusSource, QueueOps } from '../../src-main/core/ops-sources.js';
import type { RecordOutcome, Recorder, TransactionInput } from '../../src-main/core/recorder.js';
import type { DeadLetter, DeviceStatus, QueueStatus } from '../../src-main/contract/ops.js';

/** In-memory device and queue sources that tests can change and inspect. */
export function fakeOps() {
  let devices: DeviceStatus[] = [{ kind: 'cardReader', driver: 'emulator', state: 'ready', reconnectAttempts: 0 }];
  let queue: QueueStatus = { depth: 2, oldestAgeMs: 1000, deadLetters: 1, lastSyncAt: null, accepting: true, sync: 'idle' };
  const dead: DeadLetter[] = [
    { id: 'dl-1', kind: 'pin.reset', reason: 'rejected: 422', movedAt: '2026-01-01T00:00:00Z', attempts: 3 },
    { id: 'dl-2', kind: 'rating', reason: 'retry window passed', movedAt: '2026-01-02T00:00:00Z', attempts: 40 },
  ];
  const audit: string[] = [];
  const deviceListeners = new Set<(d: DeviceStatus[]) => void>();
  const queueListeners = new Set<(q: QueueStatus) => void>();
  const take = (id: string, actor: string, verb: string) => {
    const index = dead.findIndex((d) => d.id === id);
    if (index < 0) return false;
    dead.splice(index, 1);
    audit.push(`${verb}:${id}:${actor}`);
    return true;
  };
  const devicesSource: DeviceStatusSource = {
    list: () => devices,
    onChange: (l) => (deviceListeners.add(l), () => deviceListeners.delete(l)),
  };
  const queueOps: QueueOps = {
    status: () => queue,
    deadLetters: () => [...dead],
    retry: (id, actor) => take(id, actor, 'retry'),
    discard: (id, actor) => take(id, actor, 'discard'),
    onChange: (l) => (queueListeners.add(l), () => queueListeners.delete(l)),
  };
  const recorded: TransactionInput[] = [];
  let refuse: RecordOutcome | undefined;
  const recorder: Recorder = {
    record(input) {
      if (refuse) return refuse;
      recorded.push(input);
      return { ok: true, id: `tx-${recorded.length}`, recordedAt: 1_700_000_000_000 };
    },
  };
  return {
    devicesSource,
    queueOps,
    recorder,
    recorded,
    /** Makes every later record fail with this outcome. */
    refuseWith(outcome: RecordOutcome) {
      refuse = outcome;
    },
    audit,
    setDevices(next: DeviceStatus[]) {
      devices = next;
      deviceListeners.forEach((l) => l(next));
    },
    setQueue(next: QueueStatus) {
      queue = next;
      queueListeners.forEach((l) => l(next));
    },
  };
}

export const catalogFile = CatalogFileSchema.parse(
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'assets/catalog/county-catalog.json'), 'utf8')),
);

/** A core on the embedded defaults, with overrides, a fixed terminal id and an injectable clock. */
/** A flow runner that answers with a plain first view, for the call-dispatch tests (the real host is tested in test/flows and test/app). */
export function fakeFlows(): NonNullable<CoreOptions['flows']> {
  const view = (serviceId: string, status: 'waiting' | 'ended' = 'waiting') => ({ flowId: 'flow-1', serviceId, step: 'insertCard', stepIndex: 1, stepCount: 5, status });
  return () => ({
    start: (_sessionId, serviceId) => ({ ok: true, view: view(serviceId) }),
    action: () => ({ ok: true, view: view('ssc.pin.reset') }),
    cancel: () => ({ ok: true, view: view('ssc.pin.reset', 'ended') }),
    stopCurrent: async () => {},
  });
}

export function makeCore(overrides: Record<string, unknown> = {}, now?: () => number, ops = fakeOps(), extra: Partial<CoreOptions> = {}): KioskCore {
  const config: Config = ConfigSchema.parse(overrides);
  return new KioskCore({
    mode: 'demo',
    ...extra,
    config,
    catalogFile,
    terminalId: 'T-TEST0001',
    appVersion: '0.0.0-test',
    shell: 'browser',
    devices: ops.devicesSource,
    queue: ops.queueOps,
    recorder: ops.recorder,
    ...(now ? { now } : {}),
  });
}
