import { SerialPort } from 'serialport';
import { TypedEmitter } from '../core/events.js';
import { TransportError } from '../core/errors.js';
import type { Transport, TransportEvents } from './transport.js';

/** Finds the device path at open time (SerialPort.list() does not show PTYs, so it is injectable). */
export type PortResolver = () => Promise<string>;

export interface SerialOptions {
  /** A fixed path (prefer /dev/serial/by-id/...) or a resolver called on every open. */
  path: string | PortResolver;
  baudRate: number;
  /** Exclusive lock (default true): a second open fails with PORT_LOCKED. */
  lock?: boolean;
}

/** Maps a serialport open error to a typed code by its (stable, non-personal) message. */
export function classifyOpenError(e: unknown): TransportError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/Cannot lock port/i.test(msg)) return new TransportError('PORT_LOCKED', {}, { cause: e });
  if (/ENOENT|No such file/i.test(msg)) return new TransportError('PORT_NOT_FOUND', {}, { cause: e });
  return new TransportError('OPEN_FAILED', {}, { cause: e });
}

/** A serial port through the real serialport binding (works on PTYs; modem lines are never touched). */
export class SerialTransport extends TypedEmitter<TransportEvents> implements Transport {
  readonly kind = 'serial';
  readonly #opts: SerialOptions;
  #port: SerialPort | undefined;
  /** Ports this transport was asked to close: their close is not a disconnection. */
  readonly #closing = new Set<SerialPort>();

  constructor(opts: SerialOptions) {
    super();
    this.#opts = opts;
  }

  get isOpen(): boolean {
    return this.#port?.isOpen === true;
  }

  /** Resolves the path and opens it; rejects PORT_LOCKED, PORT_NOT_FOUND or OPEN_FAILED. */
  async open(): Promise<void> {
    if (this.isOpen) return;
    let path: string;
    try {
      path = typeof this.#opts.path === 'string' ? this.#opts.path : await this.#opts.path();
    } catch (e) {
      throw new TransportError('PORT_NOT_FOUND', {}, { cause: e });
    }
    const port = new SerialPort({ path, baudRate: this.#opts.baudRate, autoOpen: false, lock: this.#opts.lock ?? true, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(classifyOpenError(e)) : resolve())));
    this.#port = port;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('error', (e: Error) => this.emit('error', new TransportError('WRITE_FAILED', {}, { cause: e })));
    port.on('close', (e: (Error & { disconnected?: boolean }) | null) => {
      if (this.#port === port) this.#port = undefined;
      // Any close we did not ask for is the device going away. serialport flags a disconnect found by
      // a read; one found by a failed write (first, under load) closes without the flag.
      const ours = this.#closing.delete(port);
      this.emit('close', ours && e?.disconnected !== true ? undefined : new TransportError('DISCONNECTED', {}, { cause: e }));
    });
  }

  /** Closes the port; idempotent. */
  async close(): Promise<void> {
    const port = this.#port;
    if (!port?.isOpen) return;
    this.#closing.add(port);
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  /** Writes and waits for the OS to take the bytes; rejects NOT_OPEN or WRITE_FAILED. */
  async write(bytes: Uint8Array): Promise<void> {
    const port = this.#port;
    if (!port?.isOpen) throw new TransportError('NOT_OPEN');
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (e) => (e ? reject(new TransportError('WRITE_FAILED', {}, { cause: e })) : resolve()));
    });
    await new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(new TransportError('WRITE_FAILED', {}, { cause: e })) : resolve())));
  }
}
