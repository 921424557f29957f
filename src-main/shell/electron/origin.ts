/** The renderer's one origin: everything the kiosk window shows is served under `app://kiosk/`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Static page shown when the renderer keeps failing; needs no script and no core. */
export const CRASH_URL = `${APP_ORIGIN}/crash.html`;

/**
 * True when `value` is a URL (or a bare origin) on the app origin.
 * Compares scheme and host by hand: Node's URL reports `null` as the origin of custom schemes.
 */
export function isAppUrl(value: string | undefined | null): boolean {
  if (!value) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === ''
  );
}
