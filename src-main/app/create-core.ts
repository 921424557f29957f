import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShellKind } from '../contract/terminal.js';
import { PROJECT_ROOT, loadCatalogFile, loadConfig, loadOrCreateIdentity } from '../config/load.js';
import { configureLogging, createLogger, flushLogs, stderrSink } from '../logs/logger.js';
import { openLogFiles } from '../logs/files.js';
import { KioskCore } from '../core/kiosk-core.js';
import { FileLockoutStore } from '../core/lockout-store.js';
import { createDeviceSource } from './devices-wiring.js';
import { createQueue } from './queue-wiring.js';
import { allEmulated, createFlows } from './flows-wiring.js';
import { applyDemoAction, emptyDemoReaders } from '../devices/index.js';
import type { KeyProvider } from '../outbox/key-provider.js';
import { makeDataDirPrivate } from './private-data-dir.js';
import { findVoiceRecordings, recordingsDirOf } from './voice-recordings.js';

export interface CreateCoreOptions {
  dataDir: string;
  shell: ShellKind;
  /** Also log to stderr (the CLI does; the Electron shell logs to file only when packaged). */
  logToStderr?: boolean;
  /** Where `assets/` and `package.json` live; Electron passes `app.getAppPath()` (the asar when packaged). */
  appRoot?: string;
  /** Outbox key provider; the Electron shell passes its safeStorage one, the browser host uses the key file. */
  keys?: KeyProvider;
}

export function appVersion(appRoot: string = PROJECT_ROOT): string {
  const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Composition root: reads configuration from the data directory and builds the core. */
export async function createCore(options: CreateCoreOptions): Promise<KioskCore> {
  const unfixable = makeDataDirPrivate(options.dataDir);
  const logFile = await openLogFiles(join(options.dataDir, 'logs'));
  configureLogging({ streams: [logFile], sinks: (options.logToStderr ?? true) ? [stderrSink] : [] });
  if (unfixable.length > 0) createLogger('app').warn('data directory entries owned by another user stay readable', { count: unfixable.length });
  const config = loadConfig(options.dataDir);
  const appRoot = options.appRoot ?? PROJECT_ROOT;
  const catalogFile = loadCatalogFile(config, appRoot);
  const { terminalId } = loadOrCreateIdentity(options.dataDir);
  const version = appVersion(appRoot);
  const voiceRecordings = findVoiceRecordings(recordingsDirOf(config.voice.recordingsDir, options.dataDir));
  const devices = createDeviceSource(config);
  let queue;
  try {
    queue = await createQueue({
      dataDir: options.dataDir,
      config,
      appVersion: version,
      devices: () => devices.list(),
      ...(options.keys ? { keys: options.keys } : {}),
    });
  } catch (error) {
    await devices.close();
    throw error;
  }
  const demo = allEmulated(config);
  if (demo) emptyDemoReaders(devices.manager);
  return new KioskCore({
    config,
    catalogFile,
    terminalId,
    appVersion: version,
    shell: options.shell,
    ...(voiceRecordings ? { voiceRecordings } : {}),
    devices,
    queue: queue.ops,
    recorder: queue.recorder,
    flows: createFlows({ config, terminalId, manager: devices.manager, queue }),
    ...(demo ? { demoDevices: (action: Parameters<typeof applyDemoAction>[1]) => applyDemoAction(devices.manager, action) } : {}),
    adminLockout: new FileLockoutStore(join(options.dataDir, 'admin-lockout.json')),
    onClose: async () => {
      await queue.close();
      await devices.close();
      flushLogs();
      logFile.end();
    },
  });
}
