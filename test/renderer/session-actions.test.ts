import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../src-renderer/store/index.js';
import { setKioskApi } from '../../src-renderer/app/kiosk.js';
import { changeSettings, finishSession, startSession } from '../../src-renderer/app/session-actions.js';
import { handleKioskEvent } from '../../src-renderer/app/events.js';
import { loadSite } from '../../src-renderer/app/site-actions.js';
import { coreDefaults, fakeKiosk, SESSION_ID } from './fake-kiosk.js';

let kiosk: ReturnType<typeof fakeKiosk>;

beforeEach(async () => {
  useStore.setState(useStore.getInitialState(), true);
  kiosk = fakeKiosk();
  setKioskApi(kiosk.api);
  kiosk.api.onEvent(handleKioskEvent);
  await loadSite();
});

describe('session actions', () => {
  it('loadSite takes the core defaults and idle policy', () => {
    expect(useStore.getState().settings).toEqual(coreDefaults);
    expect(useStore.getState().idlePolicy).toEqual({ warnAfterMs: 60_000, countdownMs: 20_000 });
  });

  it('startSession stores the session id and goes home', async () => {
    expect(await startSession()).toBe(true);
    expect(useStore.getState()).toMatchObject({ sessionId: SESSION_ID, screen: { name: 'home' } });
  });

  it('a language chosen on the attract screen is handed to the new session', async () => {
    await changeSettings({ language: 'en' });
    expect(kiosk.api.updateSettings).not.toHaveBeenCalled();
    await startSession();
    expect(kiosk.api.updateSettings).toHaveBeenCalledWith({ language: 'en' });
    expect(useStore.getState().settings.language).toBe('en');
  });

  it('in a session, changeSettings calls updateSettings and applies the returned settings', async () => {
    await startSession();
    await changeSettings({ elderlyMode: true });
    expect(kiosk.api.updateSettings).toHaveBeenCalledWith({ elderlyMode: true });
    expect(useStore.getState().settings.elderlyMode).toBe(true);
  });

  it('finishSession ends the session at the core with the reason and wipes it locally', async () => {
    await startSession();
    await changeSettings({ language: 'en' });
    await finishSession('idle');
    expect(kiosk.api.endSession).toHaveBeenCalledWith({ sessionId: SESSION_ID, reason: 'idle' });
    expect(useStore.getState()).toMatchObject({ sessionId: null, screen: { name: 'attract' }, settings: coreDefaults });
  });

  it('finishSession treats session_mismatch as already ended (no banner)', async () => {
    await startSession();
    kiosk.api.endSession.mockResolvedValueOnce({ ok: false, error: { code: 'session_mismatch' } } as never);
    await finishSession('user');
    expect(useStore.getState().notice).toBeNull();
    expect(useStore.getState().sessionId).toBeNull();
  });

  it('a failed call shows errors.<code> in the banner', async () => {
    kiosk.api.startSession.mockResolvedValueOnce({ ok: false, error: { code: 'internal' } } as never);
    expect(await startSession()).toBe(false);
    expect(useStore.getState().notice).toEqual({ kind: 'error', code: 'internal' });
  });

  it('a rejected call (lost connection) shows the unexpected-error banner', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    kiosk.api.startSession.mockRejectedValueOnce(new Error('connection lost'));
    expect(await startSession()).toBe(false);
    expect(useStore.getState().notice).toEqual({ kind: 'unexpected' });
  });
});

describe('core events', () => {
  it('session.ended for our session (replaced) wipes it and returns to attract', async () => {
    await startSession();
    await changeSettings({ elderlyMode: true });
    kiosk.emit({ type: 'session.ended', sessionId: SESSION_ID, reason: 'replaced' });
    expect(useStore.getState()).toMatchObject({ sessionId: null, screen: { name: 'attract' }, settings: coreDefaults });
  });

  it('session.ended for another session id is ignored', async () => {
    await startSession();
    kiosk.emit({ type: 'session.ended', sessionId: 'other', reason: 'replaced' });
    expect(useStore.getState().sessionId).toBe(SESSION_ID);
  });

  it('settings.changed outside a session becomes the new defaults', () => {
    const settings = { ...coreDefaults, volume: 0.3 };
    kiosk.emit({ type: 'settings.changed', settings });
    expect(useStore.getState().defaults).toEqual(settings);
    expect(useStore.getState().settings).toEqual(settings);
  });

  it('catalog.changed reloads the catalog', async () => {
    kiosk.emit({ type: 'catalog.changed', version: '2' });
    await Promise.resolve();
    expect(kiosk.api.getCatalog).toHaveBeenCalled();
  });
});
