import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.ico': 'image/x-icon',
  // The face check's tfjs backend compiles .wasm with streaming instantiation, which needs this type.
  '.wasm': 'application/wasm',
};

export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../security-headers.js';

export type StaticFile = { status: 200; body: Buffer; type: string } | { status: 404 };

/** Resolves a URL path to a file under `root`; anything outside `root` or missing is a 404. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return { status: 404 };
  }
  if (decoded.includes('\0')) return { status: 404 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return { status: 404 };
  try {
    const info = await stat(full);
    if (!info.isFile()) return { status: 404 };
    return { status: 200, body: await readFile(full), type: MIME[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return { status: 404 };
  }
}
