import type { DocumentCamera, DriverError, EmulatorHost, EvolisPrinter, IdCardReader, PinPad, SocialSecurityCardReader } from '../../drivers/index.js';
import type { DeviceStatus } from '../contract/ops.js';
import type { DeviceMessageKey } from './messages.js';

/** The driver object behind each device kind (`camera` is the renderer's getUserMedia: no driver here). */
export interface DeviceDrivers {
  cardReader: SocialSecurityCardReader;
  idReader: IdCardReader;
  pinPad: PinPad;
  cardPrinter: EvolisPrinter;
  docCamera: DocumentCamera;
  camera: null;
}
export type DriverKind = keyof DeviceDrivers;

/** What a cheap status command found: the device answered, and is well (`fault` unset) or not. */
export type ProbeResult =
  | { ok: true; fault?: DeviceMessageKey; note?: DeviceMessageKey; info?: string }
  | { ok: false; error: DriverError };

/** Test handle on an emulated device: pull and put back its cable. */
export interface EmulatorControl {
  /** The emulator host (fault plan, transcript) for the serial-style devices. */
  readonly host?: EmulatorHost;
  unplug(): Promise<void>;
  replug(): Promise<void>;
}

/** A configured device bound to its driver, with the few verbs the manager needs. */
export interface BoundDevice<K extends DriverKind = DriverKind> {
  readonly kind: K;
  readonly driverName: DeviceStatus['driver'];
  readonly driver: DeviceDrivers[K];
  /** Opens the line (and whatever handshake the driver does on open). */
  open(): Promise<{ ok: true } | { ok: false; error: DriverError }>;
  /** Closes the line; never fails. */
  close(): Promise<void>;
  /** Frees what outlives a close (the emulator's front end); called once, when the manager closes. */
  dispose?: () => Promise<void>;
  /** A cheap status command; absent when the driver offers none (the device is then judged by open and use). */
  probe?: () => Promise<ProbeResult>;
  /**
   * Subscribes to the line closing under the driver (unplug, peer gone), so
   * a loss is seen at once rather than at the next heartbeat; `reason` is
   * unset when the close was ours. Returns the unsubscribe function.
   */
  onLineClosed?: (listener: (reason: DriverError | undefined) => void) => () => void;
  /** True while the driver itself is in a long operation the heartbeat must not disturb (e.g. PIN entry). */
  busy(): boolean;
  /** Present for emulated devices. */
  readonly emulator?: EmulatorControl;
}

/** A device the manager reports but does not drive: the browser camera, or a port we cannot use. */
export interface StaticDevice {
  readonly kind: DriverKind;
  readonly status: DeviceStatus;
}
