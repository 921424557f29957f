import type { EppModel } from '../../drivers/epp/emulator.js';
import { demoPinKeys } from '../../drivers/epp/pin-key.js';
import type { IdSamModel } from '../../drivers/idcard/emulator.js';
import type { SscReaderModel } from '../../drivers/ssc/emulator.js';
import { CountyError } from '../../src-main/county/errors.js';
import { reloadMac } from '../../src-main/county/reference/hsm.js';
import { demoRecords } from '../../src-main/county/reference/records.js';
import { CANARY_RESIDENT, DEMO_RESIDENTS } from '../../src-main/county/reference/seed.js';
import type { FlowView } from '../../src-main/contract/flows.js';
import type { TransactionInput } from '../../src-main/core/recorder.js';
import { DEMO_CARDS } from '../../src-main/devices/demo-cards.js';
import type { DeviceManager } from '../../src-main/devices/index.js';
import type { FlowContext, FlowCounty, FlowInstance } from '../../src-main/flows/types.js';
import { eventually, manager, waitFor } from '../devices/helpers.js';

type View = Omit<FlowView, 'flowId'>;

/** A county that behaves like the reference backend (its HSM included), with switches for failures. */
export function fakeCounty() {
  const residents = [...DEMO_RESIDENTS, CANARY_RESIDENT];
  const calls: string[] = [];
  /** Face matches the fake made, by match id: the resident each proves. */
  const matched = new Map<string, string>();
  const state = { down: false, faceMatches: true, rejectAuthorization: false, authorizeDown: false, recordsDown: false };
  const unavailable = (op: string) => new CountyError('network', op);
  const county: FlowCounty = {
    async lookupResident(idNumber) {
      calls.push('lookupResident');
      if (state.down) throw unavailable('lookupResident');
      const r = residents.find((x) => x.id === idNumber);
      if (!r) throw new CountyError('not_found', 'lookupResident', { status: 404, code: 'not_found' });
      return { residentRef: r.ref, displayName: `${[...r.name][0]}*`, insurance: { status: 'active', balanceCents: 0 }, pension: { status: 'none' } };
    },
    async matchFace(req) {
      calls.push('matchFace');
      if (state.down) throw unavailable('matchFace');
      const matchId = `F-${matched.size + 1}`;
      if (state.faceMatches) matched.set(matchId, req.residentRef);
      return { matchId, score: state.faceMatches ? 0.97 : 0.1, matched: state.faceMatches };
    },
    async authorizePinReset(req) {
      calls.push('authorizePinReset');
      if (state.down || state.authorizeDown) throw unavailable('authorizePinReset');
      const r = residents.find((x) => x.ref === req.residentRef);
      if (!r || r.card !== req.cardSerial || state.rejectAuthorization) throw new CountyError('not_found', 'authorizePinReset', { status: 404, code: 'not_found' });
      const mac = reloadMac(req.pinBlock, r.id, req.challenge);
      if (mac === 'block') throw new CountyError('bad_request', 'authorizePinReset', { status: 400, code: 'invalid_request' });
      if (!Buffer.isBuffer(mac)) throw new CountyError('bad_request', 'authorizePinReset', { status: 400, code: 'weak_pin' });
      return { authorizationId: 'A-1', mac: mac.toString('hex').toUpperCase(), expiresAt: Date.now() + 60_000 };
    },
    async queryRecords(req) {
      calls.push(`queryRecords:${req.kind}`);
      if (state.down || state.recordsDown) throw unavailable('queryRecords');
      const r = residents.find((x) => x.ref === req.residentRef);
      const proven = 'cardSerial' in req ? r?.card === req.cardSerial : matched.get(req.faceMatchId) === req.residentRef;
      if (!r || !proven) throw new CountyError('not_found', 'queryRecords', { status: 404, code: 'not_found' });
      return demoRecords({ resident_ref: r.ref, insurance_status: r.ins, balance_cents: r.bal }, req.kind, Date.parse('2026-12-04T10:00:00Z'));
    },
  };
  return { county, calls, state };
}

/** Emulated devices behind a started manager, a county fake and a recorder: a FlowContext without a UI. */
export async function flowHarness(options: { resident?: string; reachable?: boolean } = {}) {
  const m: DeviceManager = manager(undefined, { heartbeatMs: 60_000 });
  m.start();
  await waitFor(m, (d) => d.every((x) => x.state === 'ready'));
  const ssc = m.emulator('cardReader')?.host?.model as SscReaderModel;
  const id = m.emulator('idReader')?.host?.model as IdSamModel;
  const pad = m.emulator('pinPad')?.host?.model as EppModel;
  ssc.remove();
  id.card = undefined;
  const { county, calls, state } = fakeCounty();
  const recorded: TransactionInput[] = [];
  let reachable = options.reachable ?? true;
  const ctx: FlowContext = {
    devices: m,
    county,
    countyReachable: () => reachable,
    recorder: {
      record(input) {
        recorded.push(input);
        return { ok: true, id: `tx-${recorded.length}`, recordedAt: 1 };
      },
    },
    pinKeys: () => demoPinKeys(),
    terminal: { terminalId: 'T-TEST', siteId: 'xa-hospital-01' },
    timing: { stepTimeoutMs: 60_000, cardPollMs: 5, pinEntryTimeoutSec: 30 },
    demo: false,
  };
  const cards = DEMO_CARDS[options.resident ?? 'demo1'];
  if (!cards) throw new Error('no such demo resident');
  return {
    m,
    ctx,
    ssc,
    id,
    pad,
    cards,
    county: state,
    countyCalls: calls,
    recorded,
    setReachable(v: boolean) {
      reachable = v;
    },
    insertCard: () => ssc.insert(cards.ssc),
    placeIdCard: (card = cards.id) => {
      id.card = card;
    },
    /** Resolves once the pad runs an entry (keys pressed before that are lost, as on a real pad). */
    padReady: () => eventually(() => m.driver('pinPad')?.entryActive === true),
    /** Types on the emulated pad once its entry runs: digits then ENTER. */
    async type(digits: string) {
      await eventually(() => m.driver('pinPad')?.entryActive === true);
      for (const d of digits) pad.press(d);
      pad.press('enter');
    },
    close: () => m.close(),
  };
}

/** Every view a flow sends, and a way to wait for one that matches. */
export function viewsOf(flow: FlowInstance) {
  const seen: View[] = [flow.view()];
  const waiters = new Set<{ test: (v: View) => boolean; resolve: (v: View) => void }>();
  flow.subscribe((v) => {
    seen.push(v);
    for (const w of waiters) {
      if (w.test(v)) {
        waiters.delete(w);
        w.resolve(v);
      }
    }
  });
  return {
    seen,
    /** Resolves with the first view (the current one included) that passes `test`. */
    until(test: (v: View) => boolean, timeoutMs = 8_000): Promise<View> {
      const hit = seen.at(-1);
      if (hit && test(hit)) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const w = { test, resolve };
        waiters.add(w);
        setTimeout(() => {
          if (waiters.delete(w)) reject(new Error(`no such view; last: ${JSON.stringify(seen.at(-1))}`));
        }, timeoutMs);
      });
    },
    /** Waits for a step (and, when given, a status). */
    step(step: string, status?: View['status']): Promise<View> {
      return this.until((v) => v.step === step && (status === undefined || v.status === status));
    },
  };
}

/** A face capture the fake county judges by its `faceMatches` switch. */
export const FACE = { type: 'faceCaptured' as const, imageBase64: 'A'.repeat(200), imageSha256: 'a'.repeat(64), livenessScore: 0.9 };
