import { FakeCameraHid, type HidDeviceLike, type HidOpener } from '../../drivers/index.js';
import type { EmulatorControl } from './types.js';

/**
 * An emulated document camera "socket": the drivers ship a fake HID device
 * (there is no /dev/uhid) but no front end, so this plays the USB port. Each
 * open plugs a fresh fake in; unplug makes the current one report a read
 * error (if the driver still holds it) and later opens fail until replug.
 */
export class EmulatedCameraSocket implements EmulatorControl {
  current: FakeCameraHid | undefined;
  #plugged = true;

  /** The opener the DocumentCamera driver calls. */
  readonly opener: HidOpener = async (): Promise<HidDeviceLike> => {
    if (!this.#plugged) throw new Error('no such HID device');
    this.current = new FakeCameraHid();
    return this.current;
  };

  async unplug(): Promise<void> {
    this.#plugged = false;
    this.current?.unplug();
  }

  async replug(): Promise<void> {
    this.#plugged = true;
  }
}
