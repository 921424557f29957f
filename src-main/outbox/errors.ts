// Typed failures of the outbox. Every message is safe to log: it never carries a payload value.

/** Stable codes the core maps to UI states ("please go to the counter") and ops alerts. */
export type OutboxErrorCode =
  | 'outbox_full'
  | 'storage_full'
  | 'storage_io'
  | 'not_durable'
  | 'corrupt'
  | 'key_insecure'
  | 'key_invalid'
  | 'key_missing'
  | 'key_mismatch'
  | 'decrypt_failed'
  | 'schema_too_new'
  | 'not_found';

/** Base class: `code` is stable, `message` contains no resident data. */
export class OutboxError extends Error {
  constructor(
    readonly code: OutboxErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The outbox refuses new records: row cap or free-disk floor reached. */
export class OutboxFullError extends OutboxError {
  constructor(
    readonly reason: 'rows' | 'disk',
    readonly detail: { depth: number; maxRows: number; freeBytes: number; minFreeBytes: number },
  ) {
    super('outbox_full', `outbox full (${reason}): depth ${detail.depth}/${detail.maxRows}, free ${detail.freeBytes} B (floor ${detail.minFreeBytes} B)`);
  }
}

/** SQLite reported SQLITE_FULL: the file system or max_page_count refused a write; nothing was committed. */
export class StorageFullError extends OutboxError {
  constructor(cause: unknown) {
    super('storage_full', 'database or disk is full; the write was rolled back', { cause });
  }
}

/**
 * SQLite reported an I/O error (SQLITE_IOERR*). The outcome is unknown: a failed fsync can leave a
 * complete commit in the WAL that the next open recovers. `txId` names the record in doubt.
 */
export class StorageIoError extends OutboxError {
  constructor(
    readonly sqliteCode: string,
    cause: unknown,
    readonly txId?: string,
  ) {
    super('storage_io', `storage I/O error (${sqliteCode}); the outcome of the write is unknown${txId ? ` (record ${txId} in doubt)` : ''}`, { cause });
  }
}

/** The connection is not in WAL + synchronous=FULL, so a commit would not survive power loss. */
export class NotDurableError extends OutboxError {
  constructor(detail: string) {
    super('not_durable', `database is not durable: ${detail}`);
  }
}

/** `PRAGMA quick_check` failed or SQLite reported corruption. */
export class CorruptDatabaseError extends OutboxError {
  constructor(detail: string, cause?: unknown) {
    super('corrupt', `database failed its integrity check: ${detail}`, { cause });
  }
}

/** A key file can be read by group/others or is owned by someone else. */
export class KeyFileInsecureError extends OutboxError {
  constructor(path: string, mode: number) {
    super('key_insecure', `key file ${path} has mode ${(mode & 0o777).toString(8)}; it must be 600 and owned by this user`);
  }
}

/** The key material is missing, of the wrong length or unreadable. */
export class KeyInvalidError extends OutboxError {
  constructor(detail: string) {
    super('key_invalid', `encryption key invalid: ${detail}`);
  }
}

/**
 * The outbox exists but its key does not: the encrypted fields cannot be read by anyone. A new key
 * is never made over an existing outbox, or the loss would surface later as a cryptic decrypt failure.
 */
export class KeyMissingError extends OutboxError {
  constructor(
    readonly keyPath: string,
    readonly outboxPath: string,
  ) {
    super(
      'key_missing',
      `the outbox key ${keyPath} is missing, but the outbox ${outboxPath} exists. Without that key the encrypted fields ` +
        '(the personal data of queued records and the county credentials) cannot be read, so the terminal will not start. ' +
        'Restore the key file from its backup; or, giving up the queued records, move the outbox away and enrol the terminal again.',
    );
  }
}

/** The key loaded is not the one the outbox was written with (the key file was replaced). */
export class KeyMismatchError extends OutboxError {
  constructor(readonly outboxPath: string) {
    super(
      'key_mismatch',
      `the outbox key does not match the outbox ${outboxPath}: its encrypted fields cannot be read with this key. ` +
        'Restore the original key file; or, giving up the queued records, move the outbox away and enrol the terminal again.',
    );
  }
}

/** A ciphertext did not authenticate (wrong key, or the row or field was tampered with). */
export class DecryptError extends OutboxError {
  constructor(field: string) {
    super('decrypt_failed', `field ${field} did not authenticate`);
  }
}

/** The database was written by a newer build; refuse rather than misread it. */
export class SchemaTooNewError extends OutboxError {
  constructor(found: number, known: number) {
    super('schema_too_new', `database schema ${found} is newer than this build (${known})`);
  }
}

/** A dead letter or row id that does not exist. */
export class NotFoundError extends OutboxError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** Maps a better-sqlite3 error to a typed outbox error; other errors are returned unchanged. */
export function mapSqliteError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  if (code === 'SQLITE_FULL') return new StorageFullError(err);
  if (code.startsWith('SQLITE_IOERR')) return new StorageIoError(code, err);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new CorruptDatabaseError(code, err);
  return err;
}

/** Runs `fn`, rethrowing SQLite storage failures as typed errors. */
export function withSqliteErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw mapSqliteError(err);
  }
}
