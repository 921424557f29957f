import { LinkError, err, type DriverLogger, type Result } from '../../drivers/index.js';
import type { DeviceEntry } from '../config/schema.js';
import type { DeviceStatus } from '../contract/ops.js';
import type { DeviceStatusSource } from '../core/ops-sources.js';
import { createLogger } from '../logs/logger.js';
import { bindDevice, isStatic } from './bind.js';
import { DeviceSlot, type SlotTiming } from './device-slot.js';
import type { DeviceDrivers, DriverKind, EmulatorControl, StaticDevice } from './types.js';

export interface DeviceManagerOptions {
  devices: readonly DeviceEntry[];
  timing?: Partial<SlotTiming>;
  /** Named loggers for the manager and each driver (default: the core's redacting logger). */
  createLogger?: (name: string) => DriverLogger;
}

export const DEFAULT_TIMING: SlotTiming = {
  heartbeatMs: 10_000,
  backoff: { baseMs: 1_000, maxMs: 60_000 },
  missLimit: 2,
};

/** The readers a flow waits on for a card. */
export type CardReaderKind = 'cardReader' | 'idReader';
/** What a card watch reports. */
export type CardPresenceState = 'present' | 'absent' | 'unavailable';

/** Logger names per kind, as the drivers README asks (`createLogger('card-reader')`). */
const LOGGER_NAMES: Record<DriverKind, string> = {
  cardReader: 'card-reader',
  idReader: 'id-reader',
  pinPad: 'pin-pad',
  cardPrinter: 'card-printer',
  docCamera: 'doc-camera',
  camera: 'camera',
};

/**
 * Binds each configured device to its driver (emulators unless a port is
 * configured), keeps each one's state with heartbeats and reconnects, and
 * tells listeners on every transition. It is the core's DeviceStatusSource;
 * flows reach the drivers through `use()` (or `driver()` for events).
 */
export class DeviceManager implements DeviceStatusSource {
  readonly #slots = new Map<DriverKind, DeviceSlot>();
  readonly #static = new Map<DriverKind, StaticDevice>();
  readonly #order: DriverKind[] = [];
  readonly #listeners = new Set<(devices: DeviceStatus[]) => void>();
  readonly #log: DriverLogger;
  #started = false;
  #closed: Promise<void> | undefined;

  constructor(opts: DeviceManagerOptions) {
    const make = opts.createLogger ?? createLogger;
    this.#log = make('device-manager');
    const timing = { ...DEFAULT_TIMING, ...opts.timing };
    for (const entry of opts.devices) {
      if (this.#order.includes(entry.kind)) {
        this.#log.warn('device configured twice; the first entry wins', { kind: entry.kind });
        continue;
      }
      this.#order.push(entry.kind);
      const bound = bindDevice(entry, make(LOGGER_NAMES[entry.kind]));
      if (isStatic(bound)) this.#static.set(entry.kind, bound);
      else this.#slots.set(entry.kind, new DeviceSlot(bound, timing, this.#log, () => this.#changed()));
    }
  }

  /** Opens every device in the background; states arrive through onChange. */
  start(): void {
    if (this.#started || this.#closed) return;
    this.#started = true;
    for (const slot of this.#slots.values()) slot.start();
  }

  list(): DeviceStatus[] {
    return this.#order.map((kind) => this.#slots.get(kind)?.status ?? this.#static.get(kind)?.status).filter((s) => s !== undefined);
  }

  onChange(listener: (devices: DeviceStatus[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The driver for a configured device (for event subscriptions); prefer `use()` for commands. */
  driver<K extends DriverKind>(kind: K): DeviceDrivers[K] | undefined {
    return this.#slots.get(kind)?.bound.driver as DeviceDrivers[K] | undefined;
  }

  /** Runs a flow's driver call; the device shows busy meanwhile and a lost line starts reconnecting. */
  use<K extends Exclude<DriverKind, 'camera'>, T>(kind: K, fn: (driver: DeviceDrivers[K]) => Promise<Result<T>>): Promise<Result<T>> {
    const slot = this.#slots.get(kind) as DeviceSlot<K> | undefined;
    return slot ? slot.use(fn) : Promise.resolve(err(new LinkError('CLOSED')));
  }

  /**
   * Watches a reader for a card coming and going while a flow waits on it:
   * polls the reader's cheap presence query (card reader slot status, ID
   * reader FIND) every `intervalMs` and tells `listener` on each change
   * (the first answer included); `unavailable` while the reader is down.
   * Returns the stop function.
   */
  watchCard(kind: CardReaderKind, listener: (presence: CardPresenceState) => void, intervalMs = 250): () => void {
    let stopped = false;
    let last: CardPresenceState | undefined;
    let timer: NodeJS.Timeout | undefined;
    const slot = this.#slots.get(kind) as DeviceSlot<CardReaderKind> | undefined;
    const poll = async (): Promise<void> => {
      let state: CardPresenceState = 'unavailable';
      if (slot) {
        const r =
          kind === 'cardReader'
            ? await (slot as DeviceSlot<'cardReader'>).query(async (d) => {
                const s = await d.status();
                return s.ok ? { ok: true as const, value: s.value.card !== 'absent' } : s;
              })
            : await (slot as DeviceSlot<'idReader'>).query((d) => d.findCard());
        state = r.ok ? (r.value ? 'present' : 'absent') : 'unavailable';
      }
      if (stopped) return;
      if (state !== last) {
        last = state;
        try {
          listener(state);
        } catch (e) {
          this.#log.error('card watch listener threw', { error: e instanceof Error ? e.name : 'unknown' });
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }

  /** The emulator's cable, for tests and the demo (undefined for real hardware). */
  emulator(kind: DriverKind): EmulatorControl | undefined {
    return this.#slots.get(kind)?.bound.emulator;
  }

  /** Stops heartbeats and reconnects and closes every line; idempotent. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#listeners.clear();
      await Promise.all([...this.#slots.values()].map((s) => s.close()));
    })();
    return this.#closed;
  }

  #changed(): void {
    const devices = this.list();
    for (const listener of this.#listeners) {
      try {
        listener(devices);
      } catch (e) {
        this.#log.error('device listener threw', { error: e instanceof Error ? e.name : 'unknown' });
      }
    }
  }
}
