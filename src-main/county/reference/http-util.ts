import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CountyErrorCode } from '../protocol.js';
import { H, signResponse } from '../signing.js';

/** An HTTP answer produced by a handler. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers for expected protocol errors. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: CountyErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Reads the body up to `limit` bytes; resolves null if it is larger (the caller answers 413). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Who a response is signed for: the verified terminal and the nonce of its request. */
export interface ResponseSigner {
  terminalId: string;
  credential: Buffer;
  nonce: string;
}

/**
 * Writes a JSON reply with a Date header taken from the (possibly skewed) server clock; with a
 * signer (the request's signature verified) it adds X-Response-Signature over status, Date, the
 * request nonce and the body bytes.
 */
export function send(res: ServerResponse, reply: Reply, nowMs: number, signer?: ResponseSigner): void {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const date = new Date(nowMs).toUTCString();
  const signed = signer ? { [H.responseSignature]: signResponse(signer.credential, { status: reply.status, date, nonce: signer.nonce, body, terminalId: signer.terminalId }) } : {};
  res.writeHead(reply.status, {
    ...(body ? { 'content-type': 'application/json' } : {}),
    'content-length': String(Buffer.byteLength(body)),
    ...reply.headers,
    date,
    ...signed,
  });
  res.end(body);
}

/** A protocol error reply. */
export function errorReply(status: number, code: CountyErrorCode, message: string, headers: Record<string, string> = {}): Reply {
  return { status, body: { error: { code, message } }, headers };
}
