import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShellKind } from '../contract/terminal.js';
import { PROJECT_ROOT, loadCatalogFile, loadConfig, loadOrCreateIdentity } from '../config/load.js';
import { ConfigSchema, type CatalogFile, type Config } from '../config/schema.js';
import { loadSiteConfig } from '../config/site-config.js';
import type { SetupProblem, TerminalMode } from '../contract/terminal.js';
import type { BundleTarget, QueueStatus } from '../contract/ops.js';
import { fail, ok } from '../contract/errors.js';
import { configForBundle, listBundleTargets, writeLogBundle } from '../logs/bundle.js';
import type { LogBundler } from '../core/ops-sources.js';
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
import { AdminAuth } from '../core/admin-auth.js';
import { hashPin } from '../config/pin-hash.js';
import { SyncStack } from '../outbox/sync-stack.js';
import { ensureSetupCode } from '../setup/setup-code.js';
import { SetupService } from '../setup/setup-service.js';

/** The setup wizard's service for this data directory; enrolment stores its credentials in the terminal's own outbox. */
function setupService(o: { dataDir: string; keys?: KeyProvider | undefined; catalogFile: CatalogFile }): SetupService {
  return new SetupService({
    dataDir: o.dataDir,
    catalogFile: o.catalogFile,
    enrol: async ({ url, code, siteId }) => {
      const stack = await SyncStack.open({ dataDir: o.dataDir, countyUrl: url, siteId, ...(o.keys ? { keys: o.keys } : {}) });
      try {
        return await stack.enrol(code);
      } finally {
        await stack.close();
      }
    },
  });
}

/** The shipped catalog, which a terminal with no usable configuration offers its sites from. */
function shippedCatalog(appRoot: string): CatalogFile {
  try {
    return loadCatalogFile(ConfigSchema.parse({}), appRoot);
  } catch {
    return { version: 'none', categories: [], services: [], sites: [], siteServices: { township: [], village: [], outlet: [] } };
  }
}

export interface CreateCoreOptions {
  dataDir: string;
  shell: ShellKind;
  /** Also log to stderr (the CLI does; the Electron shell logs to file only when packaged). */
  logToStderr?: boolean;
  /** Where `assets/` and `package.json` live; Electron passes `app.getAppPath()` (the asar when packaged). */
  appRoot?: string;
  /** Outbox key provider; the Electron shell passes its safeStorage one, the browser host uses the key file. */
  keys?: KeyProvider;
  /** Demo or site (resolveMode); a site terminal never runs on a demo default. Demo when absent. */
  mode?: TerminalMode;
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
  const mode = options.mode ?? 'demo';
  const appRoot = options.appRoot ?? PROJECT_ROOT;
  const { terminalId } = loadOrCreateIdentity(options.dataDir);
  const version = appVersion(appRoot);
  let config: Config;
  let catalogFile: CatalogFile;
  if (mode === 'site') {
    const site = loadSiteConfig(options.dataDir, appRoot);
    if (!site.ok) {
      createLogger('app').warn('site terminal is not configured: out of service', { count: site.problems.length, problems: site.problems.slice(0, 20).map((p) => `${p.field}:${p.code}`) });
      return outOfServiceCore({ ...options, terminalId, appVersion: version, problems: site.problems, logFile });
    }
    ({ config, catalogFile } = site);
  } else {
    // A demo terminal with a broken configuration stops with the problem: a developer is at the console.
    config = loadConfig(options.dataDir);
    catalogFile = loadCatalogFile(config, appRoot);
  }
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
  const demo = mode === 'demo' && allEmulated(config);
  if (demo) emptyDemoReaders(devices.manager);
  return new KioskCore({
    config,
    catalogFile,
    terminalId,
    appVersion: version,
    shell: options.shell,
    mode,
    ...(voiceRecordings ? { voiceRecordings } : {}),
    devices,
    queue: queue.ops,
    recorder: queue.recorder,
    flows: createFlows({ config, terminalId, manager: devices.manager, queue }),
    ...(demo ? { demoDevices: (action: Parameters<typeof applyDemoAction>[1]) => applyDemoAction(devices.manager, action) } : {}),
    adminLockout: new FileLockoutStore(join(options.dataDir, 'admin-lockout.json')),
    logBundle: logBundler({ dataDir: options.dataDir, terminalId, appVersion: version, config }),
    setup: setupService({ dataDir: options.dataDir, keys: options.keys, catalogFile }),
    countyTerminalId: () => queue.stack.countyTerminalId,
    onClose: async () => {
      await queue.close();
      await devices.close();
      flushLogs();
      logFile.end();
    },
  });
}

/**
 * A site terminal with no usable configuration: no devices, no county backend (above all not the
 * embedded reference one), no outbox, no technician credentials. Residents see an out-of-service
 * notice; the technician entry shows what the configuration lacks.
 */
function outOfServiceCore(o: CreateCoreOptions & { terminalId: string; appVersion: string; problems: SetupProblem[]; logFile: { end(): void } }): KioskCore {
  // Only the neutral parts of the defaults are used (resident settings, idle policy); no site, no services.
  const config = ConfigSchema.parse({ devices: [] });
  const status: QueueStatus = { depth: 0, oldestAgeMs: null, deadLetters: 0, lastSyncAt: null, accepting: false, sync: 'offline' };
  const catalogFile: CatalogFile = { version: 'none', categories: [], services: [], sites: [], siteServices: { township: [], village: [], outlet: [] } };
  return new KioskCore({
    config,
    catalogFile,
    terminalId: o.terminalId,
    appVersion: o.appVersion,
    shell: o.shell,
    mode: 'site',
    outOfService: { reason: 'unconfigured', problems: o.problems },
    devices: { list: () => [], onChange: () => () => {} },
    queue: {
      status: () => status,
      deadLetters: () => [],
      onChange: () => () => {},
      retry: () => false,
      discard: () => false,
    },
    recorder: { record: () => ({ ok: false, code: 'counter_required' }) },
    setup: setupService({ dataDir: o.dataDir, keys: o.keys, catalogFile: shippedCatalog(o.appRoot ?? PROJECT_ROOT) }),
    setupAuth: new AdminAuth({
      // The code is random and 8 digits; the cheapest allowed scrypt keeps the start fast, the lockout does the rest.
      pinHash: hashPin(ensureSetupCode(o.dataDir), { N: 16_384, r: 8, p: 1 }),
      maxTries: 5,
      lockoutMs: 300_000,
      sessionMs: 1_800_000,
      store: new FileLockoutStore(join(o.dataDir, 'setup-lockout.json')),
    }),
    onClose: async () => {
      flushLogs();
      o.logFile.end();
    },
  });
}

/** Log bundles of this terminal: to its own `bundles/` folder or a mounted removable drive. */
function logBundler(o: { dataDir: string; terminalId: string; appVersion: string; config: Config }): LogBundler {
  const log = createLogger('bundle');
  const public_ = ({ id, kind, label }: BundleTarget): BundleTarget => ({ id, kind, label });
  return {
    targets: () => listBundleTargets(o.dataDir).map(public_),
    async write(targetId, status) {
      const target = listBundleTargets(o.dataDir).find((t) => t.id === targetId);
      if (!target) return fail('not_found');
      flushLogs(); // the latest lines belong in the bundle
      try {
        const written = await writeLogBundle({
          logsDir: join(o.dataDir, 'logs'),
          outDir: target.path,
          terminalId: o.terminalId,
          appVersion: o.appVersion,
          documents: { status, config: configForBundle(o.config) },
        });
        log.info('log bundle written', { kind: target.kind, bytes: written.bytes, files: written.files, dropped: written.omitted.length });
        return ok({ name: written.name, target: public_(target), bytes: written.bytes, sha256: written.sha256, files: written.files, omitted: written.omitted.length });
      } catch (error) {
        log.warn('log bundle could not be written', { kind: target.kind, error: error instanceof Error ? error : 'unknown' });
        return fail('bundle_failed');
      }
    },
  };
}
