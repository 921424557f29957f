import { TypedEmitter } from '../core/events.js';
import { DriverError, LinkError, TransportError, err, toResult, type Result } from '../core/errors.js';
import { noopLogger, type DriverLogger } from '../core/logger.js';
import { releaseHidDevice, type HidDeviceLike, type HidOpener } from '../transports/hid.js';
import { CAMERA_TIMEOUTS } from './config.js';
import { CameraError, cameraStatusError } from './errors.js';
import { CAM_CMD, RESOLUTIONS, outReport, parseInReport, type CameraReport, type CameraStatus } from './protocol.js';

export type CameraEvents = {
  /** The capture button was pressed (the renderer grabs a still from the UVC stream). */
  button: [];
  status: [status: CameraStatus];
  disconnected: [];
};

export interface DocumentCameraOptions {
  open: HidOpener;
  logger?: DriverLogger;
  timeoutMs?: number;
}

/** Control side of a high-speed document camera over HID reports: light, resolution, auto-crop, button, status. */
export class DocumentCamera extends TypedEmitter<CameraEvents> {
  readonly #opts: DocumentCameraOptions;
  readonly #log: DriverLogger;
  #dev: HidDeviceLike | undefined;
  #pending: { match: (r: CameraReport) => boolean; done: (r: CameraReport | DriverError) => void } | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(opts: DocumentCameraOptions) {
    super();
    this.#opts = opts;
    this.#log = opts.logger ?? noopLogger;
  }

  /** Opens the HID device; TransportError OPEN_FAILED (hidraw permission, device absent). */
  open(): Promise<Result<void>> {
    return toResult(async () => {
      let dev: HidDeviceLike;
      try {
        dev = await this.#opts.open();
      } catch (e) {
        throw new TransportError('OPEN_FAILED', {}, { cause: e });
      }
      this.#dev = dev;
      dev.on('data', (r: Buffer) => this.#onReport(r));
      dev.on('error', () => {
        if (this.#dev !== dev) return;
        this.#dev = undefined;
        releaseHidDevice(dev);
        this.#pending?.done(new LinkError('CLOSED', { disconnected: true }));
        this.emit('disconnected');
      });
    });
  }

  /** Closes the device; never fails. */
  async close(): Promise<void> {
    const dev = this.#dev;
    this.#dev = undefined;
    if (!dev) return;
    releaseHidDevice(dev);
    await dev.close().catch(() => undefined);
  }

  /** Sets the document light 0..100; CameraError BAD_ARGUMENT, LinkError TIMEOUT/CLOSED. */
  setLight(level: number): Promise<Result<void>> {
    return this.#command(CAM_CMD.setLight, Math.max(0, Math.min(100, Math.round(level))));
  }

  /** Selects a capture resolution; CameraError BAD_ARGUMENT for one the camera lacks. */
  setResolution(res: (typeof RESOLUTIONS)[number]): Promise<Result<void>> {
    const index = RESOLUTIONS.indexOf(res);
    if (index < 0) return Promise.resolve(err(new CameraError('BAD_ARGUMENT')));
    return this.#command(CAM_CMD.setResolution, index);
  }

  /** Turns on-device auto-crop on or off. */
  setAutoCrop(on: boolean): Promise<Result<void>> {
    return this.#command(CAM_CMD.setAutoCrop, on ? 1 : 0);
  }

  /** Asks for a status report; LinkError TIMEOUT/CLOSED. */
  status(): Promise<Result<CameraStatus>> {
    return toResult(async () => {
      const r = await this.#exchange(CAM_CMD.getStatus, 0, (x) => x.kind === 'status');
      if (r.kind !== 'status') throw new LinkError('CORRUPT_REPLY');
      return r.status;
    });
  }

  #command(cmd: number, arg: number): Promise<Result<void>> {
    return toResult(async () => {
      const r = await this.#exchange(cmd, arg, (x) => x.kind === 'reply' && x.cmd === cmd);
      if (r.kind === 'reply' && r.status !== 0) throw cameraStatusError(r.status);
    });
  }

  #exchange(cmd: number, arg: number, match: (r: CameraReport) => boolean): Promise<CameraReport> {
    const run = this.#queue.then(
      () =>
        new Promise<CameraReport>((resolve, reject) => {
          const dev = this.#dev;
          if (!dev) {
            reject(new LinkError('CLOSED'));
            return;
          }
          const timer = setTimeout(() => this.#pending?.done(new LinkError('TIMEOUT')), this.#opts.timeoutMs ?? CAMERA_TIMEOUTS.command);
          this.#pending = {
            match,
            done: (r) => {
              clearTimeout(timer);
              this.#pending = undefined;
              if (r instanceof DriverError) reject(r);
              else resolve(r);
            },
          };
          dev.write(outReport(cmd, arg)).catch((e: unknown) => this.#pending?.done(new TransportError('WRITE_FAILED', {}, { cause: e })));
        }),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #onReport(raw: Buffer): void {
    let r: CameraReport;
    try {
      r = parseInReport(raw);
    } catch (e) {
      this.#log.debug('foreign report dropped', { code: e instanceof DriverError ? e.code : 'UNKNOWN' });
      return;
    }
    if (r.kind === 'button') this.emit('button');
    if (r.kind === 'status') this.emit('status', r.status);
    if (this.#pending?.match(r)) this.#pending.done(r);
  }
}
