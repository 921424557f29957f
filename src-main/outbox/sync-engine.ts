import { setTimeout as sleep } from 'node:timers/promises';
import { CountyError } from '../county/errors.js';
import type { ItemResult } from '../county/protocol.js';
import { createLogger } from '../logs/logger.js';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff.js';
import { chunk, toItem } from './batching.js';
import { Breaker } from './breaker.js';
import { settle } from './settle.js';
import type { CycleOutcome, SyncEngineOptions, SyncState, SyncStatus, Tally, Trigger } from './sync-types.js';
import type { ClaimedRow } from './types.js';
import { uuidv7 } from './uuidv7.js';

const log = createLogger('sync');

export type { BatchUploader, CycleOutcome, SyncEngineOptions, SyncState, SyncStatus, Trigger } from './sync-types.js';

/** Drains the outbox to the county: batches, backoff, breaker, dead letters, triggers. */
export class SyncEngine {
  private readonly o: Required<Omit<SyncEngineOptions, 'onAuthFailure'>> & Pick<SyncEngineOptions, 'onAuthFailure'>;
  private readonly breaker: Breaker;
  private state: SyncState = 'stopped';
  private running = false;
  private paused = false;
  private cycle: Promise<CycleOutcome> | null = null;
  private again = false;
  /**
   * When the last claim looked for due rows. The next wake is worked out from it, not from the time
   * the cycle ended: a row that fell due in between (a slow cycle, a loaded machine) is then woken for
   * at once instead of being missed until the idle interval.
   */
  private claimedAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSweep = 0;
  private lastError: SyncStatus['lastError'] = null;
  private nextAttemptAt: number | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly cycleListeners = new Set<() => void>();

  constructor(options: SyncEngineOptions) {
    this.o = {
      owner: `sync-${process.pid}-${uuidv7().slice(-8)}`,
      maxItems: 100,
      maxBytes: 256 * 1024,
      leaseMs: 60_000,
      backoff: DEFAULT_BACKOFF,
      retryWindowMs: 30 * 86_400_000,
      breakerThreshold: 5,
      inFlightRetryMs: 2_000,
      maxIdleMs: 60_000,
      random: Math.random,
      now: Date.now,
      ...options,
    };
    this.breaker = new Breaker(this.o.breakerThreshold);
  }

  /** Starts reacting to triggers (new records, timers); cannot fail. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.state = 'idle';
    this.unsubscribe = this.o.outbox.onRecord(() => this.trigger('enqueue'));
    this.trigger('manual');
  }

  /** Stops timers and waits for the cycle in progress. */
  async stop(): Promise<void> {
    this.running = false;
    this.state = 'stopped';
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.cycle;
  }

  /** Asks for a sync soon. 'network-back' and 'resume' also let an open breaker probe at once. */
  trigger(reason: Trigger): void {
    if (reason === 'network-back' || reason === 'resume') this.breaker.probeNow();
    if (!this.running) return;
    if (this.cycle) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), 0);
  }

  /** Clears an auth pause (after re-enrolment) and syncs. */
  resumeAfterAuth(): void {
    this.paused = false;
    if (this.state === 'paused-auth') this.state = 'idle';
    this.trigger('resume');
  }

  /** Ops action: puts a dead letter back in the queue (audited) and syncs; throws NotFoundError if it is gone. */
  retryDeadLetter(id: string, actor: string, note: string | null = null): void {
    this.o.outbox.deadLetters.retry(id, actor, note, this.o.now());
    this.notify();
    this.trigger('manual');
  }

  /** Ops action: discards a dead letter for good (audited); throws NotFoundError if it is gone. */
  discardDeadLetter(id: string, actor: string, note: string | null = null): void {
    this.o.outbox.deadLetters.discard(id, actor, note, this.o.now());
    this.notify();
  }

  /** Subscribes to "a cycle ended or ops changed the dead letters" (ops view refresh); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.cycleListeners.add(listener);
    return () => this.cycleListeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.cycleListeners) {
      try {
        l();
      } catch (err) {
        log.error('sync listener failed', { error: err instanceof Error ? err.name : 'unknown' });
      }
    }
  }

  /** The ops view. */
  status(): SyncStatus {
    const s = this.o.outbox.stats();
    const last = this.o.outbox.getMeta('lastSuccessAt');
    return {
      state: this.state,
      depth: s.depth,
      oldestAgeMs: s.oldestAgeMs,
      deadLetterCount: s.deadLetters,
      deadLetters: this.o.outbox.deadLetters.list(20),
      lastSuccessAt: last === undefined ? null : Number(last),
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt,
      consecutiveFailures: this.breaker.consecutiveFailures,
    };
  }

  /** Runs claim → send → settle once (single-flight); never throws for county failures. */
  runOnce(): Promise<CycleOutcome> {
    if (this.cycle) return this.cycle;
    this.cycle = this.doCycle().finally(() => {
      this.cycle = null;
      this.notify();
    });
    return this.cycle;
  }

  /** Cycles until the queue is empty or `maxWaitMs` passes, sleeping through backoff; resolves whether it drained. */
  async drain(maxWaitMs = 60_000, maxCycles = 100_000): Promise<boolean> {
    const deadline = Date.now() + maxWaitMs;
    for (let i = 0; i < maxCycles && Date.now() < deadline; i++) {
      const out = await this.runOnce();
      if (this.o.outbox.stats().depth === 0) return true;
      if (out.kind === 'paused') return false;
      if (out.kind === 'sent' && out.acked + out.dead > 0) continue;
      const now = this.o.now();
      const wake = Math.min(this.wakeAt(now) ?? now + 50, deadline);
      await sleep(Math.max(1, Math.min(wake - now, 1_000)));
      if (out.kind === 'breaker-open' && this.o.now() >= out.until) this.breaker.probeNow();
    }
    return this.o.outbox.stats().depth === 0;
  }

  private async loop(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    let out: CycleOutcome;
    try {
      out = await this.runOnce();
    } catch (err) {
      // Local storage trouble (disk full, I/O error): keep the engine alive and try again later.
      const e = err as { name?: string; code?: string; message?: string };
      const now = this.o.now();
      this.lastError = { kind: 'local', ...(e.code ? { code: String(e.code) } : {}), at: now };
      this.state = 'backoff';
      log.error('sync cycle failed locally', { error: e.name ?? 'Error', code: e.code, message: e.message });
      this.nextAttemptAt = now + this.o.maxIdleMs / 4;
      this.timer = setTimeout(() => void this.loop(), this.o.maxIdleMs / 4);
      this.timer.unref?.();
      return;
    }
    if (!this.running) return;
    const progressed = out.kind === 'sent' && out.acked + out.dead + out.retried > 0;
    if (this.again || progressed) {
      this.again = false;
      this.trigger('due');
      return;
    }
    if (out.kind === 'paused') return;
    const now = this.o.now();
    const wake = Math.min(this.wakeAt(Math.min(now, this.claimedAt ?? now)) ?? Number.POSITIVE_INFINITY, now + this.o.maxIdleMs);
    this.nextAttemptAt = wake;
    this.timer = setTimeout(() => void this.loop(), Math.max(0, wake - now));
    this.timer.unref?.();
  }

  private wakeAt(now: number): number | null {
    const due = this.o.outbox.nextDueAfter(now);
    const reopen = this.breaker.state(now) === 'open' ? this.breaker.reopensAt : null;
    if (due === null) return reopen;
    return reopen === null ? due : Math.max(due, reopen);
  }

  private async doCycle(): Promise<CycleOutcome> {
    const now = this.o.now();
    if (this.paused) return { kind: 'paused' };
    if (this.breaker.state(now) === 'open') {
      this.state = 'breaker-open';
      return { kind: 'breaker-open', until: this.breaker.reopensAt };
    }
    if (now - this.lastSweep >= this.o.maxIdleMs) {
      this.lastSweep = now;
      const expired = this.o.outbox.deadLetters.expireBefore(now - this.o.retryWindowMs, now);
      if (expired > 0) log.warn('rows outlived the retry window', { moved: expired });
    }
    this.claimedAt = now;
    const claim = this.o.outbox.leases.claim(this.o.owner, this.o.maxItems, this.o.leaseMs, now);
    if (claim.rows.length === 0) {
      if (this.running) this.state = 'idle';
      return { kind: 'idle' };
    }
    this.state = 'syncing';
    const tally: Tally = { acked: 0, dead: 0, retried: 0 };
    const chunks = chunk(claim.rows, this.o.maxItems, this.o.maxBytes);
    for (let i = 0; i < chunks.length; i++) {
      const failure = await this.sendRows(claim.token, chunks[i] ?? [], tally);
      if (failure) {
        const unsent = chunks.slice(i + 1).flat();
        const at = this.o.now() + failure.delayMs;
        this.o.outbox.leases.nack(claim.token, unsent.map((r) => r.id), { availableAt: at, status: 'not-sent', error: 'batch stopped', countAttempt: false });
        return { kind: 'failed', error: failure.error, delayMs: failure.delayMs, acked: tally.acked, dead: tally.dead };
      }
    }
    this.breaker.success();
    this.o.outbox.setMeta('lastSuccessAt', String(this.o.now()));
    if (this.running) this.state = 'idle';
    return { kind: 'sent', ...tally };
  }

  /** Sends one chunk, splitting on 413/400/422; returns a queue-wide failure or null. */
  private async sendRows(token: number, rows: ClaimedRow[], tally: Tally): Promise<{ error: CountyError; delayMs: number } | null> {
    let results: ItemResult[];
    try {
      results = await this.o.client.uploadBatch(rows.map(toItem), uuidv7());
    } catch (err) {
      const e = err instanceof CountyError ? err : new CountyError('protocol', 'uploadBatch', {}, { cause: err });
      return this.onBatchError(token, rows, e, tally);
    }
    settle(this.o.outbox, token, rows, results, tally, this.o.now(), Math.floor(this.o.inFlightRetryMs * (0.5 + this.o.random())));
    return null;
  }

  private async onBatchError(token: number, rows: ClaimedRow[], e: CountyError, tally: Tally): Promise<{ error: CountyError; delayMs: number } | null> {
    const now = this.o.now();
    this.lastError = { kind: e.kind, ...(e.detail.status ? { status: e.detail.status } : {}), ...(e.detail.code ? { code: String(e.detail.code) } : {}), at: now };
    const ids = rows.map((r) => r.id);
    const status = String(e.detail.status ?? e.kind);
    if (e.kind === 'too_large' || e.kind === 'bad_request' || e.kind === 'key_reused' || e.kind === 'protocol') {
      if (rows.length > 1) {
        // Halve until the culprit stands alone; the others go through.
        const mid = Math.ceil(rows.length / 2);
        const first = await this.sendRows(token, rows.slice(0, mid), tally);
        if (first) {
          this.o.outbox.leases.nack(token, rows.slice(mid).map((r) => r.id), { availableAt: now + first.delayMs, status: 'not-sent', error: 'batch stopped', countAttempt: false });
          return first;
        }
        return this.sendRows(token, rows.slice(mid), tally);
      }
      if (e.kind !== 'protocol') {
        tally.dead += this.o.outbox.leases.deadLetter(token, ids, e.kind === 'too_large' ? 'too_large' : `rejected:${e.detail.code ?? e.kind}`, status, e.message, now);
        return null;
      }
    }
    if (e.kind === 'auth') {
      this.o.outbox.leases.nack(token, ids, { availableAt: now, status, error: e.message, countAttempt: false });
      this.paused = true;
      this.state = 'paused-auth';
      log.warn('county refused our credentials; sync paused', { status: e.detail.status, code: e.detail.code });
      void Promise.resolve(this.o.onAuthFailure?.(e) ?? false).then(
        (ok) => ok && this.resumeAfterAuth(),
        () => undefined,
      );
      return { error: e, delayMs: 0 };
    }
    // Transient (network, timeout, 5xx, 429, 409, unreadable answer): never uses up a row's life.
    const delayMs = backoffDelay(this.breaker.consecutiveFailures + 1, this.o.backoff, this.o.random, e.detail.retryAfterMs ?? 0);
    this.breaker.failure(now, delayMs, e.detail.status === 503);
    this.o.outbox.leases.nack(token, ids, { availableAt: now + delayMs, status, error: e.message });
    this.state = this.breaker.state(now) === 'open' ? 'breaker-open' : 'backoff';
    this.nextAttemptAt = now + delayMs;
    log.info('sync attempt failed; backing off', { kind: e.kind, status: e.detail.status, delayMs, failures: this.breaker.consecutiveFailures });
    return { error: e, delayMs };
  }
}
