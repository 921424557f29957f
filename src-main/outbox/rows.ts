// Row shapes as SQLite returns them.

export interface OutboxRow {
  id: string;
  seq: number;
  kind: string;
  ordering_key: string;
  payload: string;
  personal: string;
  schema_version: number;
  created_at: number;
  attempts: number;
  available_at: number;
  lease_owner: string | null;
  lease_token: number | null;
  lease_expires_at: number | null;
  last_status: string | null;
  last_error: string | null;
  bytes: number;
}

export interface DeadLetterRow extends Omit<OutboxRow, 'available_at' | 'lease_owner' | 'lease_token' | 'lease_expires_at'> {
  reason: string;
  moved_at: number;
}

export const OUTBOX_COLUMNS =
  'id, seq, kind, ordering_key, payload, personal, schema_version, created_at, attempts, last_status, last_error, bytes';
