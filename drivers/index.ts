// Public surface of the drivers library: everything the core's device
// manager may use (src-main imports drivers/ only through this file;
// `npm run check:boundaries` enforces it).
export * from './core/errors.js';
export type { DriverLogger, CreateLogger, LogFields } from './core/logger.js';
export { noopLogger } from './core/logger.js';
export type { Transport } from './transports/transport.js';
export type { PortResolver } from './transports/serial.js';
export { nodeHidOpener, type HidDeviceLike, type HidOpener } from './transports/hid.js';
export { firstExisting, byIdContaining, byVidPid, type ListedPort } from './transports/resolvers.js';
export { createDriver, createTransport, type PortConfig, type DriverKinds, type BuiltDriver, type LineClosedListener, type DriverOptions, type DriverOptionsByKind } from './factory.js';

// Social-security card reader: line settings, wire families, timeouts.
export { SocialSecurityCardReader, type SscReaderOptions, type SocialSecurityCard, type ReloadAuthorizer, type CardPresence, type SscReaderStatus } from './ssc/device.js';
export { SSC_SERIAL, SSC_TIMEOUTS, SSC_ACK_TIMEOUT, SSC_RECOVERY, SSC_STATUS_TIMEOUT, type SscFraming, type SscTimeouts } from './ssc/config.js';
export { CardError, type CardErrorCode } from './ssc/errors.js';

// Resident ID card reader.
export { IdCardReader, READ_RESTARTS, type IdCardReaderOptions, type ResidentIdCard } from './idcard/device.js';
export { ID_SERIAL, ID_TIMEOUTS, type IdTimeouts } from './idcard/config.js';
export { IdCardError, type IdCardErrorCode } from './idcard/errors.js';
export { isValidIdNumber } from './idcard/id-number.js';

// PIN pad and the host's PIN key handle.
export { PinPad, type PinPadOptions, type KeyEvent, type PinBlock, type PinEntryOptions, type PinPadStatus } from './epp/device.js';
export { EPP_SERIAL, EPP_TIMEOUTS } from './epp/config.js';
export { PinKey, PinKeyError, CARD_PIN_LENGTH, demoPinKeys, judgeNewPin, sameEntry, type PinBinding, type PinVerdict, type PadKeyLoad } from './epp/pin-key.js';
export { EppError, type EppErrorCode } from './epp/errors.js';

// Card printer.
export { EvolisPrinter, type EvolisPrinterOptions } from './printer/device.js';
export type { CardPrinter, PrintJob, PrinterStatus, SidePanels } from './printer/printer.js';
export { PANEL, PRINTER_SERIAL, PRINTER_TIMEOUTS, type PrinterTimeouts } from './printer/config.js';
export { panelBytes } from './printer/protocol.js';
export { PrinterError, OPERATOR_MESSAGE, type PrinterState, type PrinterErrorCode } from './printer/errors.js';

// Document camera.
export { DocumentCamera, type DocumentCameraOptions } from './camera/device.js';
export { CAMERA_HID, CAMERA_TIMEOUTS } from './camera/config.js';
export { CameraError } from './camera/errors.js';

// Emulators, for `npm start` on emulated devices and the operators' fault drills.
export type { EmulatorHost } from './emulator-kit/host.js';
export type { Fault, FaultRule } from './emulator-kit/faults.js';
export { FakeCameraHid } from './camera/emulator.js';
// The emulated devices' models: the demo controls (insert or pull a card, press a pad key) and demo cards.
export { SscReaderModel, DEMO_SSC_CARD, type SscCardData } from './ssc/emulator.js';
export { IdSamModel, DEMO_ID_CARD, type IdCardData } from './idcard/emulator.js';
export { EppModel } from './epp/emulator.js';
