import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../src-main/contract/flows.js';
import { FlowHost } from '../../src-main/flows/flow-host.js';
import { FLOWS } from '../../src-main/flows/registry.js';
import type { FlowDefinition } from '../../src-main/flows/types.js';
import { flowHarness } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function host(flows: readonly FlowDefinition[] = FLOWS) {
  const h = await flowHarness();
  const wipes: (() => void)[] = [];
  const views: FlowView[] = [];
  const hostInstance = new FlowHost({ flows, context: h.ctx, registerWipe: (w) => (wipes.push(w), () => undefined), onView: (v) => views.push(v) });
  cleanup.push(() => h.close(), () => hostInstance.stopCurrent());
  return { h, host: hostInstance, views, wipe: () => wipes.forEach((w) => w()) };
}

describe('flow host', () => {
  it('starts a registered flow, routes actions to it only for its session, and refuses unknown services', async () => {
    const { host: fh, h, views } = await host();
    expect(fh.start('s1', 'mi.remote.filing')).toEqual({ ok: false, code: 'service_unknown' });
    const started = fh.start('s1', 'ssc.pin.reset');
    if (!started.ok) throw new Error('not started');
    expect(started.view).toMatchObject({ serviceId: 'ssc.pin.reset', stepIndex: 1, stepCount: 5 });
    const id = started.view.flowId;
    expect(fh.action('s2', id, { type: 'continue' })).toEqual({ ok: false, code: 'session_mismatch' });
    expect(fh.action('s1', 'nope', { type: 'continue' })).toEqual({ ok: false, code: 'not_found' });
    // No card yet: "continue" is not something the insert-card step takes.
    expect(fh.action('s1', id, { type: 'continue' })).toEqual({ ok: false, code: 'action_refused' });
    h.insertCard();
    await expect.poll(() => views.at(-1)?.step).toBe('confirmCard');
    expect(views.every((v) => v.flowId === id)).toBe(true);
  });

  it('a session wipe stops the flow, releases the pad and card, and later actions find nothing', async () => {
    const { host: fh, h, views, wipe } = await host();
    const started = fh.start('s1', 'ssc.pin.change');
    if (!started.ok) throw new Error('not started');
    h.insertCard();
    await expect.poll(() => views.at(-1)?.step).toBe('confirmCard');
    fh.action('s1', started.view.flowId, { type: 'continue' });
    await h.padReady();
    wipe();
    await expect.poll(() => h.m.driver('pinPad')?.entryActive).toBe(false);
    expect(fh.current).toBeUndefined();
    expect(fh.action('s1', started.view.flowId, { type: 'back' })).toEqual({ ok: false, code: 'not_found' });
    await expect.poll(() => h.m.emulator('cardReader')?.host?.transcript.commands().at(-1)).toBe('POWER_OFF');
  });

  it('never sends a view that breaks the contract: an unmasked name becomes a plain failure', async () => {
    const leaky: FlowDefinition = {
      serviceId: 'leaky',
      create: () => ({
        view: () => ({ serviceId: 'leaky', step: 'x', stepIndex: 1, stepCount: 1, status: 'waiting', masked: { name: '张三明' } }),
        subscribe: () => () => undefined,
        send: () => false,
        cancel: () => undefined,
        stop: async () => undefined,
      }),
    };
    const { host: fh } = await host([leaky]);
    const r = fh.start('s1', 'leaky');
    expect(r.ok && r.view).toMatchObject({ step: 'failed', error: 'deviceFault' });
    expect(JSON.stringify(r)).not.toContain('张三明');
  });
});
