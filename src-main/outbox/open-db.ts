import Database from 'better-sqlite3';
import { CorruptDatabaseError, NotDurableError, mapSqliteError } from './errors.js';
import { migrate } from './migrations.js';

export interface OpenDbOptions {
  /** Extra pragmas applied after the durability ones (tests use max_page_count). */
  pragmas?: readonly string[];
  /** Skip the startup quick_check (benchmarks only). */
  skipQuickCheck?: boolean;
}

/**
 * Opens the outbox database: WAL, synchronous=FULL read back, quick_check, migrations.
 * Throws NotDurableError, CorruptDatabaseError, SchemaTooNewError or a typed storage error.
 */
export function openOutboxDb(file: string, options: OpenDbOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw mapSqliteError(err);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new NotDurableError(`journal_mode is ${String(mode)}`);
    // The bundled SQLite defaults later WAL opens to NORMAL; set FULL every time and verify it.
    db.pragma('synchronous = FULL');
    assertDurable(db);
    db.pragma('foreign_keys = ON');
    for (const p of options.pragmas ?? []) db.pragma(p);
    if (!options.skipQuickCheck) quickCheck(db);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw mapSqliteError(err);
  }
}

/** Throws NotDurableError unless the connection is WAL with synchronous=FULL (2) or EXTRA (3). */
export function assertDurable(db: Database.Database): void {
  const sync = db.pragma('synchronous', { simple: true }) as number;
  if (sync < 2) throw new NotDurableError(`synchronous is ${sync}, expected FULL (2)`);
  const mode = db.pragma('journal_mode', { simple: true });
  if (mode !== 'wal') throw new NotDurableError(`journal_mode is ${String(mode)}`);
}

/** Runs PRAGMA quick_check; throws CorruptDatabaseError with the first problem reported. */
export function quickCheck(db: Database.Database): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const first = rows[0]?.quick_check;
  if (first !== 'ok') throw new CorruptDatabaseError(first ?? 'no result');
}
