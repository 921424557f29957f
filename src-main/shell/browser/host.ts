import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { KioskEvent } from '../../contract/events.js';
import type { Result } from '../../contract/errors.js';
import { createLogger } from '../../logs/logger.js';
import { RendererSlot } from './renderer-slot.js';
import { SECURITY_HEADERS, readStatic, type StaticFile } from './static.js';

const log = createLogger('browser-host');

/** What the host needs of the core. */
export interface HostCore {
  call(name: unknown, payload: unknown): Promise<Result<unknown>>;
  events: { subscribe(listener: (event: KioskEvent) => void): () => void; markNotReady(): void };
}

export interface BrowserHostOptions {
  core: HostCore;
  /** Built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The county's voice recordings, served under `/county-voice/` (.ogg files only). */
  voiceRecordingsDir?: string;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
}

export interface BrowserHost {
  /** The URL to open, token included in the fragment (never sent to the server in requests). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const COUNTY_VOICE = '/county-voice/';

/** The renderer build, or a county voice recording (only .ogg, only inside its folder). */
function serveFile(options: BrowserHostOptions, url: string): Promise<StaticFile> {
  const path = url.split('?')[0] ?? '/';
  if (path.startsWith(COUNTY_VOICE)) {
    const rest = path.slice(COUNTY_VOICE.length - 1);
    if (!options.voiceRecordingsDir || !rest.endsWith('.ogg')) return Promise.resolve({ status: 404 });
    return readStatic(options.voiceRecordingsDir, rest);
  }
  return readStatic(options.rendererDir, url);
}

/**
 * Serves the renderer and the contract over a loopback WebSocket guarded by the Host header,
 * the origin and a per-launch token.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // Set once listening. A page reached through any other name (DNS rebinding points a foreign
  // name at 127.0.0.1) sends that name as Host, and gets nothing.
  let expectedHost = '';
  const hostAllowed = (req: IncomingMessage) => req.headers.host === expectedHost;

  const server: Server = createServer((req, res) => {
    if (!hostAllowed(req)) {
      log.warn('http request refused: wrong host header');
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('forbidden');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    void serveFile(options, req.url ?? '/').then((file) => {
      if (file.status === 404) {
        res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  expectedHost = `127.0.0.1:${port}`;
  // Every socket the server ever accepted, upgraded ones included, so close() can end them all:
  // a page still open (or a half-sent request) must never keep the terminal from shutting down.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const slot = new RendererSlot(options.core);

  const authorised = (req: IncomingMessage): boolean => {
    if (!hostAllowed(req) || req.headers.origin !== origin) return false;
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/api') return false;
    return tokensEqual(url.searchParams.get('token') ?? '', token);
  };

  server.on('upgrade', (req, socket, head) => {
    // The raw socket has no error listener until ws adopts it; a reset here must not end the process.
    socket.on('error', () => socket.destroy());
    if (!authorised(req)) {
      log.warn('websocket rejected', { origin: req.headers.origin ?? 'none' });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => slot.attach(ws));
  });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    async close() {
      slot.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
