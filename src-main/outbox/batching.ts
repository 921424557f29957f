import type { TxItem } from '../county/protocol.js';
import type { ClaimedRow } from './types.js';

/** The wire form of a claimed row. */
export function toItem(row: ClaimedRow): TxItem {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    orderingKey: row.orderingKey,
    schemaVersion: row.schemaVersion,
    createdAt: row.createdAt,
    payload: row.payload,
    personal: row.personal,
  };
}

/** Splits rows (in order) into chunks of at most `maxItems` and roughly `maxBytes` of stored size; never empty chunks. */
export function chunk(rows: readonly ClaimedRow[], maxItems: number, maxBytes: number): ClaimedRow[][] {
  const out: ClaimedRow[][] = [];
  let cur: ClaimedRow[] = [];
  let bytes = 0;
  for (const r of rows) {
    if (cur.length > 0 && (cur.length >= maxItems || bytes + r.bytes > maxBytes)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(r);
    bytes += r.bytes;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
