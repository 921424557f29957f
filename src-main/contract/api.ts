import type { CallInput, CallName, CallOutput } from './calls.js';
import type { Result } from './errors.js';
import type { KioskEvent } from './events.js';

/** The client interface the renderer uses; both shells provide it. */
export type KioskApi = {
  [N in CallName]: (input: CallInput<N>) => Promise<Result<CallOutput<N>>>;
} & {
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: KioskEvent) => void): () => void;
};

/**
 * What the Electron preload exposes on `window.kiosk`: one function for every call (its name is
 * checked by the core) and the event subscription. The renderer turns it into a KioskApi.
 */
export interface KioskBridge {
  call(name: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}
