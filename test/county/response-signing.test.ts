import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CountyClient } from '../../src-main/county/client.js';
import type { CountyError } from '../../src-main/county/errors.js';
import { H, signResponse } from '../../src-main/county/signing.js';

// A hand-made county on loopback that answers each request the way `answer` says, so the client
// meets unsigned, forged, replayed and genuine answers carrying a Date a day off.

const CREDENTIAL = Buffer.alloc(32, 9);
const TERMINAL = 'T-RESPONSE-TEST';
const DAY = 86_400_000;
const ACK = JSON.stringify({ serverTime: Date.now() + DAY, configVersion: '1', catalogVersion: '1' });
const HEARTBEAT = { queueDepth: 0, deadLetters: 0, devices: [] };

type Answer = (req: IncomingMessage) => { status: number; body: string; sign?: { credential?: Buffer; nonce?: string; body?: string } };
let answer: Answer;
let requests = 0;
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      const a = answer(req);
      const date = new Date(Date.now() + DAY).toUTCString();
      const headers: Record<string, string> = { date, 'content-type': 'application/json' };
      if (a.sign) {
        const nonce = a.sign.nonce ?? String(req.headers[H.nonce]);
        headers[H.responseSignature] = signResponse(a.sign.credential ?? CREDENTIAL, { status: a.status, date, nonce, body: a.sign.body ?? a.body, terminalId: TERMINAL });
      }
      res.writeHead(a.status, headers).end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = 0;
});

const enrolled = () => new CountyClient({ baseUrl: url, timeoutMs: 2_000, credentials: { terminalId: TERMINAL, credential: CREDENTIAL } });
const failure = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error('expected a CountyError')), (e: unknown) => e as CountyError);
const skewBody = JSON.stringify({ error: { code: 'clock_skew', message: 'skew' } });

describe('the client trusts the county clock only from an authenticated answer', () => {
  it('adopts the Date of a genuine signed answer (the control case)', async () => {
    answer = () => ({ status: 200, body: ACK, sign: {} });
    const client = enrolled();
    await client.heartbeat(HEARTBEAT);
    expect(Math.abs(client.clock.offsetMs - DAY)).toBeLessThan(5_000);
  });

  it.each<[string, Answer]>([
    ['unsigned', () => ({ status: 200, body: ACK })],
    ['signed with another credential', () => ({ status: 200, body: ACK, sign: { credential: Buffer.alloc(32, 1) } })],
    ['a signed answer to another request (replayed)', () => ({ status: 200, body: ACK, sign: { nonce: 'an-earlier-requests-nonce' } })],
    ['signed over another body', () => ({ status: 200, body: ACK, sign: { body: ACK.replace('"1"', '"2"') } })],
  ])('refuses a success answer that is %s, and its Date does not move the clock', async (_, a) => {
    answer = a;
    const client = enrolled();
    const err = await failure(client.heartbeat(HEARTBEAT));
    expect([err.kind, err.detail.code]).toEqual(['protocol', 'bad_response_signature']);
    expect(client.clock.offsetMs).toBe(0);
  });

  it('ignores the Date of an unsigned clock_skew answer and does not retry on it', async () => {
    answer = () => ({ status: 401, body: skewBody });
    const client = enrolled();
    const err = await failure(client.heartbeat(HEARTBEAT));
    expect([err.kind, err.detail.code]).toEqual(['auth', 'clock_skew']);
    expect(client.clock.offsetMs).toBe(0);
    expect(requests).toBe(1);
  });

  it('corrects from a signed clock_skew answer and retries once', async () => {
    answer = () => (requests === 1 ? { status: 401, body: skewBody, sign: {} } : { status: 200, body: ACK, sign: {} });
    const client = enrolled();
    await client.heartbeat(HEARTBEAT);
    expect(requests).toBe(2);
    expect(Math.abs(client.clock.offsetMs - DAY)).toBeLessThan(5_000);
  });

  it('keeps an unsigned error status typed (a proxy 503) without taking its Date', async () => {
    answer = () => ({ status: 503, body: 'Service Unavailable' });
    const client = enrolled();
    const err = await failure(client.heartbeat(HEARTBEAT));
    expect([err.kind, err.detail.status]).toEqual(['server', 503]);
    expect(client.clock.offsetMs).toBe(0);
  });

  it('takes the Date of a successful enrolment, never of a refused one', async () => {
    answer = () => ({ status: 403, body: JSON.stringify({ error: { code: 'enrolment_code_invalid', message: 'no' } }) });
    const refused = new CountyClient({ baseUrl: url, timeoutMs: 2_000 });
    expect((await failure(refused.enrol('DEMO-CODE-01', 'demo-site-01'))).kind).toBe('auth');
    expect(refused.clock.offsetMs).toBe(0);
    answer = () => ({ status: 201, body: JSON.stringify({ terminalId: TERMINAL, credential: CREDENTIAL.toString('base64url'), siteId: 'demo-site-01' }) });
    const fresh = new CountyClient({ baseUrl: url, timeoutMs: 2_000 });
    await fresh.enrol('DEMO-CODE-01', 'demo-site-01');
    expect(Math.abs(fresh.clock.offsetMs - DAY)).toBeLessThan(5_000);
  });
});
