import { BrowserWindow, Menu, type BrowserWindowConstructorOptions, type Input, type WebContents } from 'electron';
import { createLogger } from '../../logs/logger.js';
import { ENTRY_URL } from './origin.js';

const log = createLogger('electron-window');

export interface KioskWindowOptions {
  /** Absolute path of the bundled preload (`dist/electron/preload.cjs`). */
  preloadPath: string;
  /** Packaged builds lock out devtools and reload shortcuts. */
  isPackaged: boolean;
}

const BACKGROUND = '#ffffff';

/** The kiosk window: full screen, no frame or menu, and a renderer with no Node and no devtools in production. */
export function kioskWindowOptions({ preloadPath, isPackaged }: KioskWindowOptions): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: BACKGROUND,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !isPackaged,
      zoomFactor: 1,
      // The attract screen's prompt plays before anyone has touched the screen.
      autoplayPolicy: 'no-user-gesture-required',
      // Middle-click has no use on a touch screen and can open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0', 'Add', 'Subtract']);
const RELOAD_KEYS = new Set(['r', 'R', 'F5']);
const DEVTOOLS_KEYS = new Set(['i', 'I', 'j', 'J', 'c', 'C']);

/**
 * Keyboard shortcuts a resident (or a stray USB keyboard) must not use: zoom always;
 * reload and devtools when packaged, so developers keep them.
 */
export function isBlockedShortcut(
  input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>,
  isPackaged: boolean,
): boolean {
  if (input.type !== 'keyDown') return false;
  const mod = input.control || input.meta;
  if (mod && ZOOM_KEYS.has(input.key)) return true;
  if (!isPackaged) return false;
  if (input.key === 'F5' || input.key === 'F12') return true;
  // Alt+F4 closes the window on Windows; a technician quits through the admin area instead.
  if (input.alt && input.key === 'F4') return true;
  if (mod && RELOAD_KEYS.has(input.key)) return true;
  return mod && input.shift && DEVTOOLS_KEYS.has(input.key);
}

/** Pins the zoom at 100%: no pinch, no ctrl+wheel, no shortcut. */
function lockZoom(contents: WebContents, isPackaged: boolean): void {
  const pin = () => {
    contents.setZoomFactor(1);
    void contents.setVisualZoomLevelLimits(1, 1);
  };
  pin();
  contents.on('did-finish-load', pin);
  contents.on('zoom-changed', pin);
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, isPackaged)) event.preventDefault();
  });
}

/** Creates the kiosk window (hidden until painted); load it with `loadKioskPage` once IPC is wired. */
export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  Menu.setApplicationMenu(null);
  const win = new BrowserWindow(kioskWindowOptions(options));
  win.removeMenu();
  lockZoom(win.webContents, options.isPackaged);
  win.once('ready-to-show', () => win.show());
  return win;
}

/** Loads the UI (or the crash page) from `app://kiosk`. */
export function loadKioskPage(win: BrowserWindow, url: string = ENTRY_URL): void {
  win.loadURL(url).catch(() => log.error('kiosk page failed to load', { page: new URL(url).pathname }));
}
