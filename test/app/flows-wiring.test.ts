import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src-main/app/create-core.js';
import type { FlowView, KioskEvent } from '../../src-main/contract/index.js';
import type { KioskCore } from '../../src-main/core/kiosk-core.js';
import { DEMO_CARDS } from '../../src-main/devices/index.js';

// The flow layer reached through the core's calls, on the composition root's own wiring:
// emulated devices, the embedded reference county, the outbox recorder.

let dataDir = '';
let core: KioskCore | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function started() {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-flows-'));
  core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
  const events: KioskEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  expect((await core.call('rendererReady', {})).ok).toBe(true);
  const session = await core.call('startSession', {});
  if (!session.ok) throw new Error('no session');
  const sessionId = (session.value as { sessionId: string }).sessionId;
  const answered: FlowView[] = [];
  /** Every view so far: the answers to the calls (the first view) and the `flow.changed` events. */
  const views = () => [...answered, ...events.flatMap((e) => (e.type === 'flow.changed' ? [e.view] : []))];
  const call = async (name: Parameters<KioskCore['call']>[0], payload: unknown) => {
    const r = await core!.call(name, payload);
    if (r.ok && typeof r.value === 'object' && r.value !== null && 'step' in r.value) answered.push(r.value as FlowView);
    return r;
  };
  const until = (test: (v: FlowView) => boolean) => vi.waitFor(() => {
    const hit = views().find(test);
    if (!hit) throw new Error(`no such view yet; last: ${JSON.stringify(views().at(-1))}`);
    return hit;
  }, { timeout: 10_000, interval: 20 });
  return { core, call, sessionId, events, views, until };
}

describe('resident flows through the core', () => {
  it('runs the PIN reset to the masked card on emulated readers, and cancelling ends it with the card reminder', async () => {
    const t = await started();
    const first = await t.call('startFlow', { sessionId: t.sessionId, serviceId: 'ssc.pin.reset' });
    expect(first).toMatchObject({ ok: true, value: { serviceId: 'ssc.pin.reset', demo: true } });
    const flowId = (first as { value: FlowView }).value.flowId;
    // The demo readers start empty: the flow waits for a card.
    await t.until((v) => v.step === 'insertCard' && v.status === 'waiting');
    expect((await t.core.call('demoDevice', { action: { type: 'insertCard', resident: 'demo1' } })).ok).toBe(true);
    const confirm = await t.until((v) => v.step === 'confirmCard');
    const card = DEMO_CARDS['demo1']!.ssc;
    expect(confirm.masked?.cardNumber).toBe(`****${card.cardNumber.slice(-4)}`);
    expect(confirm.masked?.name).toContain('*');
    // Nothing that left the core holds the full card number, the ID number or the full name.
    const wire = JSON.stringify(t.events);
    expect(wire).not.toContain(card.cardNumber);
    expect(wire).not.toContain(card.ssn);
    expect(wire).not.toContain(card.name);

    const cancelled = await t.core.call('cancelFlow', { sessionId: t.sessionId, flowId });
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'ended', reminder: 'takeCard', next: 'home' } });
    expect(await t.core.call('flowAction', { sessionId: t.sessionId, flowId, action: { type: 'continue' } })).toMatchObject({ ok: false });
  });

  it('refuses a flow for another session, a service with no flow and an action the step does not take', async () => {
    const t = await started();
    const other = '00000000-0000-4000-8000-000000000000';
    expect(await t.call('startFlow', { sessionId: other, serviceId: 'ssc.pin.reset' })).toMatchObject({ ok: false, error: { code: 'session_mismatch' } });
    expect(await t.call('startFlow', { sessionId: t.sessionId, serviceId: 'no.such.service' })).toMatchObject({ ok: false, error: { code: 'service_unknown' } });
    const first = await t.call('startFlow', { sessionId: t.sessionId, serviceId: 'ssc.pin.change' });
    expect(first.ok).toBe(true);
    const flowId = (first as { value: FlowView }).value.flowId;
    await t.until((v) => v.step === 'insertCard' && v.status === 'waiting');
    const refused = await t.core.call('flowAction', { sessionId: t.sessionId, flowId, action: { type: 'choose', choice: 'x' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'flow_refused' } });
    expect(await t.core.call('flowAction', { sessionId: other, flowId, action: { type: 'continue' } })).toMatchObject({ ok: false, error: { code: 'session_mismatch' } });
  });

  it('ends the running flow when the resident session ends', async () => {
    const t = await started();
    const first = await t.call('startFlow', { sessionId: t.sessionId, serviceId: 'ssc.pin.reset' });
    const flowId = (first as { value: FlowView }).value.flowId;
    await t.until((v) => v.step === 'insertCard' && v.status === 'waiting');
    expect((await t.core.call('endSession', { sessionId: t.sessionId, reason: 'idle' })).ok).toBe(true);
    // The flow is gone: a later action finds nothing.
    await vi.waitFor(async () => {
      expect(await t.core.call('flowAction', { sessionId: t.sessionId, flowId, action: { type: 'continue' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});
