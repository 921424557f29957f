import { describe, expect, it } from 'vitest';
import { kindKey, reasonView } from '../../src-renderer/components/queue-panel-model.js';

describe('dead-letter wording', () => {
  it('names known transaction kinds and leaves unknown ones as sent', () => {
    expect(kindKey('rating')).toBe('queue.kind.rating');
    expect(kindKey('pin-reset')).toBe('queue.kind.pinReset');
    expect(kindKey('toString')).toBeNull();
    expect(kindKey('brand-new-kind')).toBeNull();
  });

  it("maps the outbox's reasons to texts, keeping an unknown county code visible", () => {
    expect(reasonView('too_large')).toEqual({ key: 'queue.reason.tooLarge' });
    expect(reasonView('retry_window_expired')).toEqual({ key: 'queue.reason.retryWindow' });
    expect(reasonView('rejected:unknown_kind')).toEqual({ key: 'queue.reason.unknown_kind' });
    expect(reasonView('rejected:rating_closed')).toEqual({ key: 'queue.reason.rejectedOther', code: 'rating_closed' });
  });
});
