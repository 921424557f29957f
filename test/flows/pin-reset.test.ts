import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS } from '../../src-main/county/reference/seed.js';
import { FlowViewSchema } from '../../src-main/contract/flows.js';
import { DEMO_CARD_PIN } from '../../src-main/devices/demo-cards.js';
import { pinResetFlow } from '../../src-main/flows/ssc-pin-reset/index.js';
import type { FlowInstance } from '../../src-main/flows/types.js';
import { FACE, flowHarness, viewsOf } from './helpers.js';

const NEW_PIN = '864213';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function start(options: Parameters<typeof flowHarness>[0] = {}) {
  const h = await flowHarness(options);
  const flow: FlowInstance = pinResetFlow.create(h.ctx);
  const views = viewsOf(flow);
  cleanup.push(() => h.close(), () => flow.stop());
  return { h, flow, views };
}

/** Runs the flow up to the new-PIN step the way a resident would. */
async function toNewPin(s: Awaited<ReturnType<typeof start>>) {
  const { h, flow, views } = s;
  await views.step('insertCard', 'waiting');
  h.insertCard();
  await views.step('confirmCard');
  expect(flow.send({ type: 'continue' })).toBe(true);
  await views.step('idCard');
  h.placeIdCard();
  await views.step('face');
  expect(flow.send(FACE)).toBe(true);
  await views.step('newPin');
}

describe('social-security card PIN reset flow', () => {
  it('resets a forgotten PIN end to end: masked card, ID match, face, new PIN twice, county MAC, reload, record', async () => {
    const s = await start();
    const { h, flow, views } = s;
    await views.step('insertCard', 'waiting');
    h.insertCard();
    const confirm = await views.step('confirmCard');
    expect(confirm.masked).toEqual({ name: '演******)', cardNumber: '****0001' });
    flow.send({ type: 'continue' });
    await views.step('idCard');
    h.placeIdCard();
    const face = await views.step('face');
    expect(face.triesLeft).toBe(3);
    flow.send(FACE);
    await views.step('newPin');
    await h.padReady();
    for (const d of NEW_PIN.slice(0, 3)) h.pad.press(d);
    await views.until((v) => v.step === 'newPin' && v.pinDigits === 3);
    for (const d of NEW_PIN.slice(3)) h.pad.press(d);
    h.pad.press('enter');
    await views.step('confirmPin');
    await h.type(NEW_PIN);
    const done = await views.step('done');
    expect(done).toMatchObject({ reminder: 'takeCards', next: 'rating', reference: 'tx-1' });
    // The card now takes the new PIN, and a locked counter is back to full.
    expect(h.ssc.card?.pin).toBe(NEW_PIN);
    expect(h.ssc.card?.triesLeft).toBe(3);
    expect(h.recorded).toEqual([
      { kind: 'pin-reset', orderingKey: 'terminal:T-TEST', payload: { outcome: 'reset', siteId: 'xa-hospital-01', terminalId: 'T-TEST' }, personal: { residentRef: 'R-DEMO-0001' } },
    ]);
    // Taking the card moves on by itself.
    h.ssc.remove();
    await views.step('completed');
    // Every view the flow sent is a valid contract view (masked fields masked, no PIN field at all).
    for (const v of views.seen) expect(FlowViewSchema.safeParse({ ...v, flowId: 'f' }).success).toBe(true);
    const text = JSON.stringify(views.seen);
    for (const secret of [NEW_PIN, h.cards.ssc.ssn, h.cards.ssc.cardNumber, h.cards.ssc.name]) expect(text).not.toContain(secret);
  });

  it('clears a locked card: the reload works on a blocked try counter', async () => {
    const s = await start();
    await s.views.step('insertCard', 'waiting');
    s.h.ssc.insert({ ...s.h.cards.ssc });
    if (s.h.ssc.card) s.h.ssc.card.triesLeft = 0;
    await s.views.step('confirmCard');
    s.flow.send({ type: 'continue' });
    s.h.placeIdCard();
    await s.views.step('face');
    s.flow.send(FACE);
    await s.views.step('newPin');
    await s.h.type(NEW_PIN);
    await s.views.step('confirmPin');
    await s.h.type(NEW_PIN);
    await s.views.step('done');
    expect(s.h.ssc.card?.triesLeft).toBe(3);
  });

  it('refuses to start offline and points to the counter, before any card is asked for', async () => {
    const s = await start({ reachable: false });
    const v = await s.views.step('failed');
    expect(v).toMatchObject({ error: 'offline', choices: ['counter'], next: 'home' });
    expect(s.views.seen.some((x) => x.step === 'insertCard' && x.status === 'waiting')).toBe(false);
  });

  it('ends when the ID card belongs to someone else, naming neither number', async () => {
    const s = await start();
    await s.views.step('insertCard', 'waiting');
    s.h.insertCard();
    await s.views.step('confirmCard');
    s.flow.send({ type: 'continue' });
    await s.views.step('idCard');
    s.h.placeIdCard({ ...s.h.cards.id, idNumber: DEMO_RESIDENTS[1].id });
    const v = await s.views.step('failed');
    expect(v).toMatchObject({ error: 'idMismatch', reminder: 'takeCards' });
    expect(s.h.countyCalls).not.toContain('lookupResident');
  });

  it('counts face tries down, refuses a spoof, and ends when they are used up', async () => {
    const s = await start();
    s.h.county.faceMatches = false;
    await s.views.step('insertCard', 'waiting');
    s.h.insertCard();
    await s.views.step('confirmCard');
    s.flow.send({ type: 'continue' });
    s.h.placeIdCard();
    await s.views.step('face');
    s.flow.send(FACE);
    expect(await s.views.until((v) => v.step === 'face' && v.triesLeft === 2)).toMatchObject({ error: 'faceNoMatch' });
    s.flow.send({ ...FACE, livenessScore: 0.1 });
    expect(await s.views.until((v) => v.step === 'face' && v.triesLeft === 1)).toMatchObject({ error: 'faceSpoof' });
    s.flow.send(FACE);
    expect(await s.views.step('failed')).toMatchObject({ error: 'faceTriesUsed' });
    expect(s.h.countyCalls.filter((c) => c === 'matchFace')).toHaveLength(2);
  });

  it('asks again when the two entries differ, and refuses weak PINs with the reason', async () => {
    const s = await start();
    await toNewPin(s);
    await s.h.type('111111');
    expect(await s.views.until((v) => v.step === 'newPin' && v.error === 'pinWeak')).toMatchObject({ weakReason: 'repeated', pinDigits: 0 });
    await s.h.type('123456');
    expect(await s.views.until((v) => v.step === 'newPin' && v.weakReason === 'sequence')).toMatchObject({ error: 'pinWeak' });
    await s.h.type(NEW_PIN);
    await s.views.step('confirmPin');
    await s.h.type('864212');
    expect(await s.views.until((v) => v.step === 'newPin' && v.error === 'pinMismatch')).toBeTruthy();
    expect(s.h.countyCalls).not.toContain('authorizePinReset');
    expect(s.h.ssc.card?.pin).toBe(DEMO_CARD_PIN);
  });

  it.each([
    ['county down during the reset', 'countyUnavailable', (h: Awaited<ReturnType<typeof flowHarness>>) => (h.county.authorizeDown = true)],
    ['authorization rejected', 'authorizationRejected', (h: Awaited<ReturnType<typeof flowHarness>>) => (h.county.rejectAuthorization = true)],
  ])('%s: the card keeps its PIN and the flow ends with %s', async (_name, code, arrange) => {
    const s = await start();
    await toNewPin(s);
    arrange(s.h);
    await s.h.type(NEW_PIN);
    await s.views.step('confirmPin');
    await s.h.type(NEW_PIN);
    expect(await s.views.step('failed')).toMatchObject({ error: code, reminder: 'takeCards' });
    expect(s.h.ssc.card?.pin).toBe(DEMO_CARD_PIN);
    expect(s.h.recorded).toEqual([]);
  });

  it('ends with cardRemoved when the card is pulled mid-read', async () => {
    const s = await start();
    await s.views.step('insertCard', 'waiting');
    s.h.m.emulator('cardReader')?.host?.faults.once('READ_RECORD', { kind: 'device', name: 'pull-card' });
    s.h.insertCard();
    const v = await s.views.step('failed');
    expect(v.error).toBe('cardRemoved');
  });

  it('ends with cardRemoved when the card is pulled mid-reset, without a record', async () => {
    const s = await start();
    await toNewPin(s);
    await s.h.type(NEW_PIN);
    await s.views.step('confirmPin');
    s.h.m.emulator('cardReader')?.host?.faults.once('GET_CHALLENGE', { kind: 'device', name: 'pull-card' });
    await s.h.type(NEW_PIN);
    expect(await s.views.step('failed')).toMatchObject({ error: 'cardRemoved' });
    expect(s.h.recorded).toEqual([]);
  });

  it('ends with deviceFault when the reader is unplugged mid-flow', async () => {
    const s = await start();
    await s.views.step('insertCard', 'waiting');
    s.h.insertCard();
    await s.views.step('confirmCard');
    await s.h.m.emulator('cardReader')?.unplug();
    expect(await s.views.step('failed')).toMatchObject({ error: 'deviceFault' });
  });

  it('cancel at a PIN step ends the entry on the pad, powers the card off and ends the flow', async () => {
    const s = await start();
    await toNewPin(s);
    await s.h.padReady();
    s.flow.cancel();
    expect(await s.views.step('ended')).toMatchObject({ status: 'ended', reminder: 'takeCards', next: 'home' });
    await s.flow.stop();
    expect(s.h.m.driver('pinPad')?.entryActive).toBe(false);
    const commands = s.h.m.emulator('cardReader')?.host?.transcript.commands() ?? [];
    expect(commands.at(-1)).toBe('POWER_OFF');
  });

  it('a step the resident leaves untouched ends the flow (backstop timeout)', async () => {
    const s = await start();
    s.h.ctx.timing.stepTimeoutMs = 50;
    await s.views.step('insertCard', 'waiting');
    s.h.insertCard();
    expect(await s.views.step('failed')).toMatchObject({ error: 'timeout' });
  });
});
