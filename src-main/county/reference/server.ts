import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { createLogger } from '../../logs/logger.js';
import { H } from '../signing.js';
import { handleAdmin } from './admin.js';
import { checkFresh, pruneNonces, verifySignature } from './auth.js';
import { FaultController } from './faults.js';
import * as h from './handlers.js';
import { HttpError, errorReply, readBody, send, type Reply, type ResponseSigner } from './http-util.js';
import { openBackendDb } from './schema.js';
import { seed } from './seed.js';

const log = createLogger('county-backend');

export interface CountyBackendOptions {
  /** Loopback only by default. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** ':memory:' by default. */
  dbFile?: string;
  bodyLimit?: number;
  adminToken?: string;
}

export interface CountyBackend {
  url: string;
  port: number;
  adminToken: string;
  faults: FaultController;
  db: Database.Database;
  close(): Promise<void>;
}

type Route = { signed: false; run: (json: unknown, now: number) => Reply } | { signed: true; idempotent: boolean; run: (ctx: h.HandlerCtx) => Reply };

const ROUTES: Record<string, (db: Database.Database) => Route> = {
  'POST /v1/enrolments': (db) => ({ signed: false, run: (json, now) => h.enrol(db, json, now, randomBytes(32)) }),
  'POST /v1/transactions/batch': () => ({ signed: true, idempotent: true, run: h.uploadBatch }),
  'POST /v1/heartbeat': () => ({ signed: true, idempotent: false, run: h.heartbeat }),
  'GET /v1/config': () => ({ signed: true, idempotent: false, run: (c) => h.document('config', c) }),
  'GET /v1/catalog': () => ({ signed: true, idempotent: false, run: (c) => h.document('catalog', c) }),
  'POST /v1/residents/lookup': () => ({ signed: true, idempotent: false, run: h.lookupResident }),
  'POST /v1/residents/records': () => ({ signed: true, idempotent: false, run: h.queryRecords }),
  'POST /v1/authorizations/pin-reset': () => ({ signed: true, idempotent: true, run: h.authorizePinReset }),
  'POST /v1/face-matches': () => ({ signed: true, idempotent: true, run: h.matchFace }),
  'POST /v1/card-issuances': () => ({ signed: true, idempotent: true, run: h.issueCard }),
};

/** Starts the reference county backend on loopback; rejects if the port cannot be bound. */
export async function startCountyBackend(options: CountyBackendOptions = {}): Promise<CountyBackend> {
  const db = openBackendDb(options.dbFile ?? ':memory:');
  seed(db, Date.now());
  const faults = new FaultController(options.bodyLimit ?? 1024 * 1024);
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');
  const inflightKeys = new Set<string>();
  const inflightItems = new Map<string, string>();
  let requests = 0;

  // `signed.by` is set once a request's signature verified: from then on every answer, errors
  // included, carries X-Response-Signature.
  const handle = async (req: IncomingMessage, res: ServerResponse, signed: { by?: ResponseSigner }): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const pathname = path.split('?')[0] ?? '/';
    if (pathname.startsWith('/_admin/')) return handleAdmin({ req, res, db, faults, adminToken, path: pathname, inFlight: () => inflightKeys.size });
    const fault = faults.take(pathname);
    if (fault?.mode === 'reset') {
      req.socket.destroy();
      return;
    }
    const body = await readBody(req, faults.bodyLimit);
    const now = faults.now();
    if (++requests % 500 === 0) pruneNonces(db, now);
    if (body === null) return send(res, errorReply(413, 'payload_too_large', 'request body too large', { connection: 'close' }), now);
    if (fault?.mode === 'status') {
      const code = fault.status === 429 ? 'rate_limited' : fault.status === 503 ? 'unavailable' : 'internal';
      const headers: Record<string, string> = fault.retryAfterS === undefined ? {} : { 'retry-after': String(fault.retryAfterS) };
      return send(res, errorReply(fault.status, code, 'injected fault', headers), now);
    }
    const make = ROUTES[`${method} ${pathname}`];
    if (!make) return send(res, errorReply(404, 'not_found', 'no such operation'), now);
    const route = make(db);
    let terminalId = '';
    if (route.signed) {
      const verified = verifySignature(db, { method, path, headers: req.headers, body }, fault?.mode === 'bad-signature');
      signed.by = verified;
      terminalId = verified.terminalId;
      checkFresh(db, verified, now);
    }
    const reply = (r: Reply, at: number) => send(res, r, at, signed.by);
    let json: unknown = undefined;
    if (body.length > 0) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return reply(errorReply(400, 'invalid_request', 'body is not JSON'), now);
      }
    }
    if (!route.signed) return send(res, route.run(json, now), now);

    const ifNoneMatch = req.headers['if-none-match'];
    const ctx: h.HandlerCtx = {
      db,
      terminalId,
      json,
      now,
      ifNoneMatch: Array.isArray(ifNoneMatch) ? ifNoneMatch[0] : ifNoneMatch,
      itemBusyElsewhere: () => false,
      rejectReason: (kind) => faults.rejectReason(kind),
    };
    if (!route.idempotent) return reply(db.transaction(() => route.run(ctx))(), now);

    const rawKey = req.headers[H.idempotencyKey];
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
    if (!key) return reply(errorReply(400, 'missing_idempotency_key', 'Idempotency-Key header required'), now);
    const scoped = `${terminalId}\0${key}`;
    if (inflightKeys.has(scoped)) return reply(errorReply(409, 'idempotency_key_in_flight', 'a request with this key is in flight'), now);
    const requestDigest = createHash('sha256').update(`${method} ${pathname}\n`).update(body).digest('hex');
    const prior = db.prepare('SELECT request_digest, status, body FROM idem_keys WHERE terminal_id = ? AND key = ?').get(terminalId, key) as
      | { request_digest: string; status: number; body: string }
      | undefined;
    if (prior && prior.request_digest !== requestDigest) return reply(errorReply(422, 'idempotency_key_reused', 'key used with a different request'), now);
    if (prior) return reply({ status: prior.status, body: JSON.parse(prior.body) as unknown, headers: { [H.replayed]: 'true' } }, now);

    const requestId = randomUUID();
    const itemIds = pathname === '/v1/transactions/batch' ? itemIdsOf(json) : [];
    const mine = itemIds.filter((id) => !inflightItems.has(id));
    inflightKeys.add(scoped);
    for (const id of mine) inflightItems.set(id, requestId);
    ctx.itemBusyElsewhere = (id) => {
      const owner = inflightItems.get(id);
      return owner !== undefined && owner !== requestId;
    };
    let result: Reply;
    try {
      if (fault?.mode === 'stall') await sleep(fault.ms);
      result = db.transaction((): Reply => {
        const r = route.run({ ...ctx, now: faults.now() });
        if (r.status < 400) db.prepare('INSERT INTO idem_keys VALUES (?, ?, ?, ?, ?, ?)').run(terminalId, key, requestDigest, r.status, JSON.stringify(r.body), now);
        return r;
      })();
    } finally {
      inflightKeys.delete(scoped);
      for (const id of mine) inflightItems.delete(id);
    }
    if (fault?.mode === 'drop-after-commit') {
      req.socket.destroy();
      return;
    }
    reply(result, faults.now());
  };

  const server: Server = createServer((req, res) => {
    const signed: { by?: ResponseSigner } = {};
    handle(req, res, signed).catch((err: unknown) => {
      const now = faults.now();
      if (res.headersSent || res.destroyed) return;
      if (err instanceof HttpError) send(res, errorReply(err.status, err.code, err.message, err.headers), now, signed.by);
      else {
        log.error('backend handler failed', { error: err instanceof Error ? err.name : 'unknown' });
        send(res, errorReply(500, 'internal', 'internal error'), now, signed.by);
      }
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  log.info('county reference backend listening', { host, port });
  return {
    url: `http://${host}:${port}`,
    port,
    adminToken,
    faults,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}

function itemIdsOf(json: unknown): string[] {
  const items = (json as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.map((i) => (i as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
}
