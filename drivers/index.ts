// Public surface of the drivers library for the core's device manager.
export * from './core/errors.js';
export type { DriverLogger, CreateLogger, LogFields } from './core/logger.js';
export { noopLogger } from './core/logger.js';
export type { Transport } from './transports/transport.js';
export { firstExisting, byIdContaining, byVidPid, type ListedPort } from './transports/resolvers.js';
export { createDriver, createTransport, type PortConfig, type DriverKinds, type BuiltDriver, type LineClosedListener, type DriverOptions, type DriverOptionsByKind } from './factory.js';
export { SocialSecurityCardReader, type SocialSecurityCard, type MacProvider, type CardPresence, type SscReaderStatus } from './ssc/device.js';
export { CardError, type CardErrorCode } from './ssc/errors.js';
export { IdCardReader, type ResidentIdCard } from './idcard/device.js';
export { IdCardError, type IdCardErrorCode } from './idcard/errors.js';
export { isValidIdNumber } from './idcard/id-number.js';
export { PinPad, type KeyEvent, type PinBlock, type PinEntryOptions, type PinPadStatus } from './epp/device.js';
export { EppError, type EppErrorCode } from './epp/errors.js';
export { EvolisPrinter } from './printer/device.js';
export type { CardPrinter, PrintJob, PrinterStatus } from './printer/printer.js';
export { PrinterError, OPERATOR_MESSAGE, type PrinterState, type PrinterErrorCode } from './printer/errors.js';
export { DocumentCamera } from './camera/device.js';
export { CameraError } from './camera/errors.js';
