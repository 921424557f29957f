// Public surface of the device manager for the core and its flows.
export { DeviceManager, DEFAULT_TIMING, type DeviceManagerOptions, type CardReaderKind, type CardPresenceState } from './manager.js';
export type { SlotTiming } from './device-slot.js';
export type { BackoffPolicy } from './backoff.js';
export { backoffDelay } from './backoff.js';
export { DEVICE_MESSAGE_KEYS, messageKeyFor, type DeviceMessageKey } from './messages.js';
export type { DeviceDrivers, DriverKind, EmulatorControl } from './types.js';
export { processStill, StillError, type StillOptions, type StillResult } from './still.js';
export { applyDemoAction, emptyDemoReaders } from './demo-control.js';
export { DEMO_CARDS, DEMO_CARD_PIN, type DemoCards } from './demo-cards.js';
