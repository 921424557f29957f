import { noopLogger, type DriverLogger } from './core/logger.js';
import type { EmulatorHost } from './emulator-kit/host.js';
import { PinPad } from './epp/device.js';
import { startEppMemoryEmulator } from './epp/emulator.js';
import { IdCardReader } from './idcard/device.js';
import { startIdMemoryEmulator } from './idcard/emulator.js';
import { EvolisPrinter } from './printer/device.js';
import { startPrinterMemoryEmulator } from './printer/emulator.js';
import { SocialSecurityCardReader } from './ssc/device.js';
import { startSscMemoryEmulator } from './ssc/emulator.js';
import { HidTransport, nodeHidOpener } from './transports/hid.js';
import { SerialTransport, type PortResolver } from './transports/serial.js';
import { TcpTransport } from './transports/tcp.js';
import type { Transport } from './transports/transport.js';
import type { TransportError } from './core/errors.js';

/** Where a device is reached, from configuration. `emulator` runs the in-memory emulator (the `npm start` default). */
export type PortConfig =
  | { type: 'serial'; path: string | PortResolver; baudRate: number }
  | { type: 'tcp'; host: string; port: number }
  | { type: 'hid'; path: string; reportId: number; reportSize: number }
  | { type: 'emulator' };

/** Builds the transport for a real port; throws RangeError for 'emulator' (use createDriver). */
export function createTransport(port: PortConfig): Transport {
  switch (port.type) {
    case 'serial':
      return new SerialTransport({ path: port.path, baudRate: port.baudRate });
    case 'tcp':
      return new TcpTransport({ host: port.host, port: port.port });
    case 'hid':
      return new HidTransport({ open: nodeHidOpener(port.path), reportId: port.reportId, reportSize: port.reportSize });
    case 'emulator':
      throw new RangeError('emulator ports have no standalone transport');
  }
}

/** Driver class per device kind. */
export interface DriverKinds {
  ssc: SocialSecurityCardReader;
  idcard: IdCardReader;
  epp: PinPad;
  printer: EvolisPrinter;
}

const EMULATORS = {
  ssc: startSscMemoryEmulator,
  idcard: startIdMemoryEmulator,
  epp: startEppMemoryEmulator,
  printer: startPrinterMemoryEmulator,
} as const;

/** Called when the driver's line closes: `reason` is set when it was lost (unplug, peer gone), unset when it was closed by us. */
export type LineClosedListener = (reason: TransportError | undefined) => void;

/** A built driver and its line. */
export interface BuiltDriver<K extends keyof DriverKinds> {
  driver: DriverKinds[K];
  /** The emulator host (fault plan, transcript) for an `emulator` port. */
  emulator?: EmulatorHost;
  /** Subscribes to the line's close event (every close, for every reopen of the same line); returns the unsubscribe function. */
  onLineClosed(listener: LineClosedListener): () => void;
}

/**
 * Builds a driver for a configured port, so nothing above knows whether
 * the hardware is real; with `emulator` it also returns the emulator host
 * (fault plan, transcript). Throws RangeError only for impossible configs.
 */
export function createDriver<K extends keyof DriverKinds>(kind: K, port: PortConfig, logger: DriverLogger = noopLogger): BuiltDriver<K> {
  let transport: Transport;
  let emulator: EmulatorHost | undefined;
  if (port.type === 'emulator') {
    const emu = EMULATORS[kind]();
    transport = emu.transport;
    emulator = emu.host;
  } else {
    transport = createTransport(port);
  }
  const drivers: { [P in keyof DriverKinds]: () => DriverKinds[P] } = {
    ssc: () => new SocialSecurityCardReader({ transport, logger }),
    idcard: () => new IdCardReader({ transport, logger }),
    epp: () => new PinPad({ transport, logger }),
    printer: () => new EvolisPrinter({ transport, logger }),
  };
  const driver = drivers[kind]() as DriverKinds[K];
  const onLineClosed = (listener: LineClosedListener): (() => void) => transport.on('close', listener);
  return emulator ? { driver, emulator, onLineClosed } : { driver, onLineClosed };
}
