import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptDatabaseError, NotDurableError, SchemaTooNewError, StorageFullError, StorageIoError, mapSqliteError } from '../../src-main/outbox/errors.js';
import { SCHEMA_VERSION } from '../../src-main/outbox/migrations.js';
import { assertDurable, openOutboxDb } from '../../src-main/outbox/open-db.js';
import { useTempDir } from './helpers.js';

describe('openOutboxDb', () => {
  const t = useTempDir();

  it('is WAL + synchronous=FULL on first open and after a reopen', () => {
    const file = join(t.dir, 'a.db');
    openOutboxDb(file).close();
    // The bundled SQLite would give a plain reopen NORMAL (1): prove that default exists...
    const raw = new Database(file);
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
    // ...and that our open path overrides it.
    const db = openOutboxDb(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer schema', () => {
    const file = join(t.dir, 'b.db');
    const db = openOutboxDb(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openOutboxDb(file)).toThrow(SchemaTooNewError);
  });

  it('reports a file that is not a database as corrupt', () => {
    const file = join(t.dir, 'c.db');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(() => openOutboxDb(file)).toThrow(CorruptDatabaseError);
  });
});

describe('durability and storage error mapping', () => {
  it('assertDurable rejects a connection at synchronous=NORMAL', () => {
    const db = new Database(':memory:');
    db.pragma('synchronous = NORMAL');
    expect(() => assertDurable(db)).toThrow(NotDurableError);
    db.close();
  });

  it('maps SQLITE_FULL and every SQLITE_IOERR variant to typed errors and leaves others alone', () => {
    const sqliteError = (code: string) => Object.assign(new Error('x'), { code });
    expect(mapSqliteError(sqliteError('SQLITE_FULL'))).toBeInstanceOf(StorageFullError);
    const io = mapSqliteError(sqliteError('SQLITE_IOERR_FSYNC'));
    expect(io).toBeInstanceOf(StorageIoError);
    expect((io as StorageIoError).sqliteCode).toBe('SQLITE_IOERR_FSYNC');
    expect(mapSqliteError(sqliteError('SQLITE_CORRUPT'))).toBeInstanceOf(CorruptDatabaseError);
    const other = sqliteError('SQLITE_CONSTRAINT_UNIQUE');
    expect(mapSqliteError(other)).toBe(other);
  });
});
