import { DriverError, OPERATOR_MESSAGE, PrinterError, type PrinterState } from '../../drivers/index.js';

/**
 * Every `messageKey` the device manager reports; the renderer shows
 * `devices.message.<key>`. Keys name a condition, never a person or a value.
 */
export const DEVICE_MESSAGE_KEYS = [
  'starting',
  'checkedByUi',
  'noHeartbeat',
  'notConfigured',
  'unsupportedPort',
  'portNotFound',
  'portLocked',
  'openFailed',
  'disconnected',
  'noAnswer',
  'badReply',
  'deviceError',
  'notReady',
  'closed',
  // The printer driver's operator messages (OPERATOR_MESSAGE), one per printer state.
  'printer.ready',
  'printer.feederEmpty',
  'printer.ribbonEnded',
  'printer.ribbonLow',
  'printer.ribbonMissing',
  'printer.ribbonWrong',
  'printer.coverOpen',
  'printer.jam',
  'printer.hopperFull',
  'printer.headHot',
  'printer.chipEncodingFailed',
  'printer.magneticError',
  'printer.unknown',
] as const;
export type DeviceMessageKey = (typeof DEVICE_MESSAGE_KEYS)[number];

/** How an error affects the device: the line is gone, the device answered but is unwell, or nothing is known. */
export type ErrorClass = 'lost' | 'timeout' | 'fault';

/** Classifies a driver error for the state machine. */
export function classifyError(e: DriverError): ErrorClass {
  if (e.layer === 'transport') return 'lost';
  if (e.layer === 'link') return e.code === 'TIMEOUT' ? 'timeout' : e.code === 'CLOSED' ? 'lost' : 'fault';
  return 'fault';
}

const TRANSPORT_KEYS: Record<string, DeviceMessageKey> = {
  PORT_NOT_FOUND: 'portNotFound',
  PORT_LOCKED: 'portLocked',
  OPEN_FAILED: 'openFailed',
  NOT_OPEN: 'disconnected',
  DISCONNECTED: 'disconnected',
  WRITE_FAILED: 'disconnected',
};

/** Maps a typed driver error to an i18n key under `devices.message.`; codes only, never data. */
export function messageKeyFor(e: unknown): DeviceMessageKey {
  if (e instanceof PrinterError) return printerMessageKey(e.state);
  if (!(e instanceof DriverError)) return 'deviceError';
  switch (e.layer) {
    case 'transport':
      return TRANSPORT_KEYS[e.code] ?? 'disconnected';
    case 'link':
      return e.code === 'TIMEOUT' ? 'noAnswer' : e.code === 'CLOSED' ? 'disconnected' : 'badReply';
    case 'framing':
    case 'protocol':
      return 'badReply';
    case 'device':
      return e.code === 'NOT_READY' ? 'notReady' : 'deviceError';
  }
}

/** The printer driver's operator message for a state, if it is one we know (else `printer.unknown`). */
export function printerMessageKey(state: PrinterState): DeviceMessageKey {
  const key = OPERATOR_MESSAGE[state];
  return isDeviceMessageKey(key) ? key : 'printer.unknown';
}

export function isDeviceMessageKey(key: string): key is DeviceMessageKey {
  return (DEVICE_MESSAGE_KEYS as readonly string[]).includes(key);
}
