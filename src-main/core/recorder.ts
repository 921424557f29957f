/** What a resident service hands over to be recorded; `personal` values are encrypted at rest. */
export interface TransactionInput {
  kind: string;
  orderingKey: string;
  payload: Record<string, unknown>;
  personal?: Record<string, string>;
}

/** The outcome of recording: committed, or a reason the resident must be sent to the counter. */
export type RecordOutcome =
  | { ok: true; id: string; recordedAt: number }
  | { ok: false; code: 'counter_required' }
  | { ok: false; code: 'record_in_doubt'; reference?: string };

/** Writes a service transaction durably (the outbox); answers only after the commit. */
export interface Recorder {
  record(input: TransactionInput): RecordOutcome;
}
