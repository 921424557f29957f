import { describe, expect, it } from 'vitest';
import { fakeOps, makeCore } from './helpers.js';

/** The audit trail: every technician action goes to the county through the outbox, with who, what, how it ended and when; never a PIN. */
describe('admin audit trail', () => {
  it('records sign-in attempts, ops actions and sign-out as admin-audit transactions without the PIN', async () => {
    const ops = fakeOps();
    let now = Date.parse('2026-12-08T04:00:00Z');
    const core = makeCore({}, () => now, ops);
    await core.call('adminLogin', { pin: '975310' });
    await core.call('adminLogin', { pin: '246810' });
    now += 1_000;
    await core.call('retryDeadLetter', { id: 'dl-1' });
    await core.call('discardDeadLetter', { id: 'no-such-letter' });
    await core.call('adminLogout', {});
    // A logout with nobody signed in is not an action.
    await core.call('adminLogout', {});

    const audits = ops.recorded.filter((r) => r.kind === 'admin-audit');
    expect(audits.map((a) => [a.payload['action'], a.payload['outcome'], a.payload['actor']])).toEqual([
      ['login', 'admin_bad_pin', 'technician'],
      ['login', 'ok', 'technician'],
      ['dead_letter_retry', 'ok', 'technician'],
      ['dead_letter_discard', 'not_found', 'technician'],
      ['logout', 'ok', 'technician'],
    ]);
    expect(audits[2]).toMatchObject({ orderingKey: 'terminal:T-TEST0001:audit', payload: { terminalId: 'T-TEST0001', siteId: 'xa-hospital-01', at: '2026-12-08T04:00:01.000Z' } });
    expect(audits.every((a) => a.personal === undefined)).toBe(true);
    expect(JSON.stringify(audits)).not.toMatch(/975310|246810/);
  });

  it('an audit record the outbox refuses does not fail the action it records', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    ops.refuseWith({ ok: false, code: 'counter_required' });
    expect((await core.call('adminLogin', { pin: '246810' })).ok).toBe(true);
    expect((await core.call('retryDeadLetter', { id: 'dl-1' })).ok).toBe(true);
  });
});
