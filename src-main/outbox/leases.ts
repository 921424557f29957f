import type Database from 'better-sqlite3';
import { DecryptError, withSqliteErrors } from './errors.js';
import type { FieldCipher } from './field-cipher.js';
import { OUTBOX_COLUMNS, type OutboxRow } from './rows.js';
import type { Claim, ClaimedRow, SettledItem } from './types.js';

// Claim, ack, nack and dead-lettering of leased rows. A claim sets available_at to the lease
// expiry, so "due" and "lease expired" are one indexed condition, and takes a fencing token from
// a counter that only grows: ack/nack touch only rows still holding the caller's token.

export interface NackOptions {
  /** When the rows become claimable again (ms since epoch). */
  availableAt: number;
  status: string;
  error: string;
  /** False for rows that were claimed but never sent (default true). */
  countAttempt?: boolean;
}

/** Lease operations on outbox rows; each runs in its own IMMEDIATE transaction and throws typed storage errors. */
export class Leases {
  private readonly nextFence: Database.Statement<[], { token: number }>;
  private readonly claimStmt: Database.Statement<{ owner: string; token: number; exp: number; now: number; limit: number }, OutboxRow>;
  private readonly ackStmt: Database.Statement<[string, number]>;
  private readonly settleTx: Database.Statement<[string, number, string | null, string]>;
  private readonly nackStmt: Database.Statement<[number, number, string, string, string, number]>;
  private readonly toDead: Database.Statement<[string, number, string, number]>;
  private readonly delOwned: Database.Statement<[string, number]>;
  private readonly markTx: Database.Statement<[string, number, string]>;
  private readonly noteErr: Database.Statement<[string, string, string, number]>;

  constructor(
    private readonly db: Database.Database,
    private readonly cipher: FieldCipher,
  ) {
    this.nextFence = db.prepare('UPDATE counters SET next_fence = next_fence + 1 WHERE id = 1 RETURNING next_fence - 1 AS token');
    // A row is held back while an earlier row with the same ordering key is leased or backing off.
    this.claimStmt = db.prepare(`
      UPDATE outbox SET lease_owner = @owner, lease_token = @token, lease_expires_at = @exp, available_at = @exp
      WHERE id IN (
        SELECT o.id FROM outbox o
        WHERE o.available_at <= @now
          AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.seq < o.seq AND p.available_at > @now)
        ORDER BY o.seq LIMIT @limit)
      RETURNING *`);
    this.ackStmt = db.prepare('DELETE FROM outbox WHERE id = ? AND lease_token = ?');
    this.settleTx = db.prepare("UPDATE service_tx SET state = ?, settled_at = ?, receipt = ? WHERE id = ? AND state = 'pending'");
    this.nackStmt = db.prepare(
      'UPDATE outbox SET available_at = ?, lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, attempts = attempts + ?, last_status = ?, last_error = ? WHERE id = ? AND lease_token = ?',
    );
    this.toDead = db.prepare(
      `INSERT INTO dead_letters (${OUTBOX_COLUMNS}, reason, moved_at) SELECT ${OUTBOX_COLUMNS}, ?, ? FROM outbox WHERE id = ? AND lease_token = ?`,
    );
    this.noteErr = db.prepare('UPDATE outbox SET last_status = ?, last_error = ? WHERE id = ? AND lease_token = ?');
    this.delOwned = db.prepare('DELETE FROM outbox WHERE id = ? AND lease_token = ?');
    this.markTx = db.prepare("UPDATE service_tx SET state = ?, settled_at = ? WHERE id = ? AND state = 'pending'");
  }

  /** Leases up to `limit` due rows for `leaseMs` inside BEGIN IMMEDIATE; undecryptable rows go to dead letters. */
  claim(owner: string, limit: number, leaseMs: number, now: number): Claim {
    return withSqliteErrors(() =>
      this.db
        .transaction((): Claim => {
          const token = this.nextFence.get()?.token ?? 0;
          const raw = this.claimStmt.all({ owner, token, exp: now + leaseMs, now, limit });
          raw.sort((a, b) => a.seq - b.seq);
          const rows: ClaimedRow[] = [];
          for (const r of raw) {
            try {
              rows.push(this.decode(r));
            } catch (err) {
              if (!(err instanceof DecryptError)) throw err;
              this.moveOne(r.id, token, 'decrypt_failed', 'local', err.message, now);
            }
          }
          return { token, owner, rows };
        })
        .immediate(),
    );
  }

  /** Deletes settled rows still holding `token` and marks their service records; returns how many it settled. */
  ack(token: number, items: readonly SettledItem[], now: number): number {
    return withSqliteErrors(() =>
      this.db
        .transaction(() => {
          let n = 0;
          for (const it of items) {
            if (this.ackStmt.run(it.id, token).changes === 1) {
              this.settleTx.run(it.state, now, it.receipt ?? null, it.id);
              n++;
            }
          }
          return n;
        })
        .immediate(),
    );
  }

  /** Returns rows to the queue with a next attempt time; rows no longer holding `token` are left alone. */
  nack(token: number, ids: readonly string[], opts: NackOptions): number {
    return withSqliteErrors(() =>
      this.db
        .transaction(() => {
          let n = 0;
          for (const id of ids) n += this.nackStmt.run(opts.availableAt, opts.countAttempt === false ? 0 : 1, opts.status, opts.error.slice(0, 500), id, token).changes;
          return n;
        })
        .immediate(),
    );
  }

  /** Moves rows still holding `token` to dead letters with a reason; returns how many moved. */
  deadLetter(token: number, ids: readonly string[], reason: string, status: string, error: string, now: number): number {
    return withSqliteErrors(() =>
      this.db
        .transaction(() => {
          let n = 0;
          for (const id of ids) n += this.moveOne(id, token, reason, status, error, now);
          return n;
        })
        .immediate(),
    );
  }

  private moveOne(id: string, token: number, reason: string, status: string, error: string, now: number): number {
    this.noteErr.run(status, error.slice(0, 500), id, token);
    if (this.toDead.run(reason, now, id, token).changes !== 1) return 0;
    this.delOwned.run(id, token);
    this.markTx.run('dead', now, id);
    return 1;
  }

  private decode(r: OutboxRow): ClaimedRow {
    return {
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      orderingKey: r.ordering_key,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      personal: this.cipher.openMap(r.id, r.personal),
      schemaVersion: r.schema_version,
      createdAt: r.created_at,
      attempts: r.attempts,
      bytes: r.bytes,
    };
  }
}
