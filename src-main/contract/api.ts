import type { CallInput, CallOutput } from './calls.js';
import type { CallName } from './names.js';
import type { Result } from './errors.js';
import type { KioskEvent } from './events.js';

/** The client interface the renderer uses; both shells provide it. */
export type KioskApi = {
  [N in CallName]: (input: CallInput<N>) => Promise<Result<CallOutput<N>>>;
} & {
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: KioskEvent) => void): () => void;
};

/** What the Electron preload exposes on `window.kiosk` (named functions only). */
export type KioskBridge = KioskApi;
