import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake, windows } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const { createKioskWindow, isBlockedShortcut, kioskWindowOptions, loadKioskPage } = await import(
  '../../../src-main/shell/electron/window.js'
);

const key = (k: string, mods: { control?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  type: 'keyDown',
  key: k,
  control: mods.control ?? false,
  meta: mods.meta ?? false,
  shift: mods.shift ?? false,
  alt: mods.alt ?? false,
});

function pressOn(contents: NodeJS.EventEmitter, input: ReturnType<typeof key>): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit('before-input-event', event, input);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(resetFake);

describe('kiosk window options', () => {
  const options = kioskWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isPackaged: true });
  const prefs = options.webPreferences ?? {};

  it('is a frameless full-screen kiosk window hidden until painted', () => {
    expect(options.kiosk).toBe(true);
    expect(options.fullscreen).toBe(true);
    expect(options.frame).toBe(false);
    expect(options.autoHideMenuBar).toBe(true);
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and spellcheck off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.zoomFactor).toBe(1);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('turns devtools off when packaged and on in development', () => {
    expect(prefs.devTools).toBe(false);
    expect(kioskWindowOptions({ preloadPath: '/p', isPackaged: false }).webPreferences?.devTools).toBe(true);
  });
});

describe('createKioskWindow', () => {
  it('removes the application menu and the window menu', () => {
    const win = createKioskWindow({ preloadPath: '/p', isPackaged: true });
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(windows()[0]?.removeMenu).toHaveBeenCalled();
    expect(win).toBe(windows()[0]);
  });

  it('pins zoom to 1:1 now, after each load and after any zoom change', () => {
    createKioskWindow({ preloadPath: '/p', isPackaged: true });
    const contents = windows()[0]!.webContents;
    expect(contents.setVisualZoomLevelLimits).toHaveBeenLastCalledWith(1, 1);
    expect(contents.setZoomFactor).toHaveBeenLastCalledWith(1);
    contents.setVisualZoomLevelLimits.mockClear();
    contents.emit('did-finish-load');
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    contents.setZoomFactor.mockClear();
    contents.emit('zoom-changed', { preventDefault: vi.fn() }, 'in');
    expect(contents.setZoomFactor).toHaveBeenCalledWith(1);
  });

  it('shows the window only once it is ready to show, and loads app://kiosk on request', async () => {
    createKioskWindow({ preloadPath: '/p', isPackaged: true });
    const win = windows()[0]!;
    expect(win.show).not.toHaveBeenCalled();
    expect(win.webContents.loaded).toEqual([]);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
    loadKioskPage(win as never);
    await Promise.resolve();
    expect(win.webContents.loaded).toEqual(['app://kiosk/index.html']);
  });

  it('blocks zoom shortcuts, and reload/devtools shortcuts when packaged', () => {
    createKioskWindow({ preloadPath: '/p', isPackaged: true });
    const contents = windows()[0]!.webContents;
    for (const k of ['+', '-', '=', '0']) expect(pressOn(contents, key(k, { control: true }))).toBe(true);
    expect(pressOn(contents, key('r', { control: true }))).toBe(true);
    expect(pressOn(contents, key('F5'))).toBe(true);
    expect(pressOn(contents, key('F12'))).toBe(true);
    expect(pressOn(contents, key('I', { control: true, shift: true }))).toBe(true);
    expect(pressOn(contents, key('F4', { alt: true }))).toBe(true);
    expect(pressOn(contents, key('5'))).toBe(false);
    expect(pressOn(contents, key('a'))).toBe(false);
  });

  it('leaves reload and devtools shortcuts to developers when not packaged', () => {
    expect(isBlockedShortcut(key('r', { control: true }), false)).toBe(false);
    expect(isBlockedShortcut(key('F12'), false)).toBe(false);
    expect(isBlockedShortcut(key('0', { control: true }), false)).toBe(true);
    expect(isBlockedShortcut({ ...key('0', { control: true }), type: 'keyUp' }, true)).toBe(false);
  });
});
