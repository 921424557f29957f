import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../src-main/contract/index.js';
import { fakeOps, makeCore } from './helpers.js';

const OPS_CALLS = ['getDeviceStatus', 'getQueueStatus', 'listDeadLetters'] as const;

describe('ops calls', () => {
  it('refuse every ops call outside a technician session', async () => {
    const core = makeCore();
    for (const name of OPS_CALLS) {
      expect(await core.call(name, {}), name).toEqual({ ok: false, error: { code: 'admin_not_authorized' } });
    }
    expect(await core.call('retryDeadLetter', { id: 'dl-1' })).toEqual({ ok: false, error: { code: 'admin_not_authorized' } });
  });

  it('show device and queue status to a signed-in technician, and stop after logout', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    await core.call('adminLogin', { pin: '246810' });
    expect(await core.call('getDeviceStatus', {})).toMatchObject({ ok: true, value: { devices: [{ kind: 'cardReader', state: 'ready' }] } });
    expect(await core.call('getQueueStatus', {})).toMatchObject({ ok: true, value: { depth: 2, deadLetters: 1 } });
    await core.call('adminLogout', {});
    expect(await core.call('getQueueStatus', {})).toMatchObject({ ok: false, error: { code: 'admin_not_authorized' } });
  });

  it('retry and discard dead letters with an audit entry, and say not_found for a missing one', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    await core.call('adminLogin', { pin: '246810' });
    expect(await core.call('listDeadLetters', {})).toMatchObject({ ok: true, value: { items: [{ id: 'dl-1', reason: 'rejected: 422' }, { id: 'dl-2' }] } });
    expect(await core.call('retryDeadLetter', { id: 'dl-1' })).toEqual({ ok: true, value: {} });
    expect(ops.audit).toEqual(['retry:dl-1:technician']);
    expect(await core.call('discardDeadLetter', { id: 'dl-1' })).toEqual({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('discardDeadLetter', { id: 'dl-2' })).toEqual({ ok: true, value: {} });
    expect(ops.audit).toEqual(['retry:dl-1:technician', 'discard:dl-2:technician']);
  });

  it('forward device and queue changes as events', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    const events: KioskEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    core.events.markReady();
    ops.setDevices([{ kind: 'pinPad', driver: 'emulator', state: 'disconnected', reconnectAttempts: 2 }]);
    ops.setQueue({ depth: 0, oldestAgeMs: null, deadLetters: 0, lastSyncAt: '2026-11-27T00:00:00Z', accepting: true, sync: 'idle' });
    expect(events.map((e) => e.type)).toEqual(['devices.changed', 'queue.changed']);
  });
});
