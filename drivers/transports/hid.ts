import { TypedEmitter } from '../core/events.js';
import { TransportError } from '../core/errors.js';
import type { Transport, TransportEvents } from './transport.js';

/** The slice of node-hid 3's HIDAsync that the transport uses (tests fake it at this level). */
export interface HidDeviceLike {
  write(values: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
}

/** Opens the HID device (default: node-hid's HIDAsync.open by path). */
export type HidOpener = () => Promise<HidDeviceLike>;

export interface HidOptions {
  open: HidOpener;
  /** Report ID prefixed to every output report and expected on input reports (0 = none on the wire for input). */
  reportId: number;
  /** Payload bytes per report after the report ID (e.g. 63 for a 64-byte report). */
  reportSize: number;
}

/**
 * Byte stream over fixed-size HID reports: each report is
 * `reportId | n | n payload bytes | zero padding`, so a stream of any length
 * crosses in ceil(len / (reportSize - 1)) reports.
 */
export class HidTransport extends TypedEmitter<TransportEvents> implements Transport {
  readonly kind = 'hid';
  readonly #opts: HidOptions;
  #dev: HidDeviceLike | undefined;

  constructor(opts: HidOptions) {
    super();
    if (opts.reportSize < 2 || opts.reportSize > 256) throw new RangeError('reportSize');
    this.#opts = opts;
  }

  get isOpen(): boolean {
    return this.#dev !== undefined;
  }

  /** Opens the device; rejects OPEN_FAILED (hidraw permission, device gone). */
  async open(): Promise<void> {
    if (this.#dev) return;
    let dev: HidDeviceLike;
    try {
      dev = await this.#opts.open();
    } catch (e) {
      throw new TransportError('OPEN_FAILED', {}, { cause: e });
    }
    this.#dev = dev;
    dev.on('data', (report: Buffer) => {
      const payload = decodeReport(report, this.#opts);
      if (payload && payload.length > 0) this.emit('data', payload);
    });
    dev.on('error', (e: Error) => {
      // node-hid reports an unplug as a read error: the device is gone.
      if (this.#dev !== dev) return;
      this.#dev = undefined;
      releaseHidDevice(dev);
      this.emit('close', new TransportError('DISCONNECTED', {}, { cause: e }));
    });
  }

  /** Closes the device; idempotent. */
  async close(): Promise<void> {
    const dev = this.#dev;
    if (!dev) return;
    this.#dev = undefined;
    releaseHidDevice(dev);
    await dev.close().catch(() => undefined);
    this.emit('close', undefined);
  }

  /** Splits bytes into reports and writes them in order; rejects NOT_OPEN or WRITE_FAILED. */
  async write(bytes: Uint8Array): Promise<void> {
    const dev = this.#dev;
    if (!dev) throw new TransportError('NOT_OPEN');
    for (const report of encodeReports(bytes, this.#opts)) {
      try {
        await dev.write(report);
      } catch (e) {
        throw new TransportError('WRITE_FAILED', {}, { cause: e });
      }
    }
  }
}

/** Stops listening to a device we let go of, but keeps swallowing its late 'error's (unheard, EventEmitter would throw them). */
export function releaseHidDevice(dev: HidDeviceLike): void {
  dev.removeAllListeners();
  dev.on('error', () => undefined);
}

/** Splits a byte stream into fixed-size output reports (reportId, count, data, padding). */
export function encodeReports(bytes: Uint8Array, opts: Pick<HidOptions, 'reportId' | 'reportSize'>): Buffer[] {
  const per = opts.reportSize - 1;
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += per) {
    const chunk = bytes.subarray(i, i + per);
    const report = Buffer.alloc(opts.reportSize + 1);
    report[0] = opts.reportId;
    report[1] = chunk.length;
    report.set(chunk, 2);
    out.push(report);
  }
  return out;
}

/** Extracts the payload of one input report; undefined for a foreign report ID or a bad count. */
export function decodeReport(report: Buffer, opts: Pick<HidOptions, 'reportId' | 'reportSize'>): Buffer | undefined {
  const body = opts.reportId === 0 ? report : report[0] === opts.reportId ? report.subarray(1) : undefined;
  if (!body || body.length < 1) return undefined;
  const n = body[0] ?? 0;
  if (n > body.length - 1 || n > opts.reportSize - 1) return undefined;
  return Buffer.from(body.subarray(1, 1 + n));
}

/** Default opener through node-hid 3's async API (loaded lazily so tests need no hidraw). */
export function nodeHidOpener(path: string): HidOpener {
  return async () => {
    const hid = await import('node-hid');
    return hid.HIDAsync.open(path);
  };
}
