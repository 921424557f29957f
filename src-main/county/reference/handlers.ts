import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  CardIssuanceRequestSchema,
  EnrolmentRequestSchema,
  FaceMatchRequestSchema,
  HeartbeatSchema,
  PinResetRequestSchema,
  RecordsRequestSchema,
  ResidentLookupSchema,
  TxItemSchema,
  type ItemResult,
} from '../protocol.js';
import { DescriptorMismatchError, descriptorScore, loadEnrolledDescriptors, MATCH_THRESHOLD } from './face-match.js';
import { HttpError, type Reply } from './http-util.js';
import { isValidIdNumber } from './id-number.js';
import { reloadMac } from './hsm.js';
import { demoRecords } from './records.js';

// Route handlers. Each runs synchronously; the server wraps effectful ones in one transaction
// together with the Idempotency-Key record.

export interface HandlerCtx {
  db: Database.Database;
  terminalId: string;
  json: unknown;
  now: number;
  ifNoneMatch: string | undefined;
  /** Whether another request currently holds this item id. */
  itemBusyElsewhere: (itemId: string) => boolean;
  /** A forced rejection reason for items of this kind (the reject-kind fault), if any. */
  rejectReason?: (kind: string) => string | undefined;
}

/** Transaction kinds the county applies; any other is rejected `unknown_kind` (a dead letter at the terminal). */
export const KNOWN_KINDS: ReadonlySet<string> = new Set(['pin-reset', 'pin-change', 'records-query', 'pension-certification', 'insurance-query', 'card-issued', 'document-submission', 'rating', 'admin-audit', 'doc', 'demo']);

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new HttpError(400, 'invalid_request', 'request does not match the schema');
  return r.data;
}

/** POST /v1/enrolments: consumes a one-time code, creates a terminal and credential. */
export function enrol(db: Database.Database, json: unknown, now: number, credential: Buffer): Reply {
  const req = parse(EnrolmentRequestSchema, json);
  return db.transaction((): Reply => {
    const code = db.prepare('SELECT site_id, used_by, expires_at FROM enrolment_codes WHERE code = ?').get(req.code) as
      | { site_id: string; used_by: string | null; expires_at: number }
      | undefined;
    if (!code || code.used_by !== null || code.expires_at < now || code.site_id !== req.siteId)
      throw new HttpError(403, 'enrolment_code_invalid', 'enrolment code unknown, used, expired or for another site');
    const terminalId = `T-${randomUUID()}`;
    db.prepare('INSERT INTO terminals VALUES (?, ?, ?, 0, ?)').run(terminalId, req.siteId, credential, now);
    db.prepare('UPDATE enrolment_codes SET used_by = ? WHERE code = ?').run(terminalId, req.code);
    return { status: 201, body: { terminalId, credential: credential.toString('base64url'), siteId: req.siteId } };
  })();
}

/** POST /v1/transactions/batch: applies each item at most once, in seq order, with a result per item. */
export function uploadBatch(ctx: HandlerCtx): Reply {
  const items = (ctx.json as { items?: unknown }).items;
  if (!Array.isArray(items) || items.length === 0 || items.length > 500) throw new HttpError(400, 'invalid_request', 'items must be 1..500');
  const results = new Map<number, ItemResult>();
  const parsed = items.map((raw, index) => ({ index, raw, item: TxItemSchema.safeParse(raw) }));
  const order = [...parsed].sort((a, b) => (a.item.success && b.item.success ? a.item.data.seq - b.item.data.seq : 0));
  const find = ctx.db.prepare('SELECT item_digest, receipt FROM applied_tx WHERE id = ?');
  const insert = ctx.db.prepare('INSERT INTO applied_tx VALUES (?, ?, ?, ?, ?, ?, ?)');
  const effect = ctx.db.prepare('INSERT INTO effect_log (terminal_id, id) VALUES (?, ?)');
  for (const { index, raw, item } of order) {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : '';
    if (!item.success) {
      results.set(index, { id, status: 'rejected', reason: id ? 'invalid_item' : 'missing_idempotency_key' });
      continue;
    }
    const tx = item.data;
    if (ctx.itemBusyElsewhere(tx.id)) {
      results.set(index, { id: tx.id, status: 'retry', reason: 'in_flight' });
      continue;
    }
    const digest = createHash('sha256').update(JSON.stringify([tx.seq, tx.kind, tx.orderingKey, tx.schemaVersion, tx.payload, tx.personal])).digest('hex');
    const prior = find.get(tx.id) as { item_digest: string; receipt: string } | undefined;
    if (prior) {
      results.set(index, prior.item_digest === digest ? { id: tx.id, status: 'duplicate', receipt: prior.receipt } : { id: tx.id, status: 'rejected', reason: 'idempotency_key_reused' });
      continue;
    }
    if (!KNOWN_KINDS.has(tx.kind)) {
      results.set(index, { id: tx.id, status: 'rejected', reason: 'unknown_kind' });
      continue;
    }
    const forced = ctx.rejectReason?.(tx.kind);
    if (forced) {
      results.set(index, { id: tx.id, status: 'rejected', reason: forced });
      continue;
    }
    if (tx.payload['poison'] === true) {
      results.set(index, { id: tx.id, status: 'rejected', reason: 'invalid_item' });
      continue;
    }
    const receipt = `RCPT-${createHash('sha256').update(tx.id).digest('hex').slice(0, 12).toUpperCase()}`;
    insert.run(ctx.terminalId, tx.id, tx.seq, tx.kind, digest, receipt, ctx.now);
    effect.run(ctx.terminalId, tx.id);
    results.set(index, { id: tx.id, status: 'applied', receipt });
  }
  return { status: 200, body: { results: items.map((_, i) => results.get(i)) } };
}

/** POST /v1/heartbeat: stores the latest report. */
export function heartbeat(ctx: HandlerCtx): Reply {
  const hb = parse(HeartbeatSchema, ctx.json);
  ctx.db.prepare('INSERT INTO heartbeats VALUES (?, ?, ?) ON CONFLICT (terminal_id) DO UPDATE SET body = excluded.body, at = excluded.at').run(ctx.terminalId, JSON.stringify(hb), ctx.now);
  const v = (name: string) => (ctx.db.prepare('SELECT version FROM documents WHERE name = ?').get(name) as { version: string }).version;
  return { status: 200, body: { serverTime: ctx.now, configVersion: v('config'), catalogVersion: v('catalog') } };
}

/** GET /v1/config and /v1/catalog: versioned documents with ETag / 304. */
export function document(name: 'config' | 'catalog', ctx: HandlerCtx): Reply {
  const doc = ctx.db.prepare('SELECT version, body FROM documents WHERE name = ?').get(name) as { version: string; body: string };
  const etag = `"${name}-${doc.version}"`;
  if (ctx.ifNoneMatch === etag) return { status: 304, headers: { etag } };
  const site = (ctx.db.prepare('SELECT site_id FROM terminals WHERE terminal_id = ?').get(ctx.terminalId) as { site_id: string }).site_id;
  const body = name === 'config' ? { version: doc.version, siteId: site, settings: JSON.parse(doc.body) as unknown } : { version: doc.version, services: JSON.parse(doc.body) as unknown };
  return { status: 200, body, headers: { etag } };
}

interface ResidentRow {
  resident_ref: string;
  id_number: string;
  name: string;
  insurance_status: string;
  balance_cents: number;
  pension_status: string;
  certified_until: string | null;
  card_serial: string;
  face_token: string;
}

function residentByRef(db: Database.Database, ref: string): ResidentRow {
  const r = db.prepare('SELECT * FROM residents WHERE resident_ref = ?').get(ref) as ResidentRow | undefined;
  if (!r) throw new HttpError(404, 'not_found', 'unknown resident');
  return r;
}

/** POST /v1/residents/lookup: resident record by ID number, name masked. */
export function lookupResident(ctx: HandlerCtx): Reply {
  const { idNumber } = parse(ResidentLookupSchema, ctx.json);
  if (!isValidIdNumber(idNumber)) throw new HttpError(400, 'invalid_request', 'ID number check character is wrong');
  const r = ctx.db.prepare('SELECT * FROM residents WHERE id_number = ?').get(idNumber) as ResidentRow | undefined;
  if (!r) throw new HttpError(404, 'not_found', 'no such resident');
  const masked = `${[...r.name][0] ?? ''}*`;
  return {
    status: 200,
    body: {
      residentRef: r.resident_ref,
      displayName: masked,
      insurance: { status: r.insurance_status, balanceCents: r.balance_cents },
      pension: { status: r.pension_status, certifiedUntil: r.certified_until },
    },
  };
}

/**
 * POST /v1/residents/records: one kind of a resident's records. The resident proved who they are with
 * their card (its PIN checked on the card: the county checks the card is theirs) or with a face match
 * this county made for them at this terminal.
 */
export function queryRecords(ctx: HandlerCtx): Reply {
  const req = parse(RecordsRequestSchema, ctx.json);
  const r = residentByRef(ctx.db, req.residentRef);
  if ('cardSerial' in req) {
    if (r.card_serial !== req.cardSerial) throw new HttpError(404, 'not_found', 'card does not belong to the resident');
  } else {
    const m = ctx.db.prepare('SELECT score FROM face_matches WHERE match_id = ? AND terminal_id = ? AND resident_ref = ?').get(req.faceMatchId, ctx.terminalId, req.residentRef) as { score: number } | undefined;
    if (!m || m.score < MATCH_THRESHOLD) throw new HttpError(404, 'not_found', 'no face match of this resident at this terminal');
  }
  return { status: 200, body: demoRecords(r, req.kind, ctx.now) };
}

/**
 * POST /v1/authorizations/pin-reset: checks the card belongs to the resident, has the HSM open the new
 * PIN's block (refusing a weak PIN) and returns the issuer's reload MAC bound to the card's challenge.
 */
export function authorizePinReset(ctx: HandlerCtx): Reply {
  const req = parse(PinResetRequestSchema, ctx.json);
  const r = residentByRef(ctx.db, req.residentRef);
  if (r.card_serial !== req.cardSerial) throw new HttpError(404, 'not_found', 'card does not belong to the resident');
  const mac = reloadMac(req.pinBlock, r.id_number, req.challenge);
  if (mac === 'block') throw new HttpError(400, 'invalid_request', 'PIN block cannot be opened for this resident');
  if (mac === 'repeated' || mac === 'sequence') throw new HttpError(400, 'weak_pin', mac);
  const authorizationId = `A-${randomUUID()}`;
  const expiresAt = ctx.now + 5 * 60_000;
  ctx.db.prepare('INSERT INTO authorizations VALUES (?, ?, ?, ?)').run(authorizationId, ctx.terminalId, req.residentRef, expiresAt);
  return { status: 200, body: { authorizationId, mac: mac.toString('hex').toUpperCase(), expiresAt } };
}

const ENROLLED_DESCRIPTORS = loadEnrolledDescriptors();

/**
 * POST /v1/face-matches: demo matcher. With a descriptor, the score is its cosine similarity to the
 * resident's enrolled descriptor (demo-face-descriptors.json); without one (older terminals, byte
 * tests) the capture matches if it carries the resident's face token.
 */
export function matchFace(ctx: HandlerCtx): Reply {
  const req = parse(FaceMatchRequestSchema, ctx.json);
  const r = residentByRef(ctx.db, req.residentRef);
  const image = Buffer.from(req.image, 'base64');
  if (createHash('sha256').update(image).digest('hex') !== req.imageSha256) throw new HttpError(400, 'invalid_request', 'image digest mismatch');
  const enrolled = ENROLLED_DESCRIPTORS.get(req.residentRef);
  let score: number;
  if (req.descriptor && enrolled) {
    try {
      score = descriptorScore(req.descriptor, enrolled);
    } catch (error) {
      if (error instanceof DescriptorMismatchError) throw new HttpError(400, 'invalid_request', 'descriptor length does not match the enrolled one');
      throw error;
    }
  } else {
    score = image.includes(r.face_token) ? 0.97 : 0.12;
  }
  const matchId = `F-${randomUUID()}`;
  ctx.db.prepare('INSERT INTO face_matches VALUES (?, ?, ?, ?)').run(matchId, ctx.terminalId, req.residentRef, score);
  return { status: 200, body: { matchId, score, matched: score >= MATCH_THRESHOLD } };
}

/** POST /v1/card-issuances: allocates the next demo card serial. */
export function issueCard(ctx: HandlerCtx): Reply {
  const req = parse(CardIssuanceRequestSchema, ctx.json);
  residentByRef(ctx.db, req.residentRef);
  const n = (ctx.db.prepare('SELECT count(*) AS n FROM card_issuances').get() as { n: number }).n + 1;
  const issuanceId = `I-${randomUUID()}`;
  const cardSerial = `DEMOISSUE${String(n).padStart(6, '0')}`;
  ctx.db.prepare('INSERT INTO card_issuances VALUES (?, ?, ?, ?)').run(issuanceId, ctx.terminalId, req.residentRef, cardSerial);
  return { status: 201, body: { issuanceId, cardSerial, status: 'allocated' } };
}
