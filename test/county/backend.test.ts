import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS, demoIdNumber, isValidIdNumber } from '../../src-main/county/reference/index.js';
import { H, MAX_SKEW_MS, newNonce, verifyResponse } from '../../src-main/county/signing.js';
import { format0Encipher } from '../../drivers/epp/pinblock.js';
import { DEMO_TERMINAL_PIN_KEY } from '../../drivers/epp/pin-key.js';
import { admin, enrolFresh, rawSigned, spawnBackend, type BackendProcess } from './harness.js';

let b: BackendProcess;
let who: { terminalId: string; credential: Buffer };
beforeAll(async () => {
  b = await spawnBackend();
  who = await enrolFresh(b, 'TEST-BACKEND-01');
});
afterAll(() => b.stop());

const item = (id: string, seq: number, extra: Record<string, unknown> = {}) => ({
  id,
  seq,
  kind: 'demo',
  orderingKey: `k-${seq}`,
  schemaVersion: 1,
  createdAt: Date.now(),
  payload: { n: seq, ...extra },
  personal: {},
});

describe('enrolment', () => {
  it('a one-time code works once', async () => {
    await admin(b, 'POST', '/_admin/enrolment-codes', { code: 'ONCE-ONLY-01', siteId: 'demo-site-01' });
    const call = () => fetch(`${b.url}/v1/enrolments`, { method: 'POST', body: JSON.stringify({ code: 'ONCE-ONLY-01', siteId: 'demo-site-01' }) });
    expect((await call()).status).toBe(201);
    const again = await call();
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('enrolment_code_invalid');
  });
});

describe('signatures', () => {
  const batch = JSON.stringify({ items: [item('sig-0000-0001', 1)] });
  const key = { 'idempotency-key': 'sig-batch-1' };

  it('a replayed nonce is rejected', async () => {
    const nonce = newNonce();
    const first = await rawSigned(b, who, '/v1/heartbeat', { body: JSON.stringify({ queueDepth: 0, deadLetters: 0, devices: [] }), nonce });
    expect(first.status).toBe(200);
    const replay = await rawSigned(b, who, '/v1/heartbeat', { body: JSON.stringify({ queueDepth: 0, deadLetters: 0, devices: [] }), nonce });
    expect([replay.status, (replay.json?.['error'] as { code: string }).code]).toEqual([401, 'replayed_nonce']);
  });

  it('a tampered body is rejected and nothing is applied', async () => {
    const r = await rawSigned(b, who, '/v1/transactions/batch', { body: batch, tamperedBody: batch.replace('"n":1', '"n":2'), headers: key });
    expect([r.status, (r.json?.['error'] as { code: string }).code]).toEqual([401, 'digest_mismatch']);
    const fx = (await admin(b, 'GET', '/_admin/effects')) as { effects: Record<string, number> };
    expect(fx.effects['sig-0000-0001']).toBeUndefined();
  });

  it.each([MAX_SKEW_MS + 60_000, -(MAX_SKEW_MS + 60_000)])('a timestamp off by %i ms is rejected', async (off) => {
    const r = await rawSigned(b, who, '/v1/transactions/batch', { body: batch, timestamp: Date.now() + off, headers: key });
    expect([r.status, (r.json?.['error'] as { code: string }).code]).toEqual([401, 'clock_skew']);
    expect(Date.parse(r.headers.get('date') ?? '')).toBeGreaterThan(0);
  });

  it('an unknown terminal and a wrong credential are rejected', async () => {
    const stranger = await rawSigned(b, { terminalId: 'T-nobody', credential: Buffer.alloc(32) }, '/v1/transactions/batch', { body: batch, headers: key });
    expect([stranger.status, (stranger.json?.['error'] as { code: string }).code]).toEqual([401, 'unknown_terminal']);
    const forged = await rawSigned(b, { terminalId: who.terminalId, credential: Buffer.alloc(32, 1) }, '/v1/transactions/batch', { body: batch, headers: key });
    expect([forged.status, (forged.json?.['error'] as { code: string }).code]).toEqual([401, 'bad_signature']);
  });
});

describe('the Idempotency-Key is signed', () => {
  const body = JSON.stringify({ residentRef: DEMO_RESIDENTS[1].ref, siteId: 'demo-site-01' });

  it('a signed request sent with a swapped Idempotency-Key is rejected, before and after the original', async () => {
    const nonce = newNonce();
    // Captured in flight and re-keyed before the original arrives: the signature no longer holds.
    const swapped = await rawSigned(b, who, '/v1/card-issuances', { body, nonce, headers: { 'idempotency-key': 'card-swap-2' }, signedIdempotencyKey: 'card-swap-1' });
    expect([swapped.status, (swapped.json?.['error'] as { code: string }).code]).toEqual([401, 'bad_signature']);
    // The forgery used nothing up: the genuine request still goes through, once.
    const genuine = await rawSigned(b, who, '/v1/card-issuances', { body, nonce, headers: { 'idempotency-key': 'card-swap-1' } });
    expect(genuine.status).toBe(201);
    const replayed = await rawSigned(b, who, '/v1/card-issuances', { body, nonce, headers: { 'idempotency-key': 'card-swap-3' }, signedIdempotencyKey: 'card-swap-1' });
    expect(replayed.status).toBe(401);
  });

  it('a request signed without its Idempotency-Key (the v1 canonical string) is rejected', async () => {
    const r = await rawSigned(b, who, '/v1/card-issuances', { body, headers: { 'idempotency-key': 'card-unsigned-key' }, signedIdempotencyKey: '' });
    expect([r.status, (r.json?.['error'] as { code: string }).code]).toEqual([401, 'bad_signature']);
  });
});

describe('signed responses', () => {
  const verifies = (r: Awaited<ReturnType<typeof rawSigned>>, credential = who.credential) =>
    verifyResponse(credential, { status: r.status, date: r.headers.get('date') ?? '', nonce: r.nonce, body: r.text, terminalId: who.terminalId }, r.headers.get(H.responseSignature));

  it('signs every answer to a verified request (success, 304, clock_skew, not_found, key reuse) for its nonce', async () => {
    const ok = await rawSigned(b, who, '/v1/heartbeat', { body: JSON.stringify({ queueDepth: 0, deadLetters: 0, devices: [] }) });
    expect([ok.status, verifies(ok)]).toEqual([200, true]);
    expect(verifies({ ...ok, nonce: newNonce() })).toBe(false);
    expect(verifies(ok, Buffer.alloc(32, 3))).toBe(false);
    const cfg = await rawSigned(b, who, '/v1/config', { method: 'GET' });
    const same = await rawSigned(b, who, '/v1/config', { method: 'GET', headers: { 'if-none-match': cfg.headers.get('etag') ?? '' } });
    expect([same.status, verifies(same)]).toEqual([304, true]);
    const skewed = await rawSigned(b, who, '/v1/heartbeat', { body: '{}', timestamp: Date.now() - MAX_SKEW_MS - 60_000 });
    expect([skewed.status, verifies(skewed)]).toEqual([401, true]);
    const missing = await rawSigned(b, who, '/v1/residents/lookup', { body: JSON.stringify({ idNumber: demoIdNumber('19991231', 997) }) });
    expect([missing.status, verifies(missing)]).toEqual([404, true]);
  });

  it('does not sign an answer to a request it could not verify', async () => {
    const forged = await rawSigned(b, { terminalId: who.terminalId, credential: Buffer.alloc(32, 1) }, '/v1/heartbeat', { body: '{}' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get(H.responseSignature)).toBeNull();
  });
});

describe('Idempotency-Key semantics', () => {
  it('missing → 400, completed → replay, other payload → 422', async () => {
    const body = JSON.stringify({ items: [item('idem-0000-0001', 10)] });
    const missing = await rawSigned(b, who, '/v1/transactions/batch', { body });
    expect([missing.status, (missing.json?.['error'] as { code: string }).code]).toEqual([400, 'missing_idempotency_key']);
    const first = await rawSigned(b, who, '/v1/transactions/batch', { body, headers: { 'idempotency-key': 'idem-1' } });
    expect(first.status).toBe(200);
    const replay = await rawSigned(b, who, '/v1/transactions/batch', { body, headers: { 'idempotency-key': 'idem-1' } });
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    const other = await rawSigned(b, who, '/v1/transactions/batch', { body: JSON.stringify({ items: [item('idem-0000-0002', 11)] }), headers: { 'idempotency-key': 'idem-1' } });
    expect([other.status, (other.json?.['error'] as { code: string }).code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('in flight → 409 while the first request is stalled; both settle to one application', async () => {
    const body = JSON.stringify({ items: [item('idem-0000-0003', 12)] });
    await admin(b, 'POST', '/_admin/faults', { fault: { mode: 'stall', ms: 1_500 }, times: 1 });
    const slow = rawSigned(b, who, '/v1/transactions/batch', { body, headers: { 'idempotency-key': 'idem-2' } });
    // The first request holds its key once the backend has it in hand.
    await expect.poll(async () => ((await admin(b, 'GET', '/_admin/in-flight')) as { requests: number }).requests).toBe(1);
    const dup = await rawSigned(b, who, '/v1/transactions/batch', { body, headers: { 'idempotency-key': 'idem-2' } });
    expect([dup.status, (dup.json?.['error'] as { code: string }).code]).toEqual([409, 'idempotency_key_in_flight']);
    // Same item under another batch key while in flight: per-item "retry".
    const other = await rawSigned(b, who, '/v1/transactions/batch', { body, headers: { 'idempotency-key': 'idem-3' } });
    expect((other.json?.['results'] as { status: string }[])[0]?.status).toBe('retry');
    expect((await slow).status).toBe(200);
    const fx = (await admin(b, 'GET', '/_admin/effects')) as { effects: Record<string, number> };
    expect(fx.effects['idem-0000-0003']).toBe(1);
  });

  it('per item: applied, duplicate with the original receipt, rejected with a reason', async () => {
    const a = item('item-0000-0001', 20);
    const r1 = await rawSigned(b, who, '/v1/transactions/batch', { body: JSON.stringify({ items: [a, item('item-0000-0002', 21, { poison: true })] }), headers: { 'idempotency-key': 'items-1' } });
    const [applied, poisoned] = r1.json?.['results'] as { status: string; reason?: string; receipt?: string }[];
    expect(applied?.status).toBe('applied');
    expect(poisoned).toMatchObject({ status: 'rejected', reason: 'invalid_item' });
    const r2 = await rawSigned(b, who, '/v1/transactions/batch', { body: JSON.stringify({ items: [a, { ...a, id: 'item-0000-0003', kind: 'nope' }, { ...a, payload: { other: 1 } }] }), headers: { 'idempotency-key': 'items-2' } });
    const res = r2.json?.['results'] as { status: string; reason?: string; receipt?: string }[];
    expect(res[0]).toEqual({ id: a.id, status: 'duplicate', receipt: applied?.receipt });
    expect(res[1]).toMatchObject({ status: 'rejected', reason: 'unknown_kind' });
    expect(res[2]).toMatchObject({ status: 'rejected', reason: 'idempotency_key_reused' });
  });
});

describe('re-enrolment', () => {
  it('an item applied under the old terminal id is a duplicate under the new one, not a second application', async () => {
    const a = item('reenrol-0000-0001', 30);
    const body = JSON.stringify({ items: [a] });
    expect((await rawSigned(b, who, '/v1/transactions/batch', { body, headers: { 'idempotency-key': 're-1' } })).status).toBe(200);
    const reborn = await enrolFresh(b, 'TEST-REENROL-01');
    const again = await rawSigned(b, reborn, '/v1/transactions/batch', { body, headers: { 'idempotency-key': 're-1' } });
    expect((again.json?.['results'] as { status: string }[])[0]?.status).toBe('duplicate');
    const fx = (await admin(b, 'GET', '/_admin/effects')) as { effects: Record<string, number> };
    expect(fx.effects[a.id]).toBe(1);
  });
});

describe('config, catalog, lookups and authorizations', () => {
  it('config and catalog carry an ETag and answer 304 when unchanged', async () => {
    for (const path of ['/v1/config', '/v1/catalog']) {
      const r = await rawSigned(b, who, path, { method: 'GET' });
      expect(r.status).toBe(200);
      const etag = r.headers.get('etag') ?? '';
      expect((await rawSigned(b, who, path, { method: 'GET', headers: { 'if-none-match': etag } })).status).toBe(304);
    }
  });

  it('demo residents have valid check characters and can be looked up, authorized, matched and issued a card', async () => {
    for (const p of DEMO_RESIDENTS) expect(isValidIdNumber(p.id)).toBe(true);
    const p = DEMO_RESIDENTS[0];
    const look = await rawSigned(b, who, '/v1/residents/lookup', { body: JSON.stringify({ idNumber: p.id }) });
    expect(look.json).toMatchObject({ residentRef: p.ref, displayName: '演*' });
    const pin = await rawSigned(b, who, '/v1/authorizations/pin-reset', { body: JSON.stringify({ residentRef: p.ref, cardSerial: p.card, pinBlock: format0Encipher(DEMO_TERMINAL_PIN_KEY, '864213', p.id.slice(0, 17)).toString('hex').toUpperCase(), challenge: '01020304' }), headers: { 'idempotency-key': 'pin-1' } });
    expect(pin.json?.['mac']).toMatch(/^[0-9A-F]{16}$/);
    const image = Buffer.from(`jpeg-bytes ${p.face}`);
    const face = await rawSigned(b, who, '/v1/face-matches', {
      body: JSON.stringify({ residentRef: p.ref, image: image.toString('base64'), imageSha256: createHash('sha256').update(image).digest('hex') }),
      headers: { 'idempotency-key': 'face-1' },
    });
    expect(face.json).toMatchObject({ matched: true });
    const card = await rawSigned(b, who, '/v1/card-issuances', { body: JSON.stringify({ residentRef: p.ref, siteId: 'demo-site-01' }), headers: { 'idempotency-key': 'card-1' } });
    expect([card.status, card.json?.['status']]).toEqual([201, 'allocated']);
    const missing = await rawSigned(b, who, '/v1/residents/lookup', { body: JSON.stringify({ idNumber: demoIdNumber('19991231', 999) }) });
    expect(missing.status).toBe(404);
  });
});
