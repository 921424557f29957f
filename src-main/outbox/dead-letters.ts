import type Database from 'better-sqlite3';
import { NotFoundError, withSqliteErrors } from './errors.js';
import { OUTBOX_COLUMNS, type DeadLetterRow } from './rows.js';
import type { DeadLetterView } from './types.js';

// Dead letters: rows the county rejected permanently or that outlived the retry window.
// Ops can retry (back into the outbox, attempts reset) or discard; both are audited.

export class DeadLetters {
  constructor(private readonly db: Database.Database) {}

  /** Lists dead letters, newest first, without payload or personal fields. */
  list(limit = 100): DeadLetterView[] {
    const rows = this.db
      .prepare(`SELECT id, seq, kind, reason, last_status, last_error, attempts, created_at, moved_at FROM dead_letters ORDER BY moved_at DESC LIMIT ?`)
      .all(limit) as DeadLetterRow[];
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      reason: r.reason,
      lastStatus: r.last_status,
      lastError: r.last_error,
      attempts: r.attempts,
      createdAt: r.created_at,
      movedAt: r.moved_at,
    }));
  }

  /** Puts a dead letter back in the outbox, due now; throws NotFoundError if it is gone. */
  retry(id: string, actor: string, note: string | null, now: number): void {
    withSqliteErrors(() =>
      this.db
        .transaction(() => {
          const cols = OUTBOX_COLUMNS.replace('attempts', '0').replace('last_status', 'NULL').replace('last_error', 'NULL');
          const moved = this.db
            .prepare(`INSERT INTO outbox (${OUTBOX_COLUMNS}, available_at) SELECT ${cols}, ? FROM dead_letters WHERE id = ?`)
            .run(now, id);
          if (moved.changes !== 1) throw new NotFoundError('dead letter');
          this.db.prepare('DELETE FROM dead_letters WHERE id = ?').run(id);
          this.db.prepare("UPDATE service_tx SET state = 'pending', settled_at = NULL WHERE id = ?").run(id);
          this.audit(id, 'retry', actor, note, now);
        })
        .immediate(),
    );
  }

  /** Deletes a dead letter (and its encrypted personal fields) for good; throws NotFoundError if it is gone. */
  discard(id: string, actor: string, note: string | null, now: number): void {
    withSqliteErrors(() =>
      this.db
        .transaction(() => {
          if (this.db.prepare('DELETE FROM dead_letters WHERE id = ?').run(id).changes !== 1) throw new NotFoundError('dead letter');
          this.db.prepare("UPDATE service_tx SET state = 'discarded', settled_at = ? WHERE id = ?").run(now, id);
          this.audit(id, 'discard', actor, note, now);
        })
        .immediate(),
    );
  }

  /** Moves unleased rows created before `cutoff` to dead letters ('retry_window_expired'); returns the count. */
  expireBefore(cutoff: number, now: number): number {
    return withSqliteErrors(() =>
      this.db
        .transaction(() => {
          const cond = 'created_at < ? AND (lease_token IS NULL OR available_at <= ?)';
          const n = this.db
            .prepare(`INSERT INTO dead_letters (${OUTBOX_COLUMNS}, reason, moved_at) SELECT ${OUTBOX_COLUMNS}, 'retry_window_expired', ? FROM outbox WHERE ${cond}`)
            .run(now, cutoff, now).changes;
          if (n > 0) {
            this.db.prepare(`UPDATE service_tx SET state = 'dead', settled_at = ? WHERE id IN (SELECT id FROM outbox WHERE ${cond})`).run(now, cutoff, now);
            this.db.prepare(`DELETE FROM outbox WHERE ${cond}`).run(cutoff, now);
          }
          return n;
        })
        .immediate(),
    );
  }

  /** The audit trail of ops actions on dead letters, newest first. */
  auditTrail(limit = 100): { deadLetterId: string; action: string; actor: string; note: string | null; at: number }[] {
    return this.db
      .prepare('SELECT dead_letter_id AS deadLetterId, action, actor, note, at FROM dead_letter_audit ORDER BY audit_id DESC LIMIT ?')
      .all(limit) as { deadLetterId: string; action: string; actor: string; note: string | null; at: number }[];
  }

  private audit(id: string, action: 'retry' | 'discard', actor: string, note: string | null, now: number): void {
    this.db.prepare('INSERT INTO dead_letter_audit (dead_letter_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)').run(id, action, actor, note, now);
  }
}
