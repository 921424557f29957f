import { noopLogger, type DriverLogger } from './core/logger.js';
import type { FrontEnd } from './emulator-kit/front-end.js';
import type { EmulatorHost } from './emulator-kit/host.js';
import { PinPad, type PinPadOptions } from './epp/device.js';
import { startEppMemoryEmulator } from './epp/emulator.js';
import { IdCardReader, type IdCardReaderOptions } from './idcard/device.js';
import { startIdMemoryEmulator } from './idcard/emulator.js';
import { EvolisPrinter, type EvolisPrinterOptions } from './printer/device.js';
import { startPrinterMemoryEmulator } from './printer/emulator.js';
import { SocialSecurityCardReader, type SscReaderOptions } from './ssc/device.js';
import { startSscMemoryEmulator, startSscStxMemoryEmulator } from './ssc/emulator.js';
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

/** Each driver's own options (timeouts; the card reader's wire family...), everything but the transport and logger. */
export interface DriverOptionsByKind {
  ssc: Omit<SscReaderOptions, 'transport' | 'logger'>;
  idcard: Omit<IdCardReaderOptions, 'transport' | 'logger'>;
  epp: Omit<PinPadOptions, 'transport' | 'logger'>;
  printer: Omit<EvolisPrinterOptions, 'transport' | 'logger'>;
}

/** What createDriver takes besides the port: the driver's options and its logger (default: no-op). */
export type DriverOptions<K extends keyof DriverKinds> = DriverOptionsByKind[K] & { logger?: DriverLogger };

interface MemoryEmulator {
  host: EmulatorHost;
  front: FrontEnd;
  transport: Transport;
}

const EMULATORS: { [P in keyof DriverKinds]: (o: DriverOptionsByKind[P]) => MemoryEmulator } = {
  // The emulated reader speaks the wire family the driver is told to.
  ssc: (o) => (o.framing === undefined || o.framing === 'ccid' ? startSscMemoryEmulator() : startSscStxMemoryEmulator(o.framing)),
  idcard: () => startIdMemoryEmulator(),
  epp: () => startEppMemoryEmulator(),
  printer: () => startPrinterMemoryEmulator(),
};

/** Called when the driver's line closes: `reason` is set when it was lost (unplug, peer gone), unset when it was closed by us. */
export type LineClosedListener = (reason: TransportError | undefined) => void;

/** A built driver and its line. */
export interface BuiltDriver<K extends keyof DriverKinds> {
  driver: DriverKinds[K];
  /** The emulator host (fault plan, transcript) for an `emulator` port. */
  emulator?: EmulatorHost;
  /** Subscribes to the line's close event (every close, for every reopen of the same line); returns the unsubscribe function. */
  onLineClosed(listener: LineClosedListener): () => void;
  /** Closes the driver and frees the emulator's front end, if any; idempotent, never fails. The driver is unusable afterwards. */
  dispose(): Promise<void>;
}

/**
 * Builds a driver for a configured port, so nothing above knows whether
 * the hardware is real; with `emulator` it also returns the emulator host
 * (fault plan, transcript). `options` are the driver's own (timeouts, the
 * card reader's framing) plus the logger. Throws RangeError only for
 * impossible configs.
 */
export function createDriver<K extends keyof DriverKinds>(kind: K, port: PortConfig, options: DriverOptions<K> = {} as DriverOptions<K>): BuiltDriver<K> {
  const logger = options.logger ?? noopLogger;
  let transport: Transport;
  let emu: MemoryEmulator | undefined;
  if (port.type === 'emulator') {
    emu = (EMULATORS[kind] as (o: DriverOptionsByKind[K]) => MemoryEmulator)(options);
    transport = emu.transport;
  } else {
    transport = createTransport(port);
  }
  // Timers sized by wire time follow the configured line rate unless the options say otherwise.
  const line = port.type === 'serial' ? { lineBaud: port.baudRate } : {};
  const drivers: { [P in keyof DriverKinds]: (o: DriverOptionsByKind[P]) => DriverKinds[P] } = {
    ssc: (o) => new SocialSecurityCardReader({ ...line, ...o, transport, logger }),
    idcard: (o) => new IdCardReader({ ...o, transport, logger }),
    epp: (o) => new PinPad({ ...o, transport, logger }),
    printer: (o) => new EvolisPrinter({ ...line, ...o, transport, logger }),
  };
  const driver = (drivers[kind] as (o: DriverOptionsByKind[K]) => DriverKinds[K])(options);
  const onLineClosed = (listener: LineClosedListener): (() => void) => transport.on('close', listener);
  let disposed: Promise<void> | undefined;
  const dispose = (): Promise<void> =>
    (disposed ??= (async () => {
      await driver.close();
      await emu?.front.dispose().catch(() => undefined);
    })());
  return emu ? { driver, emulator: emu.host, onLineClosed, dispose } : { driver, onLineClosed, dispose };
}
