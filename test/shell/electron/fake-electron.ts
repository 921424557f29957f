// A recording fake of the parts of the `electron` module the shell uses. Tests install it with
//   vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);
// Its state lives on globalThis, so copies loaded after vi.resetModules() still share it.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { configureLogging } from '../../../src-main/logs/logger.js';

/** The shell logs refusals and crashes; tests assert behaviour, not log lines. */
export const quietLogs = (): void => configureLogging({ sinks: [] });
quietLogs();

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public url: string,
    public processId = 1,
    public routingId = 1,
  ) {}
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...args: never[]) => void) | null = null;
  permissionCheckHandler: ((...args: never[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: never[]) => boolean) | null = null;
  displayMediaRequestHandler: ((...args: never[]) => void) | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: FakeSession['displayMediaRequestHandler']) {
    this.displayMediaRequestHandler = handler;
  }
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = new FakeSession();
  mainFrame = new FakeFrame('app://kiosk/index.html', 1, this.id * 10);
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loaded: string[] = [];
  readonly send = vi.fn((channel: string, ...args: unknown[]) => {
    this.sent.push({ channel, args });
  });
  readonly reload = vi.fn();
  readonly loadURL = vi.fn((url: string) => {
    this.loaded.push(url);
    return Promise.resolve();
  });
  readonly setZoomFactor = vi.fn();
  readonly setVisualZoomLevelLimits = vi.fn(() => Promise.resolve());
  readonly forcefullyCrashRenderer = vi.fn();
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly removeMenu = vi.fn();
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    return this.webContents.loadURL(url);
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly relaunch = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly commandLine = { appendSwitch: vi.fn() };
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  readonly getAppPath = vi.fn(() => '/fake/app');
}

function createFake() {
  const app = new FakeApp();
  const defaultSession = new FakeSession();
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args })),
  });
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { setApplicationMenu: vi.fn() },
    session: { defaultSession },
    powerSaveBlocker: { start: vi.fn(() => 7), stop: vi.fn(), isStarted: vi.fn(() => true) },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((text: string) => Buffer.from(text, 'utf8').reverse()),
      decryptString: vi.fn((sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8')),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        exposed.set(key, api);
      }),
    },
    ipcRenderer,
  };
  return { electron, app, defaultSession, ipcHandlers, protocolHandlers, exposed, ipcRenderer };
}

type Fake = ReturnType<typeof createFake>;
const store = globalThis as { __fakeElectron?: Fake };

/** The shared fake; `fakeElectron` is what `vi.mock('electron')` should return. */
export const fake: Fake = (store.__fakeElectron ??= createFake());
export const fakeElectron = { ...fake.electron, default: fake.electron };

/** Forgets everything recorded so far (call in beforeEach). */
export function resetFake(): void {
  vi.clearAllMocks();
  fake.app.removeAllListeners();
  fake.app.isPackaged = false;
  fake.app.singleInstanceLock = true;
  fake.defaultSession.removeAllListeners();
  fake.ipcHandlers.clear();
  fake.protocolHandlers.clear();
  fake.exposed.clear();
  fake.ipcRenderer.removeAllListeners();
  fake.electron.BrowserWindow.instances.length = 0;
}

/** Windows created since the last reset (shared across module copies). */
export const windows = (): FakeBrowserWindow[] => fake.electron.BrowserWindow.instances;

/** An ipcMain invoke event as Electron builds it for a frame of `contents`. */
export function invokeEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame };
}
