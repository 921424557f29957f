// Typed driver errors. Messages carry a stable code and numeric details
// (status words, counters) only: never names, ID numbers, card numbers or PINs.

/** Numeric, non-personal facts that may travel with an error. */
export type ErrorDetail = Readonly<Record<string, number | boolean>>;

/** Layer that raised an error, so callers can route without string matching. */
export type ErrorLayer = 'transport' | 'framing' | 'link' | 'protocol' | 'device';

/** Base class of every error a driver throws or returns. */
export class DriverError<C extends string = string> extends Error {
  readonly code: C;
  readonly layer: ErrorLayer;
  readonly detail: ErrorDetail;

  constructor(layer: ErrorLayer, code: C, detail: ErrorDetail = {}, options?: { cause?: unknown }) {
    super(formatMessage(code, detail), options);
    this.name = 'DriverError';
    this.layer = layer;
    this.code = code;
    this.detail = detail;
  }
}

function formatMessage(code: string, detail: ErrorDetail): string {
  const parts = Object.entries(detail).map(([k, v]) =>
    typeof v === 'number' && k === 'sw' ? `${k}=${v.toString(16).toUpperCase().padStart(4, '0')}` : `${k}=${String(v)}`,
  );
  return parts.length === 0 ? code : `${code} (${parts.join(', ')})`;
}

export type TransportErrorCode =
  | 'OPEN_FAILED'
  | 'PORT_LOCKED'
  | 'PORT_NOT_FOUND'
  | 'NOT_OPEN'
  | 'DISCONNECTED'
  | 'WRITE_FAILED';

/** Opening, writing or losing the underlying byte channel. */
export class TransportError extends DriverError<TransportErrorCode> {
  constructor(code: TransportErrorCode, detail?: ErrorDetail, options?: { cause?: unknown }) {
    super('transport', code, detail, options);
    this.name = 'TransportError';
  }
}

export type FramingErrorCode = 'CHECKSUM' | 'BAD_END' | 'TOO_LONG' | 'BAD_ESCAPE' | 'GARBAGE' | 'BAD_LENGTH';

/** A frame on the wire that could not be decoded; the framer has resynchronised. */
export class FramingError extends DriverError<FramingErrorCode> {
  constructor(code: FramingErrorCode, detail?: ErrorDetail) {
    super('framing', code, detail);
    this.name = 'FramingError';
  }
}

export type LinkErrorCode = 'TIMEOUT' | 'CLOSED' | 'CORRUPT_REPLY' | 'CANCELLED';

/** No usable answer to a command: timeout, link closed, or reply corrupted beyond recovery. */
export class LinkError extends DriverError<LinkErrorCode> {
  constructor(code: LinkErrorCode, detail?: ErrorDetail, options?: { cause?: unknown }) {
    super('link', code, detail, options);
    this.name = 'LinkError';
  }
}

/** A well-framed reply whose content breaks the command set's rules. */
export class ProtocolError extends DriverError<'MALFORMED_REPLY' | 'UNEXPECTED_REPLY'> {
  constructor(code: 'MALFORMED_REPLY' | 'UNEXPECTED_REPLY', detail?: ErrorDetail) {
    super('protocol', code, detail);
    this.name = 'ProtocolError';
  }
}

/** Discriminated result: expected failures are values, surprises throw. */
export type Result<T, E extends DriverError = DriverError> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
/** Wraps a DriverError as a failed Result. */
export const err = <E extends DriverError>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Runs an async driver call and turns a thrown DriverError into a failed Result; rethrows anything else (a bug). */
export async function toResult<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    if (e instanceof DriverError) return err(e);
    throw e;
  }
}

/** Throws on a switch case the type system says cannot happen. */
export function missingCase(value: never): never {
  throw new Error(`missing case: ${String(value)}`);
}
