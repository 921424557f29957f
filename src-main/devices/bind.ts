import {
  DocumentCamera,
  EPP_SERIAL,
  ID_SERIAL,
  PRINTER_SERIAL,
  SSC_SERIAL,
  TransportError,
  byVidPid,
  createDriver,
  nodeHidOpener,
  type DriverKinds,
  type DriverLogger,
  type PortConfig,
  type PortResolver,
  type SscFraming,
} from '../../drivers/index.js';
import type { DeviceEntry, DevicePort } from '../config/schema.js';
import { EmulatedCameraSocket } from './fake-camera.js';
import { printerMessageKey } from './messages.js';
import type { BoundDevice, DriverKind, EmulatorControl, ProbeResult, StaticDevice } from './types.js';

type SerialKind = Exclude<DriverKind, 'camera' | 'docCamera'>;

/** Config kind → the drivers library's kind and default line rate. */
const SERIAL_DRIVERS = {
  cardReader: { driver: 'ssc', baudRate: SSC_SERIAL.baudRate },
  idReader: { driver: 'idcard', baudRate: ID_SERIAL.baudRate },
  pinPad: { driver: 'epp', baudRate: EPP_SERIAL.baudRate },
  cardPrinter: { driver: 'printer', baudRate: PRINTER_SERIAL.baudRate },
} as const satisfies Record<SerialKind, { driver: keyof DriverKinds; baudRate: number }>;

/** Binds one configured device to its driver, or explains (as a static status) why it cannot be driven. */
export function bindDevice(entry: DeviceEntry, logger: DriverLogger): BoundDevice | StaticDevice {
  const { kind } = entry;
  if (kind === 'camera') {
    // Face capture is the renderer's getUserMedia: the core cannot see it, the UI checks it when it opens the camera.
    return { kind, status: { kind, driver: 'browser', state: 'ready', messageKey: 'checkedByUi', reconnectAttempts: 0 } };
  }
  if (entry.driver !== 'emulator' && entry.port === undefined) {
    return { kind, status: { kind, driver: entry.driver, state: 'fault', messageKey: 'notConfigured', reconnectAttempts: 0 } };
  }
  if (kind === 'docCamera') return bindDocCamera(entry, logger);
  const { driver: driverKind, baudRate } = SERIAL_DRIVERS[kind];
  const port: PortConfig =
    entry.port === undefined
      ? { type: 'emulator' }
      : entry.port.type === 'serial'
        ? { type: 'serial', path: serialPath(entry.port), baudRate: entry.port.baudRate ?? baudRate }
        : entry.port;
  // The config's framing names must stay the drivers' (a compile error here otherwise).
  const framing: SscFraming | undefined = entry.framing;
  const built = createDriver(driverKind, port, { logger, ...(kind === 'cardReader' && framing !== undefined ? { framing } : {}) });
  const host = built.emulator;
  const emulator: EmulatorControl | undefined = host && { host, unplug: () => host.unplug(), replug: () => host.replug() };
  const common = { driverName: entry.driver, onLineClosed: built.onLineClosed, dispose: built.dispose, ...(emulator ? { emulator } : {}) };
  switch (kind) {
    case 'cardReader': {
      const driver = built.driver as DriverKinds['ssc'];
      // Slot status (CCID GetSlotStatus) asks the reader, never the card: an empty slot is a healthy reader.
      const probe = async (): Promise<ProbeResult> => {
        const r = await driver.status();
        return r.ok ? { ok: true } : r;
      };
      return { kind, driver, ...common, open: () => driver.open(), close: () => driver.close(), probe, busy: () => false };
    }
    case 'idReader': {
      const driver = built.driver as DriverKinds['idcard'];
      const probe = async (): Promise<ProbeResult> => {
        const r = await driver.samId();
        // The SAM module's ID identifies the reader, not a person.
        return r.ok ? { ok: true, info: `SAM ${r.value}` } : r;
      };
      return { kind, driver, ...common, open: () => driver.open(), close: () => driver.close(), probe, busy: () => false };
    }
    case 'pinPad': {
      const driver = built.driver as DriverKinds['epp'];
      // STATUS only reads the pad's state (RESET would end an entry): never a heartbeat's business to change it.
      const probe = async (): Promise<ProbeResult> => {
        const r = await driver.status();
        return r.ok ? { ok: true } : r;
      };
      return { kind, driver, ...common, open: () => driver.open(), close: () => driver.close(), probe, busy: () => driver.entryActive };
    }
    case 'cardPrinter': {
      const driver = built.driver as DriverKinds['printer'];
      const probe = async (): Promise<ProbeResult> => {
        const r = await driver.status();
        if (!r.ok) return r;
        const key = printerMessageKey(r.value.state);
        if (r.value.state === 'ready') return { ok: true };
        // Ribbon low still prints: a warning, not a fault.
        return r.value.state === 'ribbon-low' ? { ok: true, note: key } : { ok: true, fault: key };
      };
      return { kind, driver, ...common, open: () => driver.open(), close: () => driver.close(), probe, busy: () => false };
    }
  }
}

function bindDocCamera(entry: DeviceEntry, logger: DriverLogger): BoundDevice<'docCamera'> | StaticDevice {
  const kind = 'docCamera' as const;
  let socket: EmulatedCameraSocket | undefined;
  let driver: DocumentCamera;
  if (entry.port === undefined) {
    socket = new EmulatedCameraSocket();
    driver = new DocumentCamera({ open: socket.opener, logger });
  } else if (entry.port.type === 'hid') {
    driver = new DocumentCamera({ open: nodeHidOpener(entry.port.path), logger });
  } else {
    return { kind, status: { kind, driver: entry.driver, state: 'fault', messageKey: 'unsupportedPort', reconnectAttempts: 0 } };
  }
  const probe = async (): Promise<ProbeResult> => {
    const r = await driver.status();
    if (!r.ok) return r;
    return r.value.ready ? { ok: true } : { ok: true, fault: 'notReady' };
  };
  return {
    kind,
    driver,
    driverName: entry.driver,
    open: () => driver.open(),
    close: () => driver.close(),
    probe,
    // The driver reports a lost HID device (node-hid's read error) as 'disconnected'; its own close() emits nothing.
    onLineClosed: (listener) => driver.on('disconnected', () => listener(new TransportError('DISCONNECTED'))),
    busy: () => false,
    ...(socket ? { emulator: socket } : {}),
  };
}

export function isStatic(d: BoundDevice | StaticDevice): d is StaticDevice {
  return 'status' in d;
}

/** A fixed path, or a resolver that finds the USB port by vendor/product id at each open. */
function serialPath(port: Extract<DevicePort, { type: 'serial' }>): string | PortResolver {
  if (port.usb) {
    const { vendorId, productId, serialNumber } = port.usb;
    return byVidPid(vendorId, productId, serialNumber === undefined ? {} : { serialNumber });
  }
  // The schema guarantees one of the two.
  return port.path ?? '';
}
