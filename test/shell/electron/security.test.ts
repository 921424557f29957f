import type { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, resetFake } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const { hardenSession, hardenWebContents, isPermissionAllowed } = await import('../../../src-main/shell/electron/security.js');

beforeEach(resetFake);

function hardened() {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

/** Emits a cancellable Electron event and says whether a listener prevented it. */
function prevented(target: EventEmitter, name: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  target.emit(name, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another origin is prevented', (name) => {
    const contents = hardened();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'app://kiosk.evil/x', 'javascript:alert(1)', 'not a url']) {
      expect(prevented(contents, name, url), url).toBe(true);
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within app://kiosk is allowed', (name) => {
    const contents = hardened();
    expect(prevented(contents, name, 'app://kiosk/index.html')).toBe(false);
    expect(prevented(contents, name, 'app://kiosk/crash.html#x')).toBe(false);
  });

  it('denies every window.open', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  function hardenedSession() {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    return session;
  }

  function request(session: FakeSession, permission: string, details: Record<string, unknown>): boolean {
    let granted: boolean | undefined;
    const handler = session.permissionRequestHandler as unknown as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: Record<string, unknown>,
    ) => void;
    handler({}, permission, (g) => (granted = g), details);
    if (granted === undefined) throw new Error('permission callback not called');
    return granted;
  }

  function check(session: FakeSession, permission: string, origin: string, details: Record<string, unknown>): boolean {
    const handler = session.permissionCheckHandler as unknown as (
      wc: unknown,
      permission: string,
      origin: string,
      details: Record<string, unknown>,
    ) => boolean;
    return handler(null, permission, origin, { isMainFrame: true, ...details });
  }

  const app = { requestingUrl: 'app://kiosk/index.html', isMainFrame: true };
  const evil = { requestingUrl: 'https://evil.example/', isMainFrame: true };

  it('grants the camera to app://kiosk', () => {
    const session = hardenedSession();
    expect(request(session, 'media', { ...app, mediaTypes: ['video'] })).toBe(true);
    expect(request(session, 'media', { ...app, mediaTypes: ['video'], securityOrigin: 'app://kiosk' })).toBe(true);
    expect(check(session, 'media', 'app://kiosk', { mediaType: 'video', securityOrigin: 'app://kiosk' })).toBe(true);
  });

  it('denies the microphone, even together with the camera', () => {
    const session = hardenedSession();
    expect(request(session, 'media', { ...app, mediaTypes: ['audio'] })).toBe(false);
    expect(request(session, 'media', { ...app, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request(session, 'media', { ...app, mediaTypes: [] })).toBe(false);
    expect(request(session, 'media', { ...app })).toBe(false);
    expect(check(session, 'media', 'app://kiosk', { mediaType: 'audio' })).toBe(false);
  });

  it('denies geolocation, notifications and everything else to app://kiosk', () => {
    const session = hardenedSession();
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen']) {
      expect(request(session, permission, app), permission).toBe(false);
      expect(check(session, permission, 'app://kiosk', {}), permission).toBe(false);
    }
  });

  it('denies the camera to any other origin', () => {
    const session = hardenedSession();
    expect(request(session, 'media', { ...evil, mediaTypes: ['video'] })).toBe(false);
    expect(request(session, 'media', { ...app, mediaTypes: ['video'], securityOrigin: 'https://evil.example' })).toBe(false);
    expect(check(session, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check(session, 'media', 'app://other', { mediaType: 'video' })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', origin: 'file:///', mediaTypes: ['video'] })).toBe(false);
  });

  it('denies device choosers, screen capture and downloads', () => {
    const session = hardenedSession();
    expect((session.devicePermissionHandler as unknown as () => boolean)()).toBe(false);
    const callback = vi.fn();
    (session.displayMediaRequestHandler as unknown as (r: unknown, cb: (s: unknown) => void) => void)({}, callback);
    expect(callback).toHaveBeenCalledWith(null);
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
  });
});
