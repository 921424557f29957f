import Database from 'better-sqlite3';

// The reference backend's own database. It stands in for the county; it is not the terminal's.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS terminals (terminal_id TEXT PRIMARY KEY, site_id TEXT NOT NULL, credential BLOB NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, enrolled_at INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS enrolment_codes (code TEXT PRIMARY KEY, site_id TEXT NOT NULL, used_by TEXT, expires_at INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS nonces (terminal_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (terminal_id, nonce)) STRICT;
CREATE INDEX IF NOT EXISTS nonces_seen ON nonces (seen_at);
CREATE TABLE IF NOT EXISTS idem_keys (terminal_id TEXT NOT NULL, key TEXT NOT NULL, request_digest TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (terminal_id, key)) STRICT;
CREATE TABLE IF NOT EXISTS applied_tx (terminal_id TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, item_digest TEXT NOT NULL, receipt TEXT NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (id)) STRICT;
-- Item ids are UUIDv7s, unique across terminals: deduplicating by id alone means a terminal that
-- re-enrols under a new id cannot get a transaction applied twice.
-- Append-only: one row per application. Tests count these to prove exactly-once.
CREATE TABLE IF NOT EXISTS effect_log (n INTEGER PRIMARY KEY AUTOINCREMENT, terminal_id TEXT NOT NULL, id TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS sites (site_id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS residents (resident_ref TEXT PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, insurance_status TEXT NOT NULL, balance_cents INTEGER NOT NULL, pension_status TEXT NOT NULL, certified_until TEXT, card_serial TEXT NOT NULL, face_token TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, version TEXT NOT NULL, body TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS heartbeats (terminal_id TEXT PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS authorizations (authorization_id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, resident_ref TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS face_matches (match_id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, resident_ref TEXT NOT NULL, score REAL NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS card_issuances (issuance_id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, resident_ref TEXT NOT NULL, card_serial TEXT NOT NULL UNIQUE) STRICT;
`;

/** Opens (or creates) the backend database; ':memory:' for throwaway runs. Throws on I/O errors. */
export function openBackendDb(file: string): Database.Database {
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.exec(SCHEMA);
  return db;
}
