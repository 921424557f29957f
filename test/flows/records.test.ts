import { afterEach, describe, expect, it } from 'vitest';
import { FlowViewSchema } from '../../src-main/contract/flows.js';
import { KNOWN_KINDS } from '../../src-main/county/reference/handlers.js';
import { DEMO_RESIDENTS } from '../../src-main/county/reference/seed.js';
import { DEMO_CARD_PIN } from '../../src-main/devices/demo-cards.js';
import { recordsFlows } from '../../src-main/flows/records/index.js';
import { ROWS_PER_PAGE } from '../../src-main/flows/records/view.js';
import { FACE, flowHarness, viewsOf } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const flowFor = (serviceId: string) => {
  const f = recordsFlows.find((x) => x.serviceId === serviceId);
  if (!f) throw new Error(`no flow for ${serviceId}`);
  return f;
};

async function toPin(serviceId: string, options: { resident?: string; reachable?: boolean } = {}) {
  const h = await flowHarness(options);
  const flow = flowFor(serviceId).create(h.ctx);
  const views = viewsOf(flow);
  cleanup.push(() => h.close(), () => flow.stop());
  expect(await views.step('identify', 'waiting')).toMatchObject({ choices: ['card', 'idFace'] });
  expect(flow.send({ type: 'choose', choice: 'card' })).toBe(true);
  await views.step('insertCard', 'waiting');
  h.insertCard();
  await views.step('confirmCard');
  flow.send({ type: 'continue' });
  await views.step('pin');
  return { h, flow, views };
}

/** The ID-card way up to the face check. */
async function toFace(serviceId: string) {
  const h = await flowHarness();
  const flow = flowFor(serviceId).create(h.ctx);
  const views = viewsOf(flow);
  cleanup.push(() => h.close(), () => flow.stop());
  await views.step('identify', 'waiting');
  flow.send({ type: 'choose', choice: 'idFace' });
  await views.step('idCard', 'waiting');
  h.placeIdCard();
  await views.step('face', 'waiting');
  return { h, flow, views };
}

describe('record query flows', () => {
  it('one flow per query service of the catalog', () => {
    expect(recordsFlows.map((f) => f.serviceId).sort()).toEqual(['mi.account', 'mi.settlements', 'pension.contributions', 'ssc.status']);
  });

  it('medical-insurance account: card, PIN checked on the card, then the balance as one row and its summary', async () => {
    const { h, views } = await toPin('mi.account');
    await h.type(DEMO_CARD_PIN);
    const result = await views.step('result');
    expect(result.result?.rows).toHaveLength(1);
    expect(result.result?.rows[0]).toMatchObject({ accountStatus: 'active', balance: DEMO_RESIDENTS[0].bal });
    expect(result.summary).toMatchObject({ balance: DEMO_RESIDENTS[0].bal, status: 'active' });
    expect(result.reminder).toBe('takeCard');
    expect(h.countyCalls).toEqual(['lookupResident', 'queryRecords:insuranceAccount']);
    expect(FlowViewSchema.safeParse({ ...result, flowId: 'f' }).success).toBe(true);
  });

  it('settlements come in pages of three; a page the answer does not have is refused', async () => {
    const { h, flow, views } = await toPin('mi.settlements');
    await h.type(DEMO_CARD_PIN);
    const first = await views.step('result');
    const table = first.result;
    if (!table) throw new Error('no table');
    expect(table.total).toBe(13);
    expect(table.pageCount).toBe(Math.ceil(13 / ROWS_PER_PAGE));
    expect(table.rows).toHaveLength(ROWS_PER_PAGE);
    expect(first.summary).toMatchObject({ count: 13, latest: table.rows[0]?.['date'] });
    const lastPage = table.pageCount - 1;
    expect(flow.send({ type: 'page', page: lastPage })).toBe(true);
    const last = await views.until((v) => v.result?.page === lastPage);
    expect(last.result?.rows).toHaveLength(13 - lastPage * ROWS_PER_PAGE);
    expect(last.result?.rows[0]).not.toEqual(table.rows[0]);
    expect(flow.send({ type: 'page', page: lastPage + 1 })).toBe(false);
    expect(flow.view().result?.page).toBe(lastPage);
  });

  it('card status shows the card number masked, never in full', async () => {
    const { h, views } = await toPin('ssc.status');
    await h.type(DEMO_CARD_PIN);
    const result = await views.step('result');
    expect(result.result?.rows[0]).toMatchObject({ cardStatus: 'active', cardNumber: `****${h.cards.ssc.cardNumber.slice(-4)}` });
    expect(JSON.stringify(views.seen)).not.toContain(h.cards.ssc.cardNumber);
    expect(JSON.stringify(views.seen)).not.toContain(h.cards.ssc.ssn);
  });

  it('pension contributions by year, newest first, with the months added up', async () => {
    const { h, views } = await toPin('pension.contributions');
    await h.type(DEMO_CARD_PIN);
    const result = await views.step('result');
    const years = (result.result?.rows ?? []).map((r) => r['year'] as number);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(result.result?.total).toBe(15);
    expect(result.summary?.['years']).toBe(15);
    expect(result.summary?.['months']).toBeGreaterThan(12 * 10);
  });

  it('a wrong PIN says how many tries are left; a blocked card offers the PIN reset', async () => {
    const { h, views } = await toPin('mi.account');
    await h.type('000000');
    expect(await views.until((v) => v.step === 'pin' && v.error === 'pinWrong')).toMatchObject({ triesLeft: 2 });
    await h.type('000000');
    await views.until((v) => v.step === 'pin' && v.triesLeft === 1);
    await h.type('000000');
    expect(await views.step('failed')).toMatchObject({ error: 'pinBlocked', choices: ['ssc.pin.reset'], reminder: 'takeCard' });
    expect(h.countyCalls).toEqual([]);
  });

  it('offline: refused before the resident inserts a card, pointing to the counter', async () => {
    const h = await flowHarness({ reachable: false });
    const flow = flowFor('mi.account').create(h.ctx);
    cleanup.push(() => h.close(), () => flow.stop());
    expect(flow.view()).toMatchObject({ step: 'failed', error: 'offline', choices: ['counter'] });
  });

  it('the county going down after the PIN check ends the flow with countyUnavailable and the card reminder', async () => {
    const { h, views } = await toPin('mi.settlements');
    h.county.recordsDown = true;
    await h.type(DEMO_CARD_PIN);
    expect(await views.step('failed')).toMatchObject({ error: 'countyUnavailable', choices: ['counter'], reminder: 'takeCard' });
  });

  it('the card may come out while the answer is on screen; pulling it earlier ends the flow', async () => {
    const { h, flow, views } = await toPin('mi.account');
    await h.type(DEMO_CARD_PIN);
    await views.step('result');
    h.ssc.remove();
    const reading = await views.until((v) => v.step === 'result' && v.reminder === undefined);
    expect(reading.result?.rows).toHaveLength(1);
    flow.send({ type: 'continue' });
    expect(await views.step('done')).toMatchObject({ next: 'rating' });
    expect((await views.step('done')).reminder).toBeUndefined();

    const early = await toPin('mi.account');
    early.h.ssc.remove();
    expect(await early.views.step('failed')).toMatchObject({ error: 'cardRemoved' });
  });

  it('nothing of the answer is kept once the resident finishes', async () => {
    const { h, flow, views } = await toPin('mi.settlements');
    await h.type(DEMO_CARD_PIN);
    const result = await views.step('result');
    const institution = String(result.result?.rows[0]?.['institution']);
    flow.send({ type: 'continue' });
    const done = await views.step('done');
    expect(done.result).toBeUndefined();
    expect(JSON.stringify(done)).not.toContain(institution);
    // Recorded for the county: which query ran and how the resident proved who they are, nothing of them or the answer.
    expect(h.recorded).toEqual([expect.objectContaining({ kind: 'records-query', payload: expect.objectContaining({ kind: 'settlements', identity: 'card', outcome: 'shown' }) })]);
    expect(KNOWN_KINDS.has('records-query')).toBe(true);
    const recorded = JSON.stringify(h.recorded);
    for (const secret of [institution, h.cards.ssc.cardNumber, h.cards.ssc.ssn, h.cards.ssc.name]) expect(recorded).not.toContain(secret);
    flow.send({ type: 'continue' });
    await views.step('completed');
    expect(JSON.stringify(flow.view())).not.toContain(institution);
  });

  it('ID card and face instead of card and PIN: the county is asked with its own face match, and the ID card is asked back', async () => {
    const { h, flow, views } = await toFace('mi.account');
    expect(flow.view()).toMatchObject({ stepIndex: 2, triesLeft: 3 });
    h.county.faceMatches = false;
    flow.send(FACE);
    expect(await views.until((v) => v.step === 'face' && v.status === 'waiting' && v.error === 'faceNoMatch')).toMatchObject({ triesLeft: 2 });
    h.county.faceMatches = true;
    flow.send(FACE);
    const result = await views.step('result');
    expect(result.summary).toMatchObject({ balance: DEMO_RESIDENTS[0].bal });
    expect(result.reminder).toBe('takeIdCard');
    expect(h.countyCalls).toEqual(['lookupResident', 'matchFace', 'matchFace', 'queryRecords:insuranceAccount']);
  });

  it('a photo held up, then no match until the tries run out: the flow ends without asking for records', async () => {
    const { h, flow, views } = await toFace('mi.settlements');
    flow.send({ ...FACE, livenessScore: 0.1 });
    expect(await views.until((v) => v.step === 'face' && v.error === 'faceSpoof')).toMatchObject({ triesLeft: 2 });
    h.county.faceMatches = false;
    flow.send(FACE);
    await views.until((v) => v.step === 'face' && v.status === 'waiting' && v.triesLeft === 1);
    flow.send(FACE);
    expect(await views.step('failed')).toMatchObject({ error: 'faceTriesUsed', reminder: 'takeIdCard' });
    expect(h.countyCalls.filter((c) => c.startsWith('queryRecords'))).toEqual([]);
  });
});
