import type Database from 'better-sqlite3';
import { SchemaTooNewError } from './errors.js';

// Append-only list: migration N brings user_version from N-1 to N. Never edit a shipped entry.

const MIGRATIONS: readonly string[] = [
  /* 1 */ `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  -- One row: the per-terminal sequence and the fencing counter. Both only grow.
  CREATE TABLE counters (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    next_seq INTEGER NOT NULL,
    next_fence INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    dead INTEGER NOT NULL
  ) STRICT;
  INSERT INTO counters VALUES (1, 1, 1, 0, 0);

  -- The terminal's own record of each service transaction (no personal data; it outlives the sync).
  -- seq is the rowid: sequence order is storage order, and one index fewer per write.
  CREATE TABLE service_tx (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'duplicate', 'dead', 'discarded')),
    settled_at INTEGER,
    receipt TEXT
  ) STRICT;

  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    ordering_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    personal TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    available_at INTEGER NOT NULL,
    lease_owner TEXT,
    lease_token INTEGER,
    lease_expires_at INTEGER,
    last_status TEXT,
    last_error TEXT,
    bytes INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX outbox_due ON outbox (available_at, seq);
  CREATE INDEX outbox_key_seq ON outbox (ordering_key, seq);

  CREATE TABLE dead_letters (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    ordering_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    personal TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    last_status TEXT,
    last_error TEXT,
    bytes INTEGER NOT NULL,
    reason TEXT NOT NULL,
    moved_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX dead_moved ON dead_letters (moved_at);

  CREATE TABLE dead_letter_audit (
    audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
    dead_letter_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('retry', 'discard')),
    actor TEXT NOT NULL,
    note TEXT,
    at INTEGER NOT NULL
  ) STRICT;

  -- Depth and dead-letter count are kept in one row so reading them is a primary-key lookup.
  CREATE TRIGGER outbox_ins AFTER INSERT ON outbox BEGIN UPDATE counters SET depth = depth + 1 WHERE id = 1; END;
  CREATE TRIGGER outbox_del AFTER DELETE ON outbox BEGIN UPDATE counters SET depth = depth - 1 WHERE id = 1; END;
  CREATE TRIGGER dead_ins AFTER INSERT ON dead_letters BEGIN UPDATE counters SET dead = dead + 1 WHERE id = 1; END;
  CREATE TRIGGER dead_del AFTER DELETE ON dead_letters BEGIN UPDATE counters SET dead = dead - 1 WHERE id = 1; END;
  `,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION in one transaction per step; throws SchemaTooNewError on a newer file. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current, SCHEMA_VERSION);
  for (let v = current; v < SCHEMA_VERSION; v++) {
    const sql = MIGRATIONS[v] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return SCHEMA_VERSION;
}
