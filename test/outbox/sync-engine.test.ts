import { describe, expect, it } from 'vitest';
import { CountyError } from '../../src-main/county/errors.js';
import type { ItemResult, TxItem } from '../../src-main/county/protocol.js';
import { StorageFullError } from '../../src-main/outbox/errors.js';
import { backoffDelay } from '../../src-main/outbox/backoff.js';
import { Breaker } from '../../src-main/outbox/breaker.js';
import { SyncEngine, type BatchUploader } from '../../src-main/outbox/sync-engine.js';
import { manualClock, openTestOutbox, sampleTx, useTempDir } from './helpers.js';

/** A scripted county: each call takes the next behaviour; default applies everything. */
function fakeCounty(script: ((items: readonly TxItem[]) => ItemResult[] | CountyError)[] = []) {
  const calls: number[] = [];
  const applied = new Map<string, number>();
  const uploader: BatchUploader = {
    async uploadBatch(items) {
      calls.push(items.length);
      const step = script.shift();
      const out = step ? step(items) : items.map((i) => ({ id: i.id, status: 'applied' as const }));
      if (out instanceof CountyError) throw out;
      for (const r of out) if (r.status === 'applied') applied.set(r.id, (applied.get(r.id) ?? 0) + 1);
      return out;
    },
  };
  return { uploader, calls, applied };
}

const fast = { backoff: { baseMs: 1, capMs: 5 }, random: () => 0.5 };

describe('backoff and breaker', () => {
  it('full jitter stays within [0, min(cap, base·2^n)] and honours Retry-After as a floor', () => {
    const p = { baseMs: 1_000, capMs: 15 * 60_000 };
    expect(backoffDelay(1, p, () => 0.999)).toBeLessThan(1_000);
    expect(backoffDelay(5, p, () => 0.999)).toBeLessThan(16_000);
    expect(backoffDelay(50, p, () => 0.999)).toBeLessThanOrEqual(15 * 60_000);
    expect(backoffDelay(1, p, () => 0, 30_000)).toBe(30_000);
  });

  it('opens after the threshold, half-opens when the time has passed, closes on success', () => {
    const b = new Breaker(3);
    b.failure(0, 100);
    b.failure(0, 100);
    expect(b.state(0)).toBe('closed');
    b.failure(0, 100);
    expect(b.state(50)).toBe('open');
    expect(b.state(100)).toBe('half-open');
    b.success();
    expect(b.state(100)).toBe('closed');
    b.failure(0, 100, true);
    expect(b.state(1)).toBe('open');
  });
});

describe('SyncEngine', () => {
  const t = useTempDir();

  it('sends in batches bounded by count and bytes and records the last success', async () => {
    const ob = await openTestOutbox(t.dir);
    for (let i = 0; i < 25; i++) ob.record(sampleTx(i));
    const county = fakeCounty();
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, maxItems: 10, maxBytes: 1_000_000, ...fast });
    expect(await engine.drain(5_000)).toBe(true);
    expect(county.calls).toEqual([10, 10, 5]);
    expect(engine.status()).toMatchObject({ depth: 0, deadLetterCount: 0 });
    expect(engine.status().lastSuccessAt).not.toBeNull();
    const small = fakeCounty();
    for (let i = 0; i < 6; i++) ob.record(sampleTx(i));
    const bytes = new SyncEngine({ outbox: ob, client: small.uploader, maxItems: 10, maxBytes: 400, ...fast });
    await bytes.drain(5_000);
    expect(Math.max(...small.calls)).toBeLessThan(6);
    ob.close();
  });

  it('network errors and 5xx never use up a row: no dead letters after many failures', async () => {
    const ob = await openTestOutbox(t.dir);
    const a = ob.record(sampleTx(1));
    const errors = Array.from({ length: 12 }, (_, i) => () => new CountyError(i % 2 ? 'network' : 'server', 'uploadBatch', i % 2 ? {} : { status: 500 }));
    const county = fakeCounty(errors);
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, breakerThreshold: 100, ...fast });
    expect(await engine.drain(10_000)).toBe(true);
    expect(county.calls).toHaveLength(13);
    expect(ob.txState(a.id)).toBe('applied');
    expect(ob.stats().deadLetters).toBe(0);
    ob.close();
  });

  it('Retry-After sets the earliest next attempt', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    ob.record(sampleTx(1));
    const county = fakeCounty([() => new CountyError('rate_limited', 'uploadBatch', { status: 429, retryAfterMs: 120_000 })]);
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, now: clock.now, ...fast });
    const out = await engine.runOnce();
    expect(out).toMatchObject({ kind: 'failed', delayMs: 120_000 });
    expect(ob.nextDueAfter(clock.now())).toBe(clock.now() + 120_000);
    expect(await engine.runOnce()).toEqual({ kind: 'idle' });
    clock.advance(120_000);
    expect(await engine.runOnce()).toMatchObject({ kind: 'sent', acked: 1 });
    ob.close();
  });

  it('413 splits the batch; a single row still too large is dead-lettered', async () => {
    const ob = await openTestOutbox(t.dir);
    for (let i = 0; i < 4; i++) ob.record(sampleTx(i));
    const big = ob.record({ ...sampleTx(99), payload: { blob: 'z'.repeat(5_000) } });
    const tooLarge = (items: readonly TxItem[]) =>
      JSON.stringify(items).length > 3_000 ? new CountyError('too_large', 'uploadBatch', { status: 413 }) : items.map((i) => ({ id: i.id, status: 'applied' as const }));
    const county = fakeCounty(Array.from({ length: 20 }, () => tooLarge));
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, ...fast });
    await engine.drain(5_000);
    expect(county.applied.size).toBe(4);
    expect(ob.deadLetters.list()).toMatchObject([{ id: big.id, reason: 'too_large' }]);
    ob.close();
  });

  it('400/422 on a batch isolates the culprit; per-item rejections go to dead letters with the reason', async () => {
    const ob = await openTestOutbox(t.dir);
    const ids = Array.from({ length: 4 }, (_, i) => ob.record(sampleTx(i)).id);
    const culprit = ids[2];
    const rule = (items: readonly TxItem[]) =>
      items.some((i) => i.id === culprit) ? (items.length > 1 ? new CountyError('bad_request', 'uploadBatch', { status: 400, code: 'invalid_request' }) : new CountyError('key_reused', 'uploadBatch', { status: 422, code: 'idempotency_key_reused' })) : items.map((i) => ({ id: i.id, status: i.id === ids[0] ? ('rejected' as const) : ('applied' as const), reason: 'unknown_kind' }));
    const county = fakeCounty(Array.from({ length: 10 }, () => rule));
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, ...fast });
    await engine.drain(5_000);
    const dead = Object.fromEntries(ob.deadLetters.list().map((d) => [d.id, d.reason]));
    expect(dead).toEqual({ [ids[0] ?? '']: 'rejected:unknown_kind', [culprit ?? '']: 'rejected:idempotency_key_reused' });
    expect(ob.stats().depth).toBe(0);
    ob.close();
  });

  it('401 pauses the queue, calls the re-enrol callback and resumes when it succeeds', async () => {
    const ob = await openTestOutbox(t.dir);
    ob.record(sampleTx(1));
    const county = fakeCounty([() => new CountyError('auth', 'uploadBatch', { status: 401, code: 'bad_signature' })]);
    let reEnrol: (ok: boolean) => void = () => undefined;
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, onAuthFailure: () => new Promise<boolean>((r) => (reEnrol = r)), ...fast });
    expect(await engine.runOnce()).toMatchObject({ kind: 'failed' });
    expect(engine.status().state).toBe('paused-auth');
    expect(await engine.runOnce()).toEqual({ kind: 'paused' });
    expect(ob.stats().deadLetters).toBe(0);
    reEnrol(true);
    await expect.poll(() => engine.status().state).not.toBe('paused-auth');
    expect(await engine.drain(5_000)).toBe(true);
    ob.close();
  });

  it('repeated failures trip the queue-wide breaker; network-back lets a probe through', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    ob.record(sampleTx(1));
    const county = fakeCounty(Array.from({ length: 3 }, () => () => new CountyError('network', 'uploadBatch')));
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, breakerThreshold: 3, now: clock.now, backoff: { baseMs: 1_000, capMs: 60_000 }, random: () => 0.99 });
    for (let i = 0; i < 3; i++) {
      await engine.runOnce();
      clock.advance(10_000);
    }
    clock.advance(-10_000);
    expect(await engine.runOnce()).toMatchObject({ kind: 'breaker-open' });
    expect(engine.status().state).toBe('breaker-open');
    engine.trigger('network-back');
    clock.advance(4_000);
    expect(await engine.runOnce()).toMatchObject({ kind: 'sent', acked: 1 });
    ob.close();
  });

  it('rows past the retry window go to dead letters', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    const a = ob.record(sampleTx(1));
    clock.advance(31 * 86_400_000);
    const engine = new SyncEngine({ outbox: ob, client: fakeCounty().uploader, now: clock.now, ...fast });
    await engine.runOnce();
    expect(ob.deadLetters.list()).toMatchObject([{ id: a.id, reason: 'retry_window_expired' }]);
    ob.close();
  });

  it('started, it syncs on enqueue without being asked', async () => {
    const ob = await openTestOutbox(t.dir);
    const county = fakeCounty();
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, ...fast });
    engine.start();
    const a = ob.record(sampleTx(1));
    await expect.poll(() => ob.txState(a.id), { timeout: 5_000 }).toBe('applied');
    await engine.stop();
    ob.close();
  });

  it('survives a local storage failure in a cycle and recovers on its own', async () => {
    const ob = await openTestOutbox(t.dir);
    const realClaim = ob.leases.claim.bind(ob.leases);
    let failures = 1;
    ob.leases.claim = (...args) => {
      if (failures-- > 0) throw new StorageFullError(new Error('disk full'));
      return realClaim(...args);
    };
    const engine = new SyncEngine({ outbox: ob, client: fakeCounty().uploader, maxIdleMs: 40, ...fast });
    const a = ob.record(sampleTx(1));
    engine.start();
    await expect.poll(() => engine.status().lastError).toMatchObject({ kind: 'local', code: 'storage_full' });
    await expect.poll(() => ob.txState(a.id), { timeout: 5_000 }).toBe('applied');
    await engine.stop();
    ob.close();
  });

  it('started, it retries on its own when the next row falls due after a failure', async () => {
    const ob = await openTestOutbox(t.dir);
    const county = fakeCounty([() => new CountyError('server', 'uploadBatch', { status: 500 }), () => new CountyError('network', 'uploadBatch')]);
    const engine = new SyncEngine({ outbox: ob, client: county.uploader, backoff: { baseMs: 20, capMs: 40 }, random: () => 0.9 });
    engine.start();
    const a = ob.record(sampleTx(1));
    await expect.poll(() => ob.txState(a.id), { timeout: 5_000 }).toBe('applied');
    expect(county.calls).toEqual([1, 1, 1]);
    expect(engine.status()).toMatchObject({ state: 'idle', consecutiveFailures: 0, lastError: { kind: 'network' } });
    await engine.stop();
    ob.close();
  });
});
