import { saveEnrolment } from '../setup/enrolment.js';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { QueueOps } from '../core/ops-sources.js';
import type { DeviceStatus } from '../contract/ops.js';
import { startCountyBackend, demoEnrolmentCode, type CountyBackend } from '../county/reference/index.js';
import { createLogger } from '../logs/logger.js';
import type { DeviceHealthInput } from '../outbox/heartbeat.js';
import type { KeyProvider } from '../outbox/key-provider.js';
import { SyncStack } from '../outbox/sync-stack.js';
import { OutboxFullError, StorageFullError, StorageIoError } from '../outbox/errors.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Recorder } from '../core/recorder.js';

const log = createLogger('queue');

export interface QueueWiringOptions {
  dataDir: string;
  config: Config;
  appVersion: string;
  /** Device health for heartbeats. */
  devices: () => DeviceStatus[];
  /** The Electron shell passes its safeStorage provider; the browser host uses the key file. */
  keys?: KeyProvider;
}

export interface QueueWiring {
  ops: QueueOps;
  recorder: Recorder;
  stack: SyncStack;
  /** Where the county backend is (the embedded one's loopback URL when embedded). */
  countyUrl: string;
  close(): Promise<void>;
}

const toHealth = (d: DeviceStatus): DeviceHealthInput => ({
  kind: d.kind,
  status: d.state === 'ready' || d.state === 'busy' ? 'ok' : d.state === 'absent' ? 'absent' : d.state === 'fault' ? 'fault' : 'degraded',
});

/** Records through the outbox (the sync engine hears of each record); storage trouble becomes a counter referral. */
export function outboxRecorder(outbox: Outbox): Recorder {
  return {
    record(input) {
      try {
        const tx = outbox.record(input);
        return { ok: true, id: tx.id, recordedAt: tx.recordedAt };
      } catch (error) {
        if (error instanceof OutboxFullError || error instanceof StorageFullError) return { ok: false, code: 'counter_required' };
        if (error instanceof StorageIoError) return error.txId ? { ok: false, code: 'record_in_doubt', reference: error.txId } : { ok: false, code: 'record_in_doubt' };
        throw error;
      }
    },
  };
}

/**
 * Opens the outbox and starts syncing to the county; with `county.url = embedded` it first starts the
 * reference backend in-process and enrols with the site's demo code. Enrolment failures are logged and
 * the terminal keeps recording offline.
 */
export async function createQueue(options: QueueWiringOptions): Promise<QueueWiring> {
  const { config, dataDir } = options;
  let backend: CountyBackend | undefined;
  let countyUrl = config.county.url;
  if (countyUrl === 'embedded') {
    backend = await startCountyBackend({ port: 0, dbFile: join(dataDir, 'county-reference.db') });
    countyUrl = backend.url;
  }
  const stack = await SyncStack.open({
    dataDir,
    countyUrl,
    siteId: config.siteId,
    ...(options.keys ? { keys: options.keys } : {}),
    onNeedsEnrolment: () => log.warn('county refused our credentials; a technician must enrol the terminal again'),
  });
  const code = config.county.enrolmentCode ?? (backend ? demoEnrolmentCode(config.siteId) : undefined);
  if (!stack.enrolled && code) {
    try {
      const countyTerminalId = await stack.enrol(code);
      saveEnrolment(dataDir, { url: countyUrl, siteId: config.siteId, countyTerminalId });
    } catch (error) {
      log.warn('enrolment failed; recording offline until it succeeds', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
  stack.start();
  const stopHeartbeat = stack.startHeartbeat(() => options.devices().map(toHealth), config.county.heartbeatMs, options.appVersion);
  return {
    ops: stack.queueOps(),
    recorder: outboxRecorder(stack.outbox),
    stack,
    countyUrl,
    async close() {
      stopHeartbeat();
      await stack.close();
      await backend?.close();
    },
  };
}
