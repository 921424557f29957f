// Electron main-process entry (bundled to dist/electron/main.cjs). Wires the plain-Node core
// to one locked-down kiosk window; every decision lives in the small modules it imports.
import { join } from 'node:path';
import { app, powerSaveBlocker, safeStorage, session, type BrowserWindow } from 'electron';
import { createCore } from '../../app/create-core.js';
import { configUsable, fileMode, readRawConfig, resolveMode } from '../../config/site-config.js';
import { CoreSupervisor, configFileOf, type SupervisedCore } from '../../app/core-supervisor.js';
import { createLogger } from '../../logs/logger.js';
import { installCrashLogging } from '../../logs/crash.js';
import { forwardCoreEvents, registerCallHandlers } from './ipc.js';
import { CRASH_URL } from './origin.js';
import { handleAppProtocol, registerAppScheme } from './protocol.js';
import { logChildProcessGone, superviseRenderer } from './recovery.js';
import { hardenSession, hardenWebContents } from './security.js';
import { createKioskWindow, loadKioskPage } from './window.js';
import { SafeStorageKeyProvider } from './safe-storage-keys.js';

const log = createLogger('electron-main');
installCrashLogging((code) => app.exit(code));

/**
 * Where the build lives, from the app root (the project in development, `app.asar` when
 * packaged) rather than from this file's URL, which bundling moves.
 */
function shellPaths() {
  const root = app.getAppPath();
  return {
    rendererDir: join(root, 'dist', 'renderer'),
    preload: join(root, 'dist', 'electron', 'preload.cjs'),
    dataDir: join(app.getPath('userData'), 'data'),
  };
}

async function startCore(dataDir: string): Promise<SupervisedCore | undefined> {
  // A packaged build is a site terminal; an unpackaged run (a developer's) follows KIOSK_MODE or the file, read at every core.
  const mode = () => resolveMode({ packaged: app.isPackaged, requested: process.env['KIOSK_MODE'], fileMode: fileMode(readRawConfig(dataDir)) });
  const build = () =>
    createCore({
      dataDir,
      shell: 'electron',
      logToStderr: !app.isPackaged,
      appRoot: app.getAppPath(),
      keys: new SafeStorageKeyProvider(safeStorage, dataDir),
      mode: mode(),
    });
  try {
    // A site terminal out of service takes a repaired configuration without a restart.
    return await CoreSupervisor.start({ build, configFile: configFileOf(dataDir), configUsable: () => configUsable(dataDir, app.getAppPath(), mode()) });
  } catch (error) {
    log.error('core failed to start', { error: error instanceof Error ? error : 'unknown' });
    return undefined;
  }
}

async function start(): Promise<BrowserWindow> {
  const paths = shellPaths();
  // The protocol is up before the core; it asks the core for the county voice folder per request.
  const started: { core?: SupervisedCore } = {};
  handleAppProtocol(paths.rendererDir, () => started.core?.voiceRecordingsDir);
  hardenSession(session.defaultSession);
  const core = await startCore(paths.dataDir);
  if (core) started.core = core;
  if (core) app.on('before-quit', () => void core.close());
  const win = createKioskWindow({ preloadPath: paths.preload, isPackaged: app.isPackaged });
  superviseRenderer(win);
  powerSaveBlocker.start('prevent-display-sleep');
  if (!core) {
    loadKioskPage(win, CRASH_URL);
    return win;
  }
  registerCallHandlers(core, win.webContents);
  forwardCoreEvents(core, win.webContents);
  loadKioskPage(win);
  log.info('kiosk window started', { packaged: app.isPackaged });
  return win;
}

registerAppScheme();
app.enableSandbox();
// Touch screens: no pinch zoom even where visual zoom limits are not honoured.
app.commandLine.appendSwitch('disable-pinch');

if (!app.requestSingleInstanceLock()) {
  // Another terminal instance owns the screen and the devices.
  app.quit();
} else {
  let win: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  logChildProcessGone(app);
  app
    .whenReady()
    .then(async () => {
      win = await start();
    })
    .catch((error: unknown) => {
      log.error('shell failed to start', { error: error instanceof Error ? error : 'unknown' });
      app.exit(1);
    });
}
