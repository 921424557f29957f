import { createLogger } from '../logs/logger.js';
import { CorrectedClock } from './clock.js';
import { CountyError, kindForStatus, parseRetryAfter } from './errors.js';
import {
  BatchResultSchema,
  CardIssuanceSchema,
  EnrolmentSchema,
  ErrorBodySchema,
  FaceMatchSchema,
  HeartbeatAckSchema,
  OPERATIONS,
  PinResetAuthorizationSchema,
  RecordsAnswerSchema,
  ResidentRecordSchema,
  ServiceCatalogSchema,
  TerminalConfigSchema,
  type CardIssuance,
  type Enrolment,
  type FaceMatch,
  type Heartbeat,
  type ItemResult,
  type OperationId,
  type PinResetAuthorization,
  type RecordsRequest,
  type RecordsAnswer,
  type ResidentRecord,
  type ServiceCatalog,
  type TerminalConfig,
  type TxItem,
} from './protocol.js';
import { H, newNonce, signHeaders, verifyResponse } from './signing.js';
import { assertCountyUrl } from './transport.js';

const log = createLogger('county-client');

export interface CountyCredentials {
  terminalId: string;
  credential: Uint8Array;
}

export interface CountyClientOptions {
  /** https, or http to a loopback host only; anything else throws InsecureCountyUrlError. */
  baseUrl: string;
  credentials?: CountyCredentials;
  /** Per-request timeout. */
  timeoutMs?: number;
  clock?: CorrectedClock;
}

type Parser<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false } };

/** One answer, read whole; `authentic` when it carries a valid county signature for our request. */
interface Received {
  status: number;
  headers: Headers;
  body: Buffer;
  sentAt: number;
  receivedAt: number;
  authentic: boolean;
}

/** Versioned document pull result. */
export type Pulled<T> = { notModified: true } | { notModified: false; value: T; etag: string | null };

/** Typed client of the county protocol: signs requests, corrects the clock, maps failures to CountyError. */
export class CountyClient {
  readonly clock: CorrectedClock;
  private credentials: CountyCredentials | undefined;
  private readonly timeoutMs: number;

  constructor(private readonly options: CountyClientOptions) {
    assertCountyUrl(options.baseUrl);
    this.clock = options.clock ?? new CorrectedClock();
    this.credentials = options.credentials;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Replaces the terminal credentials (after re-enrolment). */
  setCredentials(c: CountyCredentials): void {
    this.credentials = c;
  }

  /**
   * Exchanges a one-time code for credentials and adopts them; CountyError 'auth' if the code is invalid.
   * A successful exchange (over https, or to loopback: see transport.ts) is the one unsigned answer
   * whose Date the clock may learn from, since no credential exists yet to sign it with.
   */
  async enrol(code: string, siteId: string): Promise<Enrolment> {
    const r = await this.send('enrol', { code, siteId }, {});
    const e = this.parse('enrol', r, EnrolmentSchema);
    this.clock.observe(r.headers.get('date'), r.sentAt, r.receivedAt);
    this.credentials = { terminalId: e.terminalId, credential: Buffer.from(e.credential, 'base64url') };
    return e;
  }

  /** Uploads a batch; returns one result per item. Throws CountyError (413 too_large, 5xx server, …). */
  async uploadBatch(items: readonly TxItem[], idempotencyKey: string): Promise<ItemResult[]> {
    const r = await this.call('uploadBatch', BatchResultSchema, { items }, { idempotencyKey });
    if (r.results.length !== items.length) throw new CountyError('protocol', 'uploadBatch', { code: 'result_count' });
    return r.results;
  }

  /** Reports queue and device health; returns current document versions. */
  heartbeat(hb: Heartbeat): Promise<{ serverTime: number; configVersion: string; catalogVersion: string }> {
    return this.call('heartbeat', HeartbeatAckSchema, hb);
  }

  /** Pulls the terminal configuration unless `etag` is still current. */
  getConfig(etag?: string): Promise<Pulled<TerminalConfig>> {
    return this.pull('getConfig', TerminalConfigSchema, etag);
  }

  /** Pulls the service catalog unless `etag` is still current. */
  getCatalog(etag?: string): Promise<Pulled<ServiceCatalog>> {
    return this.pull('getCatalog', ServiceCatalogSchema, etag);
  }

  /** Looks a resident up by ID number (sent in the body, never the URL); CountyError 'not_found' if unknown. */
  lookupResident(idNumber: string): Promise<ResidentRecord> {
    return this.call('lookupResident', ResidentRecordSchema, { idNumber });
  }

  /** Asks for a PIN-reset MAC; `idempotencyKey` makes a retry return the same authorization. */
  authorizePinReset(req: { residentRef: string; cardSerial: string; pinBlock: string; challenge: string }, idempotencyKey: string): Promise<PinResetAuthorization> {
    return this.call('authorizePinReset', PinResetAuthorizationSchema, req, { idempotencyKey });
  }

  /** Compares a live capture with the enrolled photo. */
  matchFace(req: { residentRef: string; image: string; imageSha256: string; livenessScore?: number; descriptor?: number[] }, idempotencyKey: string): Promise<FaceMatch> {
    return this.call('matchFace', FaceMatchSchema, req, { idempotencyKey });
  }

  /** A resident's records of one kind (card, insurance account, settlements, contributions); 'not_found' if the card or face match is not theirs. */
  queryRecords(req: RecordsRequest): Promise<RecordsAnswer> {
    return this.call('queryRecords', RecordsAnswerSchema, req);
  }

  /** Allocates a card for instant issuance. */
  issueCard(req: { residentRef: string; siteId: string }, idempotencyKey: string): Promise<CardIssuance> {
    return this.call('issueCard', CardIssuanceSchema, req, { idempotencyKey });
  }

  private async pull<T>(op: OperationId, schema: Parser<T>, etag: string | undefined): Promise<Pulled<T>> {
    const res = await this.send(op, undefined, etag ? { 'if-none-match': etag } : {});
    if (res.status === 304) return { notModified: true };
    return { notModified: false, value: this.parse(op, res, schema), etag: res.headers.get('etag') };
  }

  private async call<T>(op: OperationId, schema: Parser<T>, body: unknown, o: { idempotencyKey?: string } = {}): Promise<T> {
    const headers: Record<string, string> = o.idempotencyKey ? { [H.idempotencyKey]: o.idempotencyKey } : {};
    return this.parse(op, await this.send(op, body, headers), schema);
  }

  private parse<T>(op: OperationId, res: Received, schema: Parser<T>): T {
    let json: unknown;
    try {
      json = JSON.parse(res.body.toString('utf8'));
    } catch (err) {
      throw new CountyError('protocol', op, { status: res.status, code: 'not_json' }, { cause: err });
    }
    const r = schema.safeParse(json);
    if (!r.success) throw new CountyError('protocol', op, { status: res.status, code: 'schema' });
    return r.data;
  }

  /**
   * Sends one request. A success answer to a signed request must carry a valid county signature
   * (else CountyError 'protocol' `bad_response_signature`, retried later like any unreadable answer);
   * error answers may be unsigned (a proxy's 503) but only signed ones move the clock. Retries once
   * at once after a signed clock_skew answer has corrected the clock.
   */
  private async send(op: OperationId, body: unknown, extra: Record<string, string>): Promise<Received> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.sendOnce(op, body, extra);
      if ((res.status >= 200 && res.status < 300) || res.status === 304) {
        if (OPERATIONS[op].signed && !res.authentic) {
          log.warn('county answer without a valid signature refused', { operation: op, status: res.status });
          throw new CountyError('protocol', op, { status: res.status, code: 'bad_response_signature' });
        }
        return res;
      }
      const err = this.errorFrom(op, res);
      if (err.detail.code === 'clock_skew' && attempt === 0 && res.authentic) {
        log.warn('county clock skew; corrected from the signed Date header', { offsetMs: this.clock.offsetMs });
        continue;
      }
      throw err;
    }
  }

  private async sendOnce(op: OperationId, body: unknown, extra: Record<string, string>): Promise<Received> {
    const spec = OPERATIONS[op];
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = { ...extra };
    if (text) headers['content-type'] = 'application/json';
    const c = this.credentials;
    const nonce = newNonce();
    if (spec.signed) {
      if (!c) throw new CountyError('auth', op, { code: 'not_enrolled' });
      Object.assign(
        headers,
        signHeaders(c.credential, { method: spec.method, path: spec.path, timestamp: this.clock.now(), nonce, body: text, terminalId: c.terminalId, idempotencyKey: extra[H.idempotencyKey] }),
      );
    }
    const sentAt = Date.now();
    let res: Response;
    let bytes: Buffer;
    try {
      res = await fetch(`${this.options.baseUrl}${spec.path}`, {
        method: spec.method,
        headers,
        ...(text ? { body: text } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
        // A redirect could lead off https to any host; the protocol has none, so a 3xx is an error.
        redirect: 'manual',
      });
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (err) {
      const timeout = (err as { name?: string }).name === 'TimeoutError';
      throw new CountyError(timeout ? 'timeout' : 'network', op, {}, { cause: err });
    }
    const receivedAt = Date.now();
    const date = res.headers.get('date');
    const authentic =
      spec.signed && c !== undefined && verifyResponse(c.credential, { status: res.status, date: date ?? '', nonce, body: bytes, terminalId: c.terminalId }, res.headers.get(H.responseSignature));
    // The clock moves only on a Date the county signed for this very request (nonce-bound, so an
    // old signed answer replayed to us cannot move it either).
    if (authentic) this.clock.observe(date, sentAt, receivedAt);
    return { status: res.status, headers: res.headers, body: bytes, sentAt, receivedAt, authentic };
  }

  private errorFrom(op: OperationId, res: Received): CountyError {
    let code: string | undefined;
    try {
      const parsed = ErrorBodySchema.safeParse(JSON.parse(res.body.toString('utf8')));
      if (parsed.success) code = parsed.data.error.code;
    } catch {
      // A body that is not our error shape still yields a typed error from the status.
    }
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
    return new CountyError(kindForStatus(res.status), op, { status: res.status, ...(code ? { code } : {}), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
}
