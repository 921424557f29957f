import type { ItemResult } from '../county/protocol.js';
import type { Outbox } from './outbox.js';
import type { Tally } from './sync-types.js';
import type { ClaimedRow, SettledItem } from './types.js';

/**
 * Applies the county's per-item results to leased rows: applied/duplicate are acked, rejected go to
 * dead letters with the reason, retry (in flight elsewhere) and missing results come back after `retryDelayMs`.
 * Throws typed storage errors if the outbox cannot be written.
 */
export function settle(outbox: Outbox, token: number, rows: readonly ClaimedRow[], results: readonly ItemResult[], tally: Tally, now: number, retryDelayMs: number): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  const ok: SettledItem[] = [];
  const retry: string[] = [];
  for (const row of rows) {
    const r = byId.get(row.id);
    if (!r || r.status === 'retry') retry.push(row.id);
    else if (r.status === 'rejected') tally.dead += outbox.leases.deadLetter(token, [row.id], `rejected:${r.reason ?? 'unspecified'}`, '200', r.reason ?? 'rejected', now);
    else ok.push({ id: row.id, state: r.status, ...(r.receipt ? { receipt: r.receipt } : {}) });
  }
  tally.acked += outbox.leases.ack(token, ok, now);
  if (retry.length > 0) tally.retried += outbox.leases.nack(token, retry, { availableAt: now + retryDelayMs, status: 'retry', error: 'in flight at the county' });
}
