import { describe, expect, it } from 'vitest';
import { FaultController } from '../../src-main/county/reference/faults.js';

describe('reference backend fault controller', () => {
  it('rejects items of one kind until the faults are cleared, without touching other requests', () => {
    const faults = new FaultController(1024);
    faults.set({ fault: { mode: 'reject-kind', kind: 'rating', reason: 'rating_closed' } });
    expect(faults.rejectReason('rating')).toBe('rating_closed');
    expect(faults.rejectReason('pin-reset')).toBeUndefined();
    // A persistent fault, not a per-request one: requests themselves pass untouched.
    expect(faults.take('/v1/transactions/batch')).toBeNull();
    faults.set({ fault: { mode: 'none' } });
    expect(faults.rejectReason('rating')).toBeUndefined();
  });

  it('applies a per-request fault only the given number of times and never to enrolment', () => {
    const faults = new FaultController(1024);
    faults.set({ fault: { mode: 'status', status: 503, retryAfterS: 2 }, times: 1 });
    expect(faults.take('/v1/enrolments')).toBeNull();
    expect(faults.take('/v1/heartbeat')).toEqual({ mode: 'status', status: 503, retryAfterS: 2 });
    expect(faults.take('/v1/heartbeat')).toBeNull();
  });
});
