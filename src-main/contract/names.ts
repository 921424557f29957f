// Zod-free transport names, so the Electron preload can be bundled without the schemas. The call
// names themselves are the keys of `CALLS` (calls.ts): declared once, with their schemas.

/** IPC channel of every call in the Electron shell; the call's name travels with its input. */
export const CALL_CHANNEL = 'kiosk:call';
/** IPC channel of the core → UI event stream. */
export const EVENT_CHANNEL = 'kiosk:event';
