import type { TypedEmitter } from '../core/events.js';
import type { TransportError } from '../core/errors.js';

/** Events every transport emits. `close` carries an error when the channel was lost rather than closed by us. */
export type TransportEvents = {
  data: [chunk: Buffer];
  close: [reason: TransportError | undefined];
  error: [error: TransportError];
};

/** A byte channel to one device: serial, TCP, HID or in-memory. */
export interface Transport extends Pick<TypedEmitter<TransportEvents>, 'on' | 'once' | 'off'> {
  /** Human-readable kind for logs ("serial", "tcp"...). Never a personal value. */
  readonly kind: string;
  readonly isOpen: boolean;
  /** Opens the channel; rejects with a TransportError (PORT_LOCKED, PORT_NOT_FOUND, OPEN_FAILED). */
  open(): Promise<void>;
  /** Closes the channel; idempotent; emits `close` with no reason. */
  close(): Promise<void>;
  /** Writes bytes; rejects with NOT_OPEN or WRITE_FAILED. */
  write(bytes: Uint8Array): Promise<void>;
}
