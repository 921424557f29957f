// Shapes shared by the outbox, the sync engine and ops views.

/** What a flow hands to `Outbox.record`. `personal` values are encrypted at rest (one sealed value per row). */
export interface ServiceTxInput {
  /** Transaction kind known to the county, e.g. "pin-reset", "pension-certification". */
  kind: string;
  /** Pseudonymous key; rows with the same key are sent in sequence order (use `Outbox.pseudonym`). */
  orderingKey: string;
  /** Non-personal JSON payload. */
  payload: Readonly<Record<string, unknown>>;
  /** Personal fields (ID number, name, card number...): encrypted per field, never logged. */
  personal?: Readonly<Record<string, string>>;
  /** Version of the payload schema for this kind. */
  schemaVersion?: number;
}

/** The receipt a flow shows the resident: returned only after the commit. */
export interface RecordedTx {
  id: string;
  seq: number;
  recordedAt: number;
}

/** A leased outbox row, decrypted for sending. */
export interface ClaimedRow {
  id: string;
  seq: number;
  kind: string;
  orderingKey: string;
  payload: Record<string, unknown>;
  personal: Record<string, string>;
  schemaVersion: number;
  createdAt: number;
  attempts: number;
  bytes: number;
}

/** The result of one claim: rows plus the fencing token that ack/nack must present. */
export interface Claim {
  token: number;
  owner: string;
  rows: ClaimedRow[];
}

/** Outcome the county gave an item that is settled (row leaves the outbox). */
export interface SettledItem {
  id: string;
  state: 'applied' | 'duplicate';
  receipt?: string;
}

/** A dead letter as ops see it (no personal data). */
export interface DeadLetterView {
  id: string;
  seq: number;
  kind: string;
  reason: string;
  lastStatus: string | null;
  lastError: string | null;
  attempts: number;
  createdAt: number;
  movedAt: number;
}

/** Queue figures, each read from an index or the counters row. */
export interface OutboxStats {
  depth: number;
  deadLetters: number;
  oldestCreatedAt: number | null;
  oldestAgeMs: number | null;
  nextDueAt: number | null;
}
