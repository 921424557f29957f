// Runs the terminal in the browser host: the core, the renderer server, and (unless --headless) Chromium.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, ConfigError } from '../config/load.js';
import { startBrowserHost } from '../shell/browser/host.js';
import { findChromium, launchChromium } from '../shell/browser/chromium.js';
import { createCore } from './create-core.js';
import { CoreSupervisor, configFileOf } from './core-supervisor.js';
import { configUsable, fileMode, readRawConfig, resolveMode } from '../config/site-config.js';
import { makeShutdown } from './shutdown.js';
import { installCrashLogging } from '../logs/crash.js';

installCrashLogging();

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env['KIOSK_PORT'] ?? '0' },
    'data-dir': { type: 'string', default: process.env['KIOSK_DATA_DIR'] ?? join(PROJECT_ROOT, '.data') },
    quiet: { type: 'boolean', default: false },
    /** demo or site; absent: the configuration file's `mode`, else demo (a checkout). */
    mode: { type: 'string', default: process.env['KIOSK_MODE'] ?? '' },
  },
});

async function main(): Promise<void> {
  const dataDir = resolve(values['data-dir']);
  const port = Number.parseInt(values.port, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);
  // Read again at every core: the setup wizard turns a demo checkout's data directory into a site's.
  const mode = () => resolveMode({ packaged: false, requested: values.mode, fileMode: fileMode(readRawConfig(dataDir)) });
  // A changed configuration is taken without a restart (CoreSupervisor): at once while out of service, between sessions in service.
  const core = await CoreSupervisor.start({
    build: () => createCore({ dataDir, shell: 'browser', logToStderr: !values.quiet, mode: mode() }),
    configFile: configFileOf(dataDir),
    configUsable: () => configUsable(dataDir, PROJECT_ROOT, mode()),
  });
  const recordings = core.voiceRecordingsDir;
  const host = await startBrowserHost({
    core,
    rendererDir: join(PROJECT_ROOT, 'dist', 'renderer'),
    port,
    ...(recordings ? { voiceRecordingsDir: recordings } : {}),
  });
  // One machine-readable line that tests and scripts wait on.
  process.stdout.write(`KIOSK_READY ${JSON.stringify({ url: host.url, origin: host.origin, dataDir, pid: process.pid, mode })}\n`);

  const stop = makeShutdown({
    steps: [() => host.close(), () => core.close()],
    deadlineMs: 10_000,
    exit: (code) => process.exit(code),
    report: ({ step, kind, error }) =>
      process.stderr.write(`Shutdown step ${step === 0 ? 'host' : 'core'} ${kind === 'late' ? 'took too long; exiting anyway' : `failed (${error})`}\n`),
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (values.headless) return;
  const chromium = findChromium();
  const hasDisplay = Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
  if (!chromium || !hasDisplay) {
    process.stdout.write(
      `\nThe terminal is running. Open this address in Chromium (kiosk or app mode):\n  ${host.url}\n` +
        (chromium ? '(no display found to open a window on)\n' : '(no Chromium found: apt-get install chromium)\n'),
    );
    return;
  }
  const child = launchChromium(chromium, host.url, join(dataDir, 'chromium-profile'));
  child.on('exit', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration problem in ${error.file}:\n  ${error.issues.join('\n  ')}\n`);
  } else {
    process.stderr.write(`The terminal could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
