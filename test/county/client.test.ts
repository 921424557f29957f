import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountyClient } from '../../src-main/county/client.js';
import { CountyError } from '../../src-main/county/errors.js';
import type { RecordKind } from '../../src-main/county/protocol.js';
import { DEMO_RESIDENTS, demoIdNumber } from '../../src-main/county/reference/index.js';
import { format0Encipher } from '../../drivers/epp/pinblock.js';
import { DEMO_TERMINAL_PIN_KEY } from '../../drivers/epp/pin-key.js';
import { admin, setFault, spawnBackend, type BackendProcess } from './harness.js';

let b: BackendProcess;
let client: CountyClient;
let credentials: { terminalId: string; credential: Buffer };
beforeAll(async () => {
  b = await spawnBackend();
  await admin(b, 'POST', '/_admin/enrolment-codes', { code: 'CLIENT-TEST-01', siteId: 'demo-site-01' });
  client = new CountyClient({ baseUrl: b.url, timeoutMs: 2_000 });
  const e = await client.enrol('CLIENT-TEST-01', 'demo-site-01');
  credentials = { terminalId: e.terminalId, credential: Buffer.from(e.credential, 'base64url') };
});
afterAll(() => b.stop());

async function failure(p: Promise<unknown>): Promise<CountyError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CountyError) return err;
    throw err;
  }
  throw new Error('expected a CountyError');
}

describe('CountyClient', () => {
  it('corrects its clock from the Date header after a clock_skew rejection and succeeds', async () => {
    const skew = 20 * 60_000;
    await setFault(b, { fault: { mode: 'clock-skew', skewMs: skew } });
    try {
      const ack = await client.heartbeat({ queueDepth: 0, deadLetters: 0, devices: [] });
      expect(Math.abs(client.clock.offsetMs - skew)).toBeLessThan(5_000);
      expect(Math.abs(ack.serverTime - client.clock.now())).toBeLessThan(5_000);
    } finally {
      await setFault(b, { fault: { mode: 'none' } });
    }
    await client.heartbeat({ queueDepth: 0, deadLetters: 0, devices: [] });
    expect(Math.abs(client.clock.offsetMs)).toBeLessThan(2_000);
  });

  it('maps statuses to typed errors with Retry-After', async () => {
    await setFault(b, { fault: { mode: 'status', status: 503, retryAfterS: 7 }, times: 1 });
    const e503 = await failure(client.heartbeat({ queueDepth: 0, deadLetters: 0, devices: [] }));
    expect([e503.kind, e503.detail.status, e503.detail.retryAfterMs, e503.transient]).toEqual(['server', 503, 7_000, true]);
    await setFault(b, { fault: { mode: 'bad-signature' }, times: 1 });
    const e401 = await failure(client.getConfig());
    expect([e401.kind, e401.detail.code, e401.transient]).toEqual(['auth', 'bad_signature', false]);
    const e404 = await failure(client.lookupResident(demoIdNumber('19991231', 998)));
    expect([e404.kind, e404.message]).toEqual(['not_found', 'lookupResident: not_found (404 not_found)']);
  });

  it('reports a reset connection as network and a stalled answer as timeout', async () => {
    await setFault(b, { fault: { mode: 'reset' }, times: 1 });
    expect((await failure(client.heartbeat({ queueDepth: 0, deadLetters: 0, devices: [] }))).kind).toBe('network');
    const impatient = new CountyClient({ baseUrl: b.url, timeoutMs: 200 });
    const e = await failure(impatient.heartbeat({ queueDepth: 0, deadLetters: 0, devices: [] }));
    expect(e.kind).toBe('auth'); // not enrolled: refused locally, nothing sent
    await setFault(b, { fault: { mode: 'stall', ms: 1_000 }, times: 1, pathPrefix: '/v1/card-issuances' });
    const slow = new CountyClient({ baseUrl: b.url, timeoutMs: 200, credentials });
    const p = DEMO_RESIDENTS[1];
    expect((await failure(slow.issueCard({ residentRef: p.ref, siteId: 'demo-site-01' }, 'card-timeout-1'))).kind).toBe('timeout');
  });

  it('pulls config and catalog with ETags and replays idempotent authorizations', async () => {
    const cfg = await client.getConfig();
    expect(cfg.notModified).toBe(false);
    if (cfg.notModified) return;
    expect(await client.getConfig(cfg.etag ?? undefined)).toEqual({ notModified: true });
    const cat = await client.getCatalog();
    expect(cat.notModified === false && cat.value.services.length).toBeGreaterThan(0);
    const p = DEMO_RESIDENTS[0];
    const r = await client.lookupResident(p.id);
    const block = (pin: string) => format0Encipher(DEMO_TERMINAL_PIN_KEY, pin, p.id.slice(0, 17)).toString('hex').toUpperCase();
    const req = { residentRef: r.residentRef, cardSerial: p.card, pinBlock: block('864213'), challenge: '0A0B0C0D' };
    const a1 = await client.authorizePinReset(req, 'pin-key-1');
    const a2 = await client.authorizePinReset(req, 'pin-key-1');
    expect(a2).toEqual(a1);
    expect((await failure(client.authorizePinReset({ ...req, pinBlock: block('975310') }, 'pin-key-1'))).kind).toBe('key_reused');
    const weak = await failure(client.authorizePinReset({ ...req, pinBlock: block('111111') }, 'pin-key-2'));
    expect([weak.kind, weak.detail.code]).toEqual(['bad_request', 'weak_pin']);
  });

  it('answers records queries of each kind for the resident\'s own card, and refuses another card', async () => {
    const p = DEMO_RESIDENTS[0];
    const r = await client.lookupResident(p.id);
    const ask = (kind: RecordKind, cardSerial: string = p.card) => client.queryRecords({ residentRef: r.residentRef, cardSerial, kind });
    const card = await ask('card');
    expect(card).toMatchObject({ kind: 'card', card: { status: 'active' } });
    const account = await ask('insuranceAccount');
    expect(account).toMatchObject({ kind: 'insuranceAccount', account: { status: 'active', balanceCents: p.bal } });
    const settlements = await ask('settlements');
    if (settlements.kind !== 'settlements') throw new Error('wrong kind');
    expect(settlements.settlements.length).toBeGreaterThan(5);
    const dates = settlements.settlements.map((s) => s.date);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const s of settlements.settlements) expect(s.fundCents + s.selfCents).toBe(s.totalCents);
    const years = await ask('contributions');
    if (years.kind !== 'contributions') throw new Error('wrong kind');
    expect(years.years.map((y) => y.year)).toEqual([...years.years.map((y) => y.year)].sort((a, b) => b - a));
    expect(await ask('settlements')).toEqual(settlements);
    const other = await failure(ask('card', DEMO_RESIDENTS[1].card));
    expect([other.kind, other.detail.code]).toEqual(['not_found', 'not_found']);
  });

  it('answers a records query proven by its own matched face match, and not by a failed one', async () => {
    const p = DEMO_RESIDENTS[1];
    const r = await client.lookupResident(p.id);
    const capture = (text: string) => {
      const image = Buffer.from(`jpeg-bytes ${text}`);
      return { residentRef: r.residentRef, image: image.toString('base64'), imageSha256: createHash('sha256').update(image).digest('hex') };
    };
    const good = await client.matchFace(capture(p.face), 'records-face-1');
    expect(good.matched).toBe(true);
    const answer = await client.queryRecords({ residentRef: r.residentRef, kind: 'insuranceAccount', faceMatchId: good.matchId });
    expect(answer).toMatchObject({ kind: 'insuranceAccount', account: { balanceCents: p.bal } });
    const bad = await client.matchFace(capture('someone else'), 'records-face-2');
    expect(bad.matched).toBe(false);
    const refused = await failure(client.queryRecords({ residentRef: r.residentRef, kind: 'insuranceAccount', faceMatchId: bad.matchId }));
    expect(refused.kind).toBe('not_found');
    const other = await client.lookupResident(DEMO_RESIDENTS[0].id);
    const borrowed = await failure(client.queryRecords({ residentRef: other.residentRef, kind: 'insuranceAccount', faceMatchId: good.matchId }));
    expect(borrowed.kind).toBe('not_found');
  });
});
