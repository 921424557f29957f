// The allow-list: the only fields a log record may carry, each with the kind of value it holds.
// A field not named here is dropped, and so is a value that does not fit its kind. Kinds hold
// codes, counts, ids and durations, never free text: personal data has nowhere to go.

export type FieldKind = 'code' | 'codes' | 'count' | 'number' | 'id' | 'flag';

export const LOG_FIELDS = {
  // codes: short ASCII identifiers (error codes, reasons, kinds, call and service names)
  code: 'code', error: 'code', reason: 'code', kind: 'code', layer: 'code', label: 'code', why: 'code',
  outcome: 'code', operation: 'code', call: 'code', event: 'code', step: 'code', serviceId: 'code', scheme: 'code',
  permission: 'code', type: 'code', keyProvider: 'code', origin: 'code', host: 'code', page: 'code',
  sqliteCode: 'code', where: 'code', state: 'code', action: 'code', role: 'code', op: 'code',
  mediaTypes: 'codes', problems: 'codes',
  // counts and other numbers
  attempt: 'count', attempts: 'count', restart: 'count', restarts: 'count', rounds: 'count', failures: 'count',
  depth: 'count', deadLetters: 'count', moved: 'count', dropped: 'count', length: 'count', expected: 'count', got: 'count',
  freeBytes: 'count', bytes: 'count', files: 'count', port: 'count', status: 'count', exitCode: 'number', count: 'count',
  field: 'count', sw: 'count', undeclared: 'count', offsetMs: 'number',
  // durations and times (milliseconds)
  delayMs: 'number', lockoutMs: 'number', cooldownMs: 'number', graceMs: 'number', windowMs: 'number',
  durationMs: 'number', oldestAgeMs: 'number', oldestCreatedAt: 'number', nextDueAt: 'number',
  // ids: UUIDs or short codes
  txId: 'id', sessionId: 'id', terminalId: 'id', countyTerminalId: 'id', auditId: 'id', bundleId: 'id',
  version: 'count', devices: 'count', services: 'count',
  // flags
  packaged: 'flag', inService: 'flag', ok: 'flag', budget: 'flag', delivered: 'flag', disconnected: 'flag', fatal: 'flag', withheld: 'flag',
} as const satisfies Record<string, FieldKind>;

export type LogFieldName = keyof typeof LOG_FIELDS;

/** A code: ASCII letters, digits and `_ . : / -`, at most 80, and no run of 6+ digits (a PIN, a card or ID number). */
const CODE = /^[A-Za-z0-9_][A-Za-z0-9_.:/-]{0,79}$/;
const LONG_DIGITS = /\d{6,}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isCode(value: unknown): value is string {
  return typeof value === 'string' && CODE.test(value) && !LONG_DIGITS.test(value);
}

function errorCode(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return isCode(code) ? code : value.name;
}

/** The value as it may be logged under a field of `kind`, or undefined when it does not fit. */
export function fitValue(kind: FieldKind, raw: unknown): unknown {
  switch (kind) {
    case 'code': {
      const value = errorCode(raw);
      return isCode(value) ? value : undefined;
    }
    case 'codes':
      return Array.isArray(raw) && raw.length <= 20 && raw.every(isCode) ? raw : undefined;
    case 'count':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'id':
      return typeof raw === 'string' && (UUID.test(raw) || isCode(raw)) ? raw : undefined;
    case 'flag':
      return typeof raw === 'boolean' ? raw : undefined;
  }
}

/** Keeps only declared fields whose values fit; counts what was dropped in `undeclared`. */
export function allowFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!fields) return out;
  let dropped = 0;
  for (const [key, raw] of Object.entries(fields)) {
    if (raw === undefined || raw === null) continue;
    const kind = Object.hasOwn(LOG_FIELDS, key) ? LOG_FIELDS[key as LogFieldName] : undefined;
    const value = kind ? fitValue(kind, raw) : undefined;
    if (value === undefined) dropped += 1;
    else out[key] = value;
  }
  if (dropped > 0) out['undeclared'] = dropped;
  return out;
}

/** A message is a fixed sentence: printable ASCII, no long digit runs, at most 160 characters. */
const MESSAGE = /^[\x20-\x7e]{1,160}$/;
const MESSAGE_DIGITS = /\d{4,}/;
export const WITHHELD = 'message withheld';

export function fixedMessage(msg: string): string {
  return MESSAGE.test(msg) && !MESSAGE_DIGITS.test(msg) ? msg : WITHHELD;
}
