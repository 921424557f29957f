import type { IncomingMessage, ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { signaturesEqual } from '../signing.js';
import { FaultRequestSchema, type FaultController } from './faults.js';
import { errorReply, readBody, send } from './http-util.js';

// Test and demo controls, guarded by the admin token printed at start. Not part of the protocol.

export interface AdminCtx {
  req: IncomingMessage;
  res: ServerResponse;
  db: Database.Database;
  faults: FaultController;
  adminToken: string;
  path: string;
  /** How many idempotent requests are being processed now (tests wait on it instead of sleeping). */
  inFlight(): number;
}

const CodeSchema = z.object({ code: z.string().regex(/^[A-Z0-9-]{6,32}$/), siteId: z.string().min(1) });

/** Handles /_admin/*: faults, effect counts for exactly-once checks, enrolment codes, revocation. */
export async function handleAdmin(c: AdminCtx): Promise<void> {
  const now = Date.now();
  const token = c.req.headers['x-admin-token'];
  if (typeof token !== 'string' || !signaturesEqual(token, c.adminToken)) return send(c.res, errorReply(401, 'bad_signature', 'admin token required'), now);
  const body = await readBody(c.req, 64 * 1024);
  let json: unknown;
  try {
    json = body && body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return send(c.res, errorReply(400, 'invalid_request', 'body is not JSON'), now);
  }
  switch (`${c.req.method} ${c.path}`) {
    case 'POST /_admin/faults': {
      const r = FaultRequestSchema.safeParse(json);
      if (!r.success) return send(c.res, errorReply(400, 'invalid_request', 'bad fault'), now);
      c.faults.set(r.data);
      return send(c.res, { status: 204 }, now);
    }
    case 'GET /_admin/in-flight':
      return send(c.res, { status: 200, body: { requests: c.inFlight() } }, now);
    case 'GET /_admin/effects': {
      const rows = c.db.prepare('SELECT id, count(*) AS n FROM effect_log GROUP BY id').all() as { id: string; n: number }[];
      return send(c.res, { status: 200, body: { effects: Object.fromEntries(rows.map((r) => [r.id, r.n])) } }, now);
    }
    case 'POST /_admin/enrolment-codes': {
      const r = CodeSchema.safeParse(json);
      if (!r.success) return send(c.res, errorReply(400, 'invalid_request', 'bad code'), now);
      c.db.prepare('INSERT OR REPLACE INTO enrolment_codes VALUES (?, ?, NULL, ?)').run(r.data.code, r.data.siteId, now + 86_400_000);
      return send(c.res, { status: 204 }, now);
    }
    case 'POST /_admin/revoke': {
      const id = (json as { terminalId?: unknown }).terminalId;
      c.db.prepare('UPDATE terminals SET revoked = 1 WHERE terminal_id = ?').run(typeof id === 'string' ? id : '');
      return send(c.res, { status: 204 }, now);
    }
    default:
      return send(c.res, errorReply(404, 'not_found', 'no such admin operation'), now);
  }
}
