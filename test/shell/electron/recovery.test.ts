import type { App, BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, resetFake } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const { logChildProcessGone, RECOVERY_DEFAULTS, superviseRenderer } = await import(
  '../../../src-main/shell/electron/recovery.js'
);

const crash = (win: FakeBrowserWindow, reason = 'crashed') =>
  win.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });

function supervised() {
  const win = new FakeBrowserWindow({});
  const stop = superviseRenderer(win as unknown as BrowserWindow);
  return { win, contents: win.webContents, stop };
}

beforeEach(() => {
  resetFake();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('render-process-gone', () => {
  it('reloads the window', () => {
    const { win, contents } = supervised();
    crash(win);
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('stops reloading at the cap and shows the static crash page', () => {
    const { win, contents } = supervised();
    for (let i = 0; i < RECOVERY_DEFAULTS.maxRestarts + 1; i++) crash(win);
    expect(contents.reload).toHaveBeenCalledTimes(RECOVERY_DEFAULTS.maxRestarts);
    expect(contents.loaded).toEqual(['app://kiosk/crash.html']);
    // A crash of the crash page itself only brings that page back.
    crash(win);
    expect(contents.loaded).toEqual(['app://kiosk/crash.html']);
    expect(contents.reload).toHaveBeenCalledTimes(RECOVERY_DEFAULTS.maxRestarts + 1);
  });

  it('counts only crashes within the window', () => {
    const { win, contents } = supervised();
    for (let i = 0; i < 10; i++) {
      crash(win);
      vi.advanceTimersByTime(RECOVERY_DEFAULTS.windowMs / 2);
    }
    expect(contents.reload).toHaveBeenCalledTimes(10);
    expect(contents.loaded).toEqual([]);
  });

  it('tries the UI again after the cooldown, with a fresh count', () => {
    const { win, contents } = supervised();
    for (let i = 0; i <= RECOVERY_DEFAULTS.maxRestarts; i++) crash(win);
    crash(win); // while the crash page is up: keep it alive, no UI attempt
    expect(contents.loaded).toEqual(['app://kiosk/crash.html']);
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.cooldownMs);
    expect(contents.loaded).toEqual(['app://kiosk/crash.html', 'app://kiosk/index.html']);
    contents.reload.mockClear();
    crash(win);
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('does nothing once the window is destroyed or supervision stopped', () => {
    const { win, contents, stop } = supervised();
    win.destroyed = true;
    crash(win);
    win.destroyed = false;
    stop();
    crash(win);
    expect(contents.reload).not.toHaveBeenCalled();
  });
});

describe('unresponsive renderer', () => {
  it('is killed and reloaded after the grace period', () => {
    const { win, contents } = supervised();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.unresponsiveGraceMs - 1);
    expect(contents.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(contents.reload).toHaveBeenCalledTimes(1);
    // Our own kill reports as `killed`; it must not cause a second reload.
    crash(win, 'killed');
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('is left alone when it answers again within the grace period', () => {
    const { contents } = supervised();
    contents.emit('unresponsive');
    contents.emit('unresponsive');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.unresponsiveGraceMs / 2);
    contents.emit('responsive');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.unresponsiveGraceMs * 2);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('shares the restart cap with crashes', () => {
    const { win, contents } = supervised();
    for (let i = 0; i < RECOVERY_DEFAULTS.maxRestarts; i++) crash(win);
    contents.emit('unresponsive');
    vi.advanceTimersByTime(RECOVERY_DEFAULTS.unresponsiveGraceMs);
    expect(contents.reload).toHaveBeenCalledTimes(RECOVERY_DEFAULTS.maxRestarts);
    expect(contents.loaded).toEqual(['app://kiosk/crash.html']);
  });
});

describe('child processes', () => {
  it('are logged when they go away, without restarting anything', () => {
    logChildProcessGone(fake.app as unknown as App);
    expect(fake.app.listenerCount('child-process-gone')).toBe(1);
    expect(() => fake.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 })).not.toThrow();
  });
});
