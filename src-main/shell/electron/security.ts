import type { Session, WebContents } from 'electron';
import { createLogger } from '../../logs/logger.js';
import { isAppUrl } from './origin.js';

const log = createLogger('electron-security');

/** The page may only ever show the app origin; anything else is a compromise or a bug. */
function preventUnlessAppUrl(event: { preventDefault(): void }, url: string, what: string): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  // The scheme is enough to diagnose; a full URL could carry query data.
  log.warn('navigation blocked', { kind: what, scheme: safeScheme(url) });
}

const safeScheme = (url: string): string => /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? 'none';

/** Navigation, redirect, popup and webview lockdown for every webContents the app creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => preventUnlessAppUrl(event, event.url, 'navigation'));
  contents.on('will-frame-navigate', (event) => preventUnlessAppUrl(event, event.url, 'frame-navigation'));
  contents.on('will-redirect', (event) => preventUnlessAppUrl(event, event.url, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open denied', { scheme: safeScheme(url) });
    return { action: 'deny' };
  });
}

/** What a permission request or check says about itself; the parts the decision needs. */
export interface PermissionAsk {
  permission: string;
  /** Origin or URL of the requesting frame. */
  origin: string | undefined;
  /** For `media`: which kinds (`video` = camera, `audio` = microphone). */
  mediaTypes: readonly string[];
}

/** The one permission the kiosk grants: the camera (face capture, document camera) to its own page. */
export function isPermissionAllowed(ask: PermissionAsk): boolean {
  return (
    ask.permission === 'media' &&
    isAppUrl(ask.origin) &&
    ask.mediaTypes.length > 0 &&
    ask.mediaTypes.every((type) => type === 'video')
  );
}

/** Permission, device, screen-capture and download policy for a session. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const origin = 'securityOrigin' in details && details.securityOrigin ? details.securityOrigin : details.requestingUrl;
    const allowed = isPermissionAllowed({ permission, origin, mediaTypes });
    if (!allowed) log.warn('permission request denied', { permission, mediaTypes });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({
      permission,
      origin: details.securityOrigin ?? requestingOrigin,
      mediaTypes: details.mediaType ? [details.mediaType] : [],
    }),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event) => {
    event.preventDefault();
    log.warn('download blocked');
  });
}
