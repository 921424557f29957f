import { describe, expect, it } from 'vitest';
import { NotFoundError, OutboxFullError } from '../../src-main/outbox/errors.js';
import { manualClock, openTestOutbox, sampleTx, useTempDir } from './helpers.js';

describe('Outbox.record', () => {
  const t = useTempDir();

  it('writes the service record and the outbox row together, sequence persisted across reopen', async () => {
    const ob = await openTestOutbox(t.dir);
    const a = ob.record(sampleTx(1));
    const b = ob.record(sampleTx(2));
    expect(b.seq).toBe(a.seq + 1);
    expect(b.id > a.id).toBe(true);
    expect(ob.txState(a.id)).toBe('pending');
    const claim = ob.leases.claim('w', 10, 30_000, Date.now());
    ob.leases.ack(claim.token, claim.rows.map((r) => ({ id: r.id, state: 'applied' as const })), Date.now());
    expect(ob.stats().depth).toBe(0);
    expect(ob.txState(a.id)).toBe('applied');
    ob.close();
    // Empty queue, reopened: the sequence still only grows.
    const ob2 = await openTestOutbox(t.dir);
    expect(ob2.record(sampleTx(3)).seq).toBe(b.seq + 1);
    ob2.close();
  });

  it('reports success once committed even if a listener throws', async () => {
    const ob = await openTestOutbox(t.dir);
    ob.onRecord(() => {
      throw new Error('listener bug');
    });
    const r = ob.record(sampleTx(1));
    expect(ob.txState(r.id)).toBe('pending');
    ob.close();
  });

  it('rejects invalid input without writing', async () => {
    const ob = await openTestOutbox(t.dir);
    const bad: unknown[] = [
      { kind: '', orderingKey: 'k', payload: {} },
      { kind: 'k'.repeat(65), orderingKey: 'k', payload: {} },
      { kind: 'k', orderingKey: '', payload: {} },
      { kind: 'k', orderingKey: 'k', payload: [] },
      { kind: 'k', orderingKey: 'k', payload: null },
      { kind: 'k', orderingKey: 'k', payload: {}, personal: { name: 42 } },
      { kind: 'k', orderingKey: 'k', payload: {}, personal: ['x'] },
      { kind: 'k', orderingKey: 'k', payload: {}, schemaVersion: 0 },
      { kind: 'k', orderingKey: 'k', payload: {}, schemaVersion: 1.5 },
    ];
    for (const input of bad) expect(() => ob.record(input as Parameters<typeof ob.record>[0]), JSON.stringify(input)).toThrow();
    expect(ob.stats().depth).toBe(0);
    ob.close();
  });

  it('reads free space once a second far from the disk floor, and before every record near it', async () => {
    const clock = manualClock();
    let free = 10 * 1024 * 1024 * 1024;
    let readings = 0;
    const freeSpace = () => {
      readings += 1;
      return free;
    };
    const ob = await openTestOutbox(t.dir, { now: clock.now, freeSpace, limits: { minFreeBytes: 256 * 1024 * 1024 } });
    for (let i = 0; i < 50; i++) ob.record(sampleTx(i));
    expect(readings).toBe(1);
    clock.advance(1_000);
    ob.record(sampleTx(50));
    expect(readings).toBe(2);
    // Within reach of the floor (under floor / low watermark), every record reads it again...
    free = 300 * 1024 * 1024;
    clock.advance(1_000);
    for (let i = 0; i < 5; i++) ob.record(sampleTx(60 + i));
    expect(readings).toBe(2 + 5);
    // ...so the record that would cross it is refused, although less than a second has passed.
    free = 200 * 1024 * 1024;
    expect(() => ob.record(sampleTx(70))).toThrow(OutboxFullError);
    expect(ob.stats().depth).toBe(56);
    ob.close();
  });

  it('refuses with OutboxFullError at the row cap and at the free-disk floor', async () => {
    const ob = await openTestOutbox(t.dir, { limits: { maxRows: 2, minFreeBytes: 1024 } });
    ob.record(sampleTx(1));
    ob.record(sampleTx(2));
    expect(ob.capacity().state).toBe('full');
    expect(() => ob.record(sampleTx(3))).toThrow(expect.objectContaining({ name: 'OutboxFullError', reason: 'rows' }));
    expect(ob.stats().depth).toBe(2);
    // The refused record took no sequence number.
    expect(ob.db.prepare('SELECT next_seq FROM counters').get()).toEqual({ next_seq: 3 });
    ob.close();
    const ob2 = await openTestOutbox(t.dir, { limits: { minFreeBytes: Number.MAX_SAFE_INTEGER } });
    const err = (() => {
      try {
        ob2.record(sampleTx(4));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(OutboxFullError);
    expect((err as OutboxFullError).reason).toBe('disk');
    ob2.close();
  });
});

describe('claim, lease and fencing', () => {
  const t = useTempDir();

  it('leases rows once; an expired lease is reclaimable; a stale token cannot ack or nack', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    for (let i = 0; i < 5; i++) ob.record(sampleTx(i));
    const c1 = ob.leases.claim('worker-a', 3, 10_000, clock.now());
    expect(c1.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(c1.rows[0]?.personal['name']).toBe('Demo Resident 0');
    const c2 = ob.leases.claim('worker-b', 10, 10_000, clock.now());
    expect(c2.rows.map((r) => r.seq)).toEqual([4, 5]);
    expect(c2.token).toBeGreaterThan(c1.token);
    expect(ob.leases.claim('worker-c', 10, 10_000, clock.now()).rows).toHaveLength(0);

    clock.advance(10_001);
    const c3 = ob.leases.claim('worker-c', 10, 10_000, clock.now());
    expect(c3.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    // worker-a comes back late: its token no longer owns anything.
    expect(ob.leases.ack(c1.token, c1.rows.map((r) => ({ id: r.id, state: 'applied' as const })), clock.now())).toBe(0);
    expect(ob.leases.nack(c1.token, c1.rows.map((r) => r.id), { availableAt: 0, status: 'x', error: 'x' })).toBe(0);
    expect(ob.stats().depth).toBe(5);
    expect(ob.leases.ack(c3.token, c3.rows.map((r) => ({ id: r.id, state: 'duplicate' as const })), clock.now())).toBe(5);
    expect(ob.stats().depth).toBe(0);
    ob.close();
  });

  it('nack delays a row and counts the attempt; later rows of the same ordering key wait behind it', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    ob.record(sampleTx(1, 'same'));
    ob.record(sampleTx(2, 'same'));
    ob.record(sampleTx(3, 'other'));
    const c1 = ob.leases.claim('w', 1, 10_000, clock.now());
    expect(c1.rows.map((r) => r.seq)).toEqual([1]);
    // seq 2 shares the key with leased seq 1, so only seq 3 is eligible.
    expect(ob.leases.claim('w', 10, 10_000, clock.now()).rows.map((r) => r.seq)).toEqual([3]);
    ob.leases.nack(c1.token, [c1.rows[0]?.id ?? ''], { availableAt: clock.now() + 5_000, status: '503', error: 'unavailable' });
    expect(ob.nextDueAfter(clock.now())).toBe(clock.now() + 5_000);
    expect(ob.leases.claim('w', 10, 10_000, clock.now()).rows).toHaveLength(0);
    clock.advance(5_000);
    const c3 = ob.leases.claim('w', 10, 10_000, clock.now());
    expect(c3.rows.map((r) => [r.seq, r.attempts])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    ob.close();
  });

  it('reports oldest age and depth from the queue head', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    expect(ob.stats()).toMatchObject({ depth: 0, oldestAgeMs: null });
    ob.record(sampleTx(1));
    clock.advance(1_000);
    ob.record(sampleTx(2));
    clock.advance(500);
    expect(ob.stats()).toMatchObject({ depth: 2, oldestAgeMs: 1_500, deadLetters: 0 });
    ob.close();
  });
});

describe('dead letters', () => {
  const t = useTempDir();

  it('moves rejected rows with a reason, retries and discards them with an audit trail', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    const a = ob.record(sampleTx(1));
    const b = ob.record(sampleTx(2));
    const c = ob.leases.claim('w', 10, 10_000, clock.now());
    expect(ob.leases.deadLetter(c.token, [a.id, b.id], 'rejected:invalid_payload', '422', 'schema mismatch', clock.now())).toBe(2);
    expect(ob.stats()).toMatchObject({ depth: 0, deadLetters: 2 });
    expect(ob.deadLetters.list().map((d) => d.reason)).toEqual(['rejected:invalid_payload', 'rejected:invalid_payload']);
    expect(ob.txState(a.id)).toBe('dead');

    ob.deadLetters.retry(a.id, 'ops-1', 'fixed on server', clock.now());
    ob.deadLetters.discard(b.id, 'ops-1', null, clock.now());
    expect(ob.stats()).toMatchObject({ depth: 1, deadLetters: 0 });
    expect(ob.txState(a.id)).toBe('pending');
    expect(ob.txState(b.id)).toBe('discarded');
    expect(ob.deadLetters.auditTrail().map((x) => x.action)).toEqual(['discard', 'retry']);
    const again = ob.leases.claim('w', 10, 10_000, clock.now());
    expect(again.rows.map((r) => [r.id, r.attempts, r.personal['name']])).toEqual([[a.id, 0, 'Demo Resident 1']]);
    expect(() => ob.deadLetters.discard(b.id, 'ops-1', null, clock.now())).toThrow(NotFoundError);
    ob.close();
  });

  it('expires rows older than the retry window but not leased ones', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    ob.record(sampleTx(1));
    ob.record(sampleTx(2));
    clock.advance(1_000);
    ob.record(sampleTx(3));
    const c = ob.leases.claim('w', 1, 60_000, clock.now());
    expect(ob.deadLetters.expireBefore(clock.now() - 500, clock.now())).toBe(1);
    expect(ob.deadLetters.list()[0]?.reason).toBe('retry_window_expired');
    expect(ob.stats()).toMatchObject({ depth: 2, deadLetters: 1 });
    expect(c.rows).toHaveLength(1);
    ob.close();
  });
});
