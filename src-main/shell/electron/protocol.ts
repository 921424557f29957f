import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { createLogger } from '../../logs/logger.js';
import { CRASH_PAGE_HTML } from './crash-page.js';
import { APP_HOST, APP_SCHEME } from './origin.js';
import { mimeTypeOf, resolveInside } from './static-files.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../security-headers.js';

const log = createLogger('electron-protocol');

export { CONTENT_SECURITY_POLICY };

/**
 * Must run before `app.ready`: makes `app://` a secure, standard origin that can use fetch.
 * `corsEnabled` stays off on purpose: it would let other origins read these files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

type Body = ConstructorParameters<typeof Response>[0];

const respond = (status: number, body: Body, contentType: string): Response =>
  new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });

const notFound = (): Response => respond(404, 'Not found', 'text/plain; charset=utf-8');

const COUNTY_VOICE = '/county-voice/';

/**
 * The `app://` handler: serves files from `rendererDir` only, and `.ogg` recordings under
 * `/county-voice/` from the county's voice folder (asked for each request: the core starts later).
 * Other hosts, other methods, traversal and missing files get an error status; nothing outside
 * the two directories is read.
 */
export function createAppRequestHandler(rendererDir: string, voiceRecordingsDir: () => string | undefined = () => undefined): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return notFound();
    let file: string | null;
    if (url.pathname.startsWith(COUNTY_VOICE)) {
      const recordings = voiceRecordingsDir();
      const rest = url.pathname.slice(COUNTY_VOICE.length - 1);
      if (!recordings || !rest.endsWith('.ogg')) return notFound();
      file = resolveInside(recordings, rest);
    } else {
      file = resolveInside(rendererDir, url.pathname);
    }
    if (!file) {
      log.warn('refused path outside the renderer directory');
      return notFound();
    }
    try {
      const body = await readFile(file);
      return respond(200, new Uint8Array(body), mimeTypeOf(file));
    } catch {
      if (url.pathname === '/crash.html') return respond(200, CRASH_PAGE_HTML, 'text/html; charset=utf-8');
      return notFound();
    }
  };
}

/** Serves the renderer build on `app://kiosk/` (call after `app.ready`). */
export function handleAppProtocol(rendererDir: string, voiceRecordingsDir?: () => string | undefined): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, voiceRecordingsDir));
}
