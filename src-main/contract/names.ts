// Zod-free list of call and event names, so the Electron preload can be bundled without the schemas.

/** Every call the UI can make to the core. */
export const CALL_NAMES = [
  'getTerminalInfo',
  'getCatalog',
  'startSession',
  'endSession',
  'getSettings',
  'updateSettings',
  'getIdlePolicy',
  'getHealth',
  'adminLogin',
  'adminLogout',
  'rendererReady',
  'getDeviceStatus',
  'getQueueStatus',
  'listDeadLetters',
  'retryDeadLetter',
  'discardDeadLetter',
  'submitRating',
  'startFlow',
  'flowAction',
  'cancelFlow',
  'demoDevice',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

/** IPC channel of a call in the Electron shell. */
export const ipcChannel = (name: CallName): string => `kiosk:call:${name}`;
/** IPC channel of the core → UI event stream. */
export const EVENT_CHANNEL = 'kiosk:event';

export const isCallName = (value: unknown): value is CallName =>
  typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
