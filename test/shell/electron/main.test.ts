import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../../src-main/contract/names.js';
import { fake, FakeWebContents, invokeEvent, resetFake, windows } from './fake-electron.js';
import { fakeCore } from './fake-core.js';

const mocks = vi.hoisted(() => ({ createCore: vi.fn() }));

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);
vi.mock('../../../src-main/app/create-core.js', () => ({ createCore: mocks.createCore }));

/** Loads main.ts afresh (it runs on import) and lets `whenReady` resolve. */
async function startMain() {
  vi.resetModules();
  (await import('./fake-electron.js')).quietLogs();
  await import('../../../src-main/shell/electron/main.js');
  await new Promise((resolve) => setImmediate(resolve));
}

let core: ReturnType<typeof fakeCore>;
beforeEach(() => {
  resetFake();
  core = fakeCore();
  mocks.createCore.mockReset();
  mocks.createCore.mockResolvedValue(core);
});

describe('single instance', () => {
  it('quits when another instance holds the lock, before creating anything', async () => {
    fake.app.singleInstanceLock = false;
    await startMain();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(windows()).toHaveLength(0);
    expect(mocks.createCore).not.toHaveBeenCalled();
  });

  it('focuses (and restores) the existing window when a second instance starts', async () => {
    await startMain();
    const win = windows()[0]!;
    win.minimized = true;
    fake.app.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(fake.app.quit).not.toHaveBeenCalled();
  });
});

describe('startup', () => {
  it('registers the app:// scheme before ready and serves dist/renderer after', async () => {
    await startMain();
    const register = fake.electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    const ready = fake.app.whenReady.mock.invocationCallOrder[0]!;
    expect(register).toBeLessThan(ready);
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('creates the core on userData/data as the electron shell', async () => {
    await startMain();
    expect(mocks.createCore).toHaveBeenCalledWith({
      dataDir: '/fake/userData/data',
      shell: 'electron',
      appRoot: '/fake/app',
      logToStderr: true,
      keys: expect.objectContaining({ name: 'safe-storage', path: '/fake/userData/data/outbox.key.sealed' }),
      // Unpackaged, with no KIOSK_MODE and no configuration file: a developer's demo.
      mode: 'demo',
    });
  });

  it('wires every call to the core and loads the kiosk page in one window', async () => {
    await startMain();
    expect([...fake.ipcHandlers.keys()]).toEqual([CALL_CHANNEL]);
    const win = windows()[0]!;
    expect(windows()).toHaveLength(1);
    expect(win.webContents.loaded).toEqual(['app://kiosk/index.html']);
    expect((win.options['webPreferences'] as { preload: string }).preload).toBe('/fake/app/dist/electron/preload.cjs');
    await fake.ipcHandlers.get(CALL_CHANNEL)!(invokeEvent(win.webContents), 'getCatalog', {});
    expect(core.call).toHaveBeenCalledWith('getCatalog', {});
  });

  it('keeps the display awake', async () => {
    await startMain();
    expect(fake.electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('locks down the default session and every webContents that is created', async () => {
    await startMain();
    expect(fake.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(fake.defaultSession.permissionCheckHandler).toBeTypeOf('function');
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('turns devtools off and logs to file only when packaged', async () => {
    fake.app.isPackaged = true;
    await startMain();
    expect((windows()[0]!.options['webPreferences'] as { devTools: boolean }).devTools).toBe(false);
    expect(mocks.createCore).toHaveBeenCalledWith(expect.objectContaining({ logToStderr: false }));
  });

  it('starts a packaged build as a site terminal, even when told to run as a demo', async () => {
    fake.app.isPackaged = true;
    process.env['KIOSK_MODE'] = 'demo';
    try {
      await startMain();
    } finally {
      delete process.env['KIOSK_MODE'];
    }
    expect(mocks.createCore).toHaveBeenCalledWith(expect.objectContaining({ mode: 'site' }));
  });

  it('shows the crash page and wires no calls when the core cannot start', async () => {
    mocks.createCore.mockRejectedValue(new Error('configuration config.json is invalid: siteId: required'));
    await startMain();
    expect(windows()[0]!.webContents.loaded).toEqual(['app://kiosk/crash.html']);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('stops the core before the app quits', async () => {
    await startMain();
    fake.app.emit('before-quit');
    await vi.waitFor(() => expect(core.close).toHaveBeenCalled());
  });

  it('supervises the renderer and quits when the window closes', async () => {
    await startMain();
    const contents = windows()[0]!.webContents;
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(contents.reload).toHaveBeenCalled();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalled();
  });
});
