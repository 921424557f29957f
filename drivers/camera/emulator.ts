import { EventEmitter } from 'node:events';
import type { HidDeviceLike } from '../transports/hid.js';
import { BUTTON, CAM_CMD, IN_ID, REPORT_SIZE, RESOLUTIONS, STATUS } from './protocol.js';

/** Faults the fake camera can inject. */
export type CameraFault = 'drop' | 'refuse' | 'garbage';

/**
 * A fake document camera at the HID-device level (there is no /dev/uhid):
 * implements node-hid's HIDAsync surface the driver uses. Tests press the
 * button, unplug it, and queue faults.
 */
export class FakeCameraHid extends EventEmitter implements HidDeviceLike {
  light = 0;
  resolution = 0;
  autoCrop = false;
  ready = true;
  presses = 0;
  closed = false;
  /** Set by unplug(): the device is gone for good (a replug is a new device). */
  unplugged = false;
  readonly written: Buffer[] = [];
  readonly faults: CameraFault[] = [];

  /** Receives an output report and answers on a later tick, like hidraw. */
  async write(values: number[] | Buffer): Promise<number> {
    if (this.closed) throw new Error('device closed');
    const r = Buffer.from(values);
    this.written.push(r);
    const fault = this.faults.shift();
    if (fault === 'drop') return r.length;
    if (fault === 'garbage') this.#input([0x07, 0xff, 0xff]);
    const [cmd, arg] = [r[1] ?? 0, r[2] ?? 0];
    let status = fault === 'refuse' ? 1 : 0;
    if (status === 0) {
      if (cmd === CAM_CMD.setLight) this.light = arg;
      else if (cmd === CAM_CMD.setResolution) {
        if (arg < RESOLUTIONS.length) this.resolution = arg;
        else status = 2;
      } else if (cmd === CAM_CMD.setAutoCrop) this.autoCrop = arg === 1;
      else if (cmd === CAM_CMD.getStatus) {
        this.#input([STATUS, this.light, this.resolution, this.autoCrop ? 1 : 0, this.ready ? 1 : 0]);
        return r.length;
      } else status = 1;
    }
    this.#input([0x80 | cmd, status]);
    return r.length;
  }

  /** The operator presses the capture button. */
  pressButton(): void {
    this.presses++;
    this.#input([BUTTON, this.presses & 0xff]);
  }

  /**
   * The camera is unplugged: node-hid reports a read error on a device
   * that is still open. A device the driver already closed has stopped
   * reading and reports nothing, and with no 'error' listener nothing is
   * emitted either (EventEmitter would throw it). Idempotent.
   */
  unplug(): void {
    if (this.unplugged) return;
    this.unplugged = true;
    const wasOpen = !this.closed;
    this.closed = true;
    if (wasOpen && this.listenerCount('error') > 0) this.emit('error', new Error('could not read from HID device'));
  }

  /** Closes the fake. */
  async close(): Promise<void> {
    this.closed = true;
  }

  #input(bytes: number[]): void {
    const report = Buffer.alloc(REPORT_SIZE + 1);
    report[0] = IN_ID;
    report.set(bytes, 1);
    setImmediate(() => {
      if (!this.closed) this.emit('data', report);
    });
  }
}
