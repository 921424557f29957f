import { LinkError, err, type DriverError, type DriverLogger, type Result } from '../../drivers/index.js';
import type { DeviceStatus } from '../contract/ops.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { classifyError, messageKeyFor, type DeviceMessageKey } from './messages.js';
import type { BoundDevice, DeviceDrivers, DriverKind, ProbeResult } from './types.js';

export interface SlotTiming {
  /** Between heartbeats while the device is up. */
  heartbeatMs: number;
  /** Between reconnect attempts while it is down. */
  backoff: BackoffPolicy;
  /** Consecutive heartbeat timeouts before the device counts as lost (a single slow answer is not an unplug). */
  missLimit: number;
}

type Patch = { state: DeviceStatus['state']; messageKey?: DeviceMessageKey | string | undefined; info?: string | undefined };

/**
 * One device's state machine: connect, heartbeat, and reconnect with capped
 * exponential backoff. States: ready ⇄ busy (a flow is using it), ready ⇄
 * fault (the device answers but reports a problem), → disconnected (line
 * lost) → reconnecting (attempts counted) → ready.
 */
export class DeviceSlot<K extends DriverKind = DriverKind> {
  readonly bound: BoundDevice<K>;
  #status: DeviceStatus;
  readonly #timing: SlotTiming;
  readonly #log: DriverLogger;
  readonly #onChange: () => void;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #up = false;
  #users = 0;
  #misses = 0;
  /** Serialises heartbeats, reconnects and flows on the one line. */
  #chain: Promise<unknown> = Promise.resolve();
  readonly #offLineClosed: (() => void) | undefined;

  constructor(bound: BoundDevice<K>, timing: SlotTiming, log: DriverLogger, onChange: () => void) {
    this.bound = bound;
    this.#timing = timing;
    this.#log = log;
    this.#onChange = onChange;
    this.#status = { kind: bound.kind, driver: bound.driverName, state: 'disconnected', messageKey: 'starting', reconnectAttempts: 0 };
    this.#offLineClosed = bound.onLineClosed?.((reason) => this.#onLineClosed(reason));
  }

  get status(): DeviceStatus {
    return this.#status;
  }

  /** First connection attempt (not counted as a reconnect). */
  start(): void {
    this.#enqueue(() => this.#connect());
  }

  /** Runs a driver call as a flow: the device shows busy meanwhile; a lost line starts reconnecting. */
  async use<T>(fn: (driver: DeviceDrivers[K]) => Promise<Result<T>>): Promise<Result<T>> {
    if (this.#closed || !this.#up) return err(new LinkError('CLOSED'));
    this.#users++;
    this.#set({ state: 'busy', messageKey: undefined });
    try {
      return await this.#enqueue(async () => {
        const r = await fn(this.bound.driver);
        if (r.ok) this.#seen();
        // Device-layer answers (no card, wrong PIN) are the flow's business; only a lost line changes the device state.
        else if (classifyError(r.error) === 'lost') await this.#lost(r.error);
        return r;
      });
    } finally {
      this.#users--;
      if (this.#users === 0 && this.#status.state === 'busy') this.#set({ state: 'ready', messageKey: undefined });
    }
  }

  /**
   * Runs a cheap read-only query (card presence) between other commands
   * without showing the device busy, so polling does not flood status
   * listeners; a lost line still starts reconnecting.
   */
  async query<T>(fn: (driver: DeviceDrivers[K]) => Promise<Result<T>>): Promise<Result<T>> {
    if (this.#closed || !this.#up) return err(new LinkError('CLOSED'));
    return this.#enqueue(async () => {
      if (this.#closed || !this.#up) return err(new LinkError('CLOSED'));
      const r = await fn(this.bound.driver);
      if (r.ok) this.#seen();
      else if (classifyError(r.error) === 'lost') await this.#lost(r.error);
      return r;
    });
  }

  /** Stops timers, waits for the command in flight, closes the line and frees the emulator (if any). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#offLineClosed?.();
    this.#clearTimer();
    await this.#chain.catch(() => undefined);
    this.#up = false;
    await this.bound.close();
    await this.bound.dispose?.();
  }

  #enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(job);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    const opened = await this.bound.open();
    if (this.#closed) return;
    if (!opened.ok) return this.#retryLater(opened.error);
    const probe = this.bound.probe ? await this.bound.probe() : ({ ok: true, note: 'noHeartbeat' } as const);
    if (this.#closed) return;
    if (!probe.ok) return this.#retryLater(probe.error);
    this.#up = true;
    this.#misses = 0;
    if (this.#status.reconnectAttempts > 0) this.#log.info('device back', { kind: this.bound.kind, attempts: this.#status.reconnectAttempts });
    this.#status = { ...this.#status, reconnectAttempts: 0 };
    this.#apply(probe);
    this.#schedule(this.#timing.heartbeatMs, () => this.#heartbeat());
  }

  async #heartbeat(): Promise<void> {
    if (this.#closed || !this.#up) return;
    const probe = this.bound.probe;
    if (!probe) return; // nothing cheap to ask: the device is judged by open and use
    if (this.#users > 0 || this.bound.busy()) {
      this.#set({ state: 'busy', messageKey: undefined });
    } else {
      const r = await probe();
      // Closed, or the line was lost meanwhile (the close event already took over).
      if (this.#closed || !this.#up) return;
      if (r.ok) {
        this.#misses = 0;
        this.#apply(r);
      } else {
        const cls = classifyError(r.error);
        if (cls === 'lost' || (cls === 'timeout' && ++this.#misses >= this.#timing.missLimit)) return this.#lost(r.error);
        if (cls === 'fault') this.#set({ state: 'fault', messageKey: messageKeyFor(r.error) });
      }
    }
    this.#schedule(this.#timing.heartbeatMs, () => this.#heartbeat());
  }

  /** The line is gone: report it, close our end, and start reconnecting. */
  async #lost(error: DriverError): Promise<void> {
    if (this.#markLost(error)) await this.#reconnectAfterLoss();
  }

  /**
   * The line closed under the driver (unplug): report it now, not at the
   * next heartbeat, then close our end and reconnect in turn on the chain.
   * Closes while the slot is down are ours (or already handled).
   */
  #onLineClosed(reason: DriverError | undefined): void {
    if (this.#closed || !this.#markLost(reason ?? new LinkError('CLOSED', { disconnected: true }))) return;
    this.#enqueue(() => this.#reconnectAfterLoss()).catch((e: unknown) =>
      this.#log.error('device job failed', { kind: this.bound.kind, error: e instanceof Error ? e.name : 'unknown' }),
    );
  }

  /** Marks the device down and says so; false if it already was. */
  #markLost(error: DriverError): boolean {
    if (!this.#up) return false;
    this.#up = false;
    this.#clearTimer();
    this.#log.warn('device lost', { kind: this.bound.kind, code: error.code, layer: error.layer });
    this.#set({ state: 'disconnected', messageKey: messageKeyFor(error) });
    return true;
  }

  async #reconnectAfterLoss(): Promise<void> {
    await this.bound.close();
    this.#scheduleReconnect();
  }

  async #retryLater(error: DriverError): Promise<void> {
    this.#log.debug('connect failed', { kind: this.bound.kind, code: error.code, layer: error.layer });
    // Let go of the port before the next attempt reopens it.
    await this.bound.close();
    if (this.#closed) return;
    this.#set({ state: this.#status.reconnectAttempts > 0 ? 'reconnecting' : 'disconnected', messageKey: messageKeyFor(error) });
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const next = this.#status.reconnectAttempts + 1;
    this.#schedule(backoffDelay(next, this.#timing.backoff), async () => {
      if (this.#closed) return;
      this.#status = { ...this.#status, reconnectAttempts: next };
      this.#set({ state: 'reconnecting', messageKey: this.#status.messageKey }, true);
      await this.#connect();
    });
  }

  #apply(probe: Extract<ProbeResult, { ok: true }>): void {
    this.#seen();
    const info = probe.info ?? this.#status.info;
    if (probe.fault) this.#set({ state: 'fault', messageKey: probe.fault, info });
    else this.#set({ state: this.#users > 0 || this.bound.busy() ? 'busy' : 'ready', messageKey: probe.note, info });
  }

  #seen(): void {
    this.#status = { ...this.#status, lastSeenAt: new Date().toISOString() };
  }

  /** Applies a change; tells the manager only when something other than lastSeenAt moved. */
  #set(patch: Patch, force = false): void {
    const prev = this.#status;
    const next: DeviceStatus = { kind: prev.kind, driver: prev.driver, state: patch.state, reconnectAttempts: prev.reconnectAttempts };
    const messageKey = 'messageKey' in patch ? patch.messageKey : prev.messageKey;
    const info = 'info' in patch ? patch.info : prev.info;
    if (messageKey !== undefined) next.messageKey = messageKey;
    if (prev.lastSeenAt !== undefined) next.lastSeenAt = prev.lastSeenAt;
    if (info !== undefined) next.info = info;
    this.#status = next;
    if (force || prev.state !== next.state || prev.messageKey !== next.messageKey || prev.info !== next.info) this.#onChange();
  }

  #schedule(ms: number, job: () => Promise<void>): void {
    this.#clearTimer();
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#enqueue(job).catch((e: unknown) => this.#log.error('device job failed', { kind: this.bound.kind, error: e instanceof Error ? e.name : 'unknown' }));
    }, ms);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
