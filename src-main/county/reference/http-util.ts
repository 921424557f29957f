import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CountyErrorCode } from '../protocol.js';

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

/** Writes a JSON reply with a Date header taken from the (possibly skewed) server clock. */
export function send(res: ServerResponse, reply: Reply, nowMs: number): void {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    date: new Date(nowMs).toUTCString(),
    ...(body ? { 'content-type': 'application/json' } : {}),
    'content-length': String(Buffer.byteLength(body)),
    ...reply.headers,
  });
  res.end(body);
}

/** A protocol error reply. */
export function errorReply(status: number, code: CountyErrorCode, message: string, headers: Record<string, string> = {}): Reply {
  return { status, body: { error: { code, message } }, headers };
}
