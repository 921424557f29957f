import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { createLogger } from '../logs/logger.js';
import { DEFAULT_LIMITS, assess, freeBytes, type Capacity, type CapacityLimits } from './capacity.js';
import { DeadLetters } from './dead-letters.js';
import { DecryptError, KeyMismatchError, OutboxFullError, StorageFullError, StorageIoError, withSqliteErrors } from './errors.js';
import { FieldCipher } from './field-cipher.js';
import type { KeyProvider } from './key-provider.js';
import { Leases } from './leases.js';
import { openOutboxDb, type OpenDbOptions } from './open-db.js';
import type { OutboxStats, RecordedTx, ServiceTxInput } from './types.js';
import { uuidv7 } from './uuidv7.js';

const log = createLogger('outbox');
const STORAGE_COOLDOWN_MS = 60_000;
/** How long a free-space reading is trusted while the disk is far from the floor. */
const FREE_SPACE_TTL_MS = 1_000;
/**
 * Disk a record may cost, counted against the last free-space reading: each commit appends every
 * page it touched to the WAL (counter, two tables, four indexes: up to 8 pages), plus the row
 * bytes themselves several times over. Deliberately generous: it only decides when to re-read.
 */
const WAL_PAGES_PER_RECORD = 8;
const DISK_BYTES_PER_ROW_BYTE = 4;

const InputSchema = z.object({
  kind: z.string().min(1).max(64),
  orderingKey: z.string().min(1).max(128),
  payload: z.record(z.string(), z.unknown()),
  personal: z.record(z.string(), z.string()).optional(),
  schemaVersion: z.number().int().min(1).optional(),
});
type Input = z.infer<typeof InputSchema>;

/** The common, valid case checked without building a parse result; anything else goes to the schema. */
function plainValid(v: ServiceTxInput): v is ServiceTxInput & Input {
  const { kind, orderingKey, payload, personal, schemaVersion } = v as Partial<Record<keyof ServiceTxInput, unknown>>;
  if (typeof kind !== 'string' || kind.length < 1 || kind.length > 64) return false;
  if (typeof orderingKey !== 'string' || orderingKey.length < 1 || orderingKey.length > 128) return false;
  if (!isPlainObject(payload)) return false;
  if (personal !== undefined) {
    if (!isPlainObject(personal)) return false;
    for (const k in personal) if (typeof personal[k] !== 'string') return false;
  }
  return schemaVersion === undefined || (Number.isInteger(schemaVersion) && (schemaVersion as number) >= 1);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Thrown inside the write transaction when the row cap is reached, so nothing is written. */
class RowCapReached extends Error {}

export interface OutboxOptions extends OpenDbOptions {
  file: string;
  keys: KeyProvider;
  limits?: Partial<CapacityLimits>;
  /** Directory whose file system is watched for free space; defaults to the database's. */
  dataDir?: string;
  now?: () => number;
  /** Free bytes on the file system holding a directory (tests count and fake the readings). */
  freeSpace?: (dir: string) => number;
}

/** The transactional outbox: durable records first, sync later. */
export class Outbox {
  readonly leases: Leases;
  readonly deadLetters: DeadLetters;
  private readonly limits: CapacityLimits;
  private readonly now: () => number;
  private readonly dataDir: string;
  private readonly freeSpace: (dir: string) => number;
  private readonly listeners = new Set<() => void>();
  private refuseUntil = 0;
  /** Last free-space reading and what this outbox has written since, for record's disk floor check. */
  private free = { bytes: 0, at: -Infinity, writtenSince: 0 };
  private readonly recordDiskCost: number;
  private readonly stmts;
  private readonly recordTx: Database.Transaction<(id: string, kind: string, key: string, payload: string, personal: string, version: number, now: number) => RecordedTx>;

  private constructor(
    readonly db: Database.Database,
    private readonly cipher: FieldCipher,
    options: OutboxOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    this.dataDir = options.dataDir ?? dirname(options.file);
    this.freeSpace = options.freeSpace ?? freeBytes;
    this.leases = new Leases(db, cipher);
    this.deadLetters = new DeadLetters(db);
    this.stmts = {
      nextSeq: db.prepare<[], { seq: number; depth: number }>('UPDATE counters SET next_seq = next_seq + 1 WHERE id = 1 RETURNING next_seq - 1 AS seq, depth'),
      insTx: db.prepare("INSERT INTO service_tx (id, seq, kind, recorded_at, state) VALUES (?, ?, ?, ?, 'pending')"),
      insRow: db.prepare(
        'INSERT INTO outbox (id, seq, kind, ordering_key, payload, personal, schema_version, created_at, available_at, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      counters: db.prepare<[], { depth: number; dead: number }>('SELECT depth, dead FROM counters WHERE id = 1'),
      oldest: db.prepare<[], { created_at: number }>('SELECT created_at FROM outbox ORDER BY seq LIMIT 1'),
      nextDue: db.prepare<[], { available_at: number }>('SELECT available_at FROM outbox ORDER BY available_at LIMIT 1'),
      dueAfter: db.prepare<[number], { available_at: number }>('SELECT available_at FROM outbox WHERE available_at > ? ORDER BY available_at LIMIT 1'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      txState: db.prepare<[string], { state: string }>('SELECT state FROM service_tx WHERE id = ?'),
    };
    const { nextSeq, insTx, insRow } = this.stmts;
    const maxRows = this.limits.maxRows;
    this.recordDiskCost = WAL_PAGES_PER_RECORD * (db.pragma('page_size', { simple: true }) as number);
    this.recordTx = db.transaction((id: string, kind: string, key: string, payload: string, personal: string, version: number, now: number): RecordedTx => {
      // The depth comes back with the sequence number: the row cap costs no extra read.
      const { seq, depth } = nextSeq.get() ?? { seq: 0, depth: 0 };
      if (depth >= maxRows) throw new RowCapReached();
      insTx.run(id, seq, kind, now);
      insRow.run(id, seq, kind, key, payload, personal, version, now, now, payload.length + personal.length);
      return { id, seq, recordedAt: now };
    });
  }

  /** Opens (creating if needed) the outbox; rejects on a non-durable/corrupt database or an unsafe key. */
  static async open(options: OutboxOptions): Promise<Outbox> {
    // SQLite treats an empty file as a new database; anything larger holds data sealed under a key.
    const outboxExists = (statSync(options.file, { throwIfNoEntry: false })?.size ?? 0) > 0;
    const key = await options.keys.loadKey({ outboxFile: options.file, outboxExists });
    const db = openOutboxDb(options.file, options);
    const cipher = new FieldCipher(key);
    try {
      checkKey(db, cipher, options.file);
    } catch (err) {
      db.close();
      throw err;
    }
    const outbox = new Outbox(db, cipher, options);
    log.info('outbox opened', { keyProvider: options.keys.name, ...outbox.stats() });
    return outbox;
  }

  /**
   * Writes the service record and its outbox row in one transaction; returns after the commit.
   * Throws OutboxFullError (refused, nothing written), StorageFullError (rolled back) or
   * StorageIoError (outcome unknown: the record named by `txId` may appear after a restart).
   */
  record(input: ServiceTxInput): RecordedTx {
    const tx = plainValid(input) ? input : InputSchema.parse(input);
    const now = this.now();
    this.refuseIfDiskFull(now);
    const id = uuidv7();
    const payload = JSON.stringify(tx.payload);
    const personal = this.cipher.sealMap(id, tx.personal ?? {});
    let result: RecordedTx;
    try {
      result = withSqliteErrors(() => this.recordTx.immediate(id, tx.kind, tx.orderingKey, payload, personal, tx.schemaVersion ?? 1, now));
      this.free.writtenSince += this.recordDiskCost + (payload.length + personal.length) * DISK_BYTES_PER_ROW_BYTE;
    } catch (err) {
      if (err instanceof RowCapReached) throw this.refused(this.capacity());
      if (err instanceof StorageFullError || err instanceof StorageIoError) {
        // Stop offering outbox services for a while rather than fail residents one by one.
        this.refuseUntil = now + STORAGE_COOLDOWN_MS;
        log.error('outbox write failed; refusing new records for a while', { code: err.code, cooldownMs: STORAGE_COOLDOWN_MS });
      }
      if (err instanceof StorageIoError) {
        // The commit may have reached the WAL (and will sync after a restart): name the record so
        // the flow can give the resident a reference and ops can reconcile it.
        log.error('record in doubt after an I/O error', { txId: id, sqliteCode: err.sqliteCode });
        throw new StorageIoError(err.sqliteCode, err.cause, id);
      }
      throw err;
    }
    // The record is committed: nothing a listener does may turn that into a reported failure.
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        log.error('record listener failed', { error: err instanceof Error ? err.name : 'unknown' });
      }
    }
    return result;
  }

  /**
   * Throws OutboxFullError when the disk is at its floor or a storage failure is cooling down.
   * Free space is read at most once a second while what has been written since cannot have
   * reached the floor, and at every record once it could.
   */
  private refuseIfDiskFull(now: number): void {
    const f = this.free;
    const estimate = f.bytes - f.writtenSince;
    if (now - f.at >= FREE_SPACE_TTL_MS || now < f.at || estimate < this.limits.minFreeBytes / this.limits.lowWatermark) {
      this.free = { bytes: this.freeSpace(this.dataDir), at: now, writtenSince: 0 };
    }
    if (now < this.refuseUntil || this.free.bytes < this.limits.minFreeBytes) throw this.refused(this.capacity());
  }

  private refused(cap: Capacity): OutboxFullError {
    log.warn('outbox refused a record', { reason: cap.reason, depth: cap.depth, freeBytes: cap.freeBytes });
    return new OutboxFullError(cap.reason ?? 'rows', cap);
  }

  /** A stable pseudonym of a personal value, for ordering keys; cannot fail. */
  pseudonym(value: string): string {
    return this.cipher.pseudonym(value);
  }

  /** Current backpressure state (depth and free disk against the caps, or a recent storage failure); throws if statfs fails. */
  capacity(): Capacity {
    const cap = assess(this.stmts.counters.get()?.depth ?? 0, this.freeSpace(this.dataDir), this.limits);
    return this.now() < this.refuseUntil ? { ...cap, state: 'full', reason: 'disk' } : cap;
  }

  /** Depth, dead letters, oldest age and next due time, each an index or counters lookup. */
  stats(): OutboxStats {
    const c = this.stmts.counters.get() ?? { depth: 0, dead: 0 };
    const oldest = this.stmts.oldest.get()?.created_at ?? null;
    return {
      depth: c.depth,
      deadLetters: c.dead,
      oldestCreatedAt: oldest,
      oldestAgeMs: oldest === null ? null : Math.max(0, this.now() - oldest),
      nextDueAt: this.stmts.nextDue.get()?.available_at ?? null,
    };
  }

  /** The earliest time after `now` at which a row becomes due (lease expiry or backoff end); null if none. */
  nextDueAfter(now: number): number | null {
    return this.stmts.dueAfter.get(now)?.available_at ?? null;
  }

  /** State of a service record: pending, applied, duplicate, dead, discarded; undefined if unknown. */
  txState(id: string): string | undefined {
    return this.stmts.txState.get(id)?.state;
  }

  /** Reads a small persisted value (e.g. last successful sync). */
  getMeta(key: string): string | undefined {
    return this.stmts.getMeta.get(key)?.value;
  }

  /** Persists a small value; throws a typed storage error if the write fails. */
  setMeta(key: string, value: string): void {
    withSqliteErrors(() => this.stmts.setMeta.run(key, value));
  }

  /** Persists a secret (e.g. the county credential) encrypted under the outbox key; throws typed storage errors. */
  setSecret(key: string, value: string): void {
    this.setMeta(`secret:${key}`, this.cipher.encrypt('meta', key, value));
  }

  /** Reads a secret stored with setSecret; undefined if absent, DecryptError if tampered with or the key changed. */
  getSecret(key: string): string | undefined {
    const sealed = this.getMeta(`secret:${key}`);
    return sealed === undefined ? undefined : this.cipher.decrypt('meta', key, sealed);
  }

  /** Subscribes to "a record was committed" (sync trigger); returns the unsubscribe function. */
  onRecord(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the database (checkpointing the WAL). */
  close(): void {
    this.listeners.clear();
    this.db.close();
  }
}

const KEY_CHECK = 'key-check';

/**
 * Proves at open that the key is the one the outbox was written with: a sealed constant kept in
 * meta, written on first open. A replaced key fails here with KeyMismatchError, not later in a record.
 */
function checkKey(db: Database.Database, cipher: FieldCipher, file: string): void {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK);
  if (row === undefined) {
    withSqliteErrors(() => db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEY_CHECK, cipher.encrypt('meta', KEY_CHECK, KEY_CHECK)));
    return;
  }
  try {
    cipher.decrypt('meta', KEY_CHECK, row.value);
  } catch (err) {
    if (err instanceof DecryptError) throw new KeyMismatchError(file);
    throw err;
  }
}
