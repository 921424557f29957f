import { beforeEach, describe, expect, it } from 'vitest';
import { setKioskApi } from '../../src-renderer/app/kiosk.js';
import { shortReference, submitRating } from '../../src-renderer/app/rating-actions.js';
import { useStore } from '../../src-renderer/store/index.js';
import { SESSION_ID, fakeKiosk } from './fake-kiosk.js';

describe('rating flow', () => {
  let fake: ReturnType<typeof fakeKiosk>;
  beforeEach(() => {
    fake = fakeKiosk();
    setKioskApi(fake.api);
    useStore.setState(useStore.getInitialState(), true);
  });

  it('sends the score with the current session and reports the recorded reference', async () => {
    useStore.getState().beginSession(SESSION_ID, '2025-01-01T00:00:00Z');
    expect(await submitRating(4)).toEqual({ kind: 'recorded', reference: 'tx-1' });
    expect(fake.api.submitRating).toHaveBeenCalledWith({ sessionId: SESSION_ID, score: 4 });
  });

  it('turns a refusal to record into a counter referral, and a record in doubt into its reference', async () => {
    useStore.getState().beginSession(SESSION_ID, '2025-01-01T00:00:00Z');
    fake.api.submitRating.mockResolvedValueOnce({ ok: false, error: { code: 'counter_required' } } as never);
    expect(await submitRating(2)).toEqual({ kind: 'counter' });
    fake.api.submitRating.mockResolvedValueOnce({ ok: false, error: { code: 'record_in_doubt', reference: '0192-abcd' } } as never);
    expect(await submitRating(2)).toEqual({ kind: 'inDoubt', reference: '0192-abcd' });
  });

  it('does not call the core without a session', async () => {
    expect(await submitRating(5)).toMatchObject({ kind: 'failed', error: { code: 'no_session' } });
    expect(fake.api.submitRating).not.toHaveBeenCalled();
  });

  it('shortens a UUID reference to eight readable characters', () => {
    expect(shortReference('0192f3a4-5b6c-7d8e-9f01-23456789abcd')).toBe('6789-ABCD');
  });
});
