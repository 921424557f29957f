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
    const forwarded = events.filter((e) => e.type === 'devices.changed' || e.type === 'queue.changed').map((e) => e.type);
    expect(forwarded).toEqual(['devices.changed', 'queue.changed']);
  });
});

describe('rating transaction', () => {
  it('records the rating for the current session and answers with its reference', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    const session = core.sessions.start();
    const result = await core.call('submitRating', { sessionId: session.sessionId, score: 5 });
    expect(result).toMatchObject({ ok: true, value: { reference: 'tx-1' } });
    expect(ops.recorded).toEqual([
      { kind: 'rating', orderingKey: 'terminal:T-TEST0001', payload: { score: 5, siteId: 'xa-hospital-01', terminalId: 'T-TEST0001' } },
    ]);
  });

  it('refuses a rating for another session and out-of-range scores', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    core.sessions.start();
    expect(await core.call('submitRating', { sessionId: '00000000-0000-4000-8000-000000000000', score: 3 })).toMatchObject({ ok: false, error: { code: 'session_mismatch' } });
    expect(await core.call('submitRating', { sessionId: core.sessions.sessionId, score: 9 })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(ops.recorded).toHaveLength(0);
  });

  it('sends the resident to the counter when the terminal cannot record, and names a record in doubt', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    const { sessionId } = core.sessions.start();
    ops.refuseWith({ ok: false, code: 'counter_required' });
    expect(await core.call('submitRating', { sessionId, score: 4 })).toEqual({ ok: false, error: { code: 'counter_required' } });
    ops.refuseWith({ ok: false, code: 'record_in_doubt', reference: 'tx-in-doubt' });
    expect(await core.call('submitRating', { sessionId, score: 4 })).toEqual({ ok: false, error: { code: 'record_in_doubt', reference: 'tx-in-doubt' } });
  });
});
