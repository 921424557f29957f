import { Socket } from 'node:net';
import { TypedEmitter } from '../core/events.js';
import { TransportError } from '../core/errors.js';
import type { Transport, TransportEvents } from './transport.js';

export interface TcpOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

/** A raw TCP byte stream to a ser2net-style serial server (no telnet/RFC 2217 negotiation). */
export class TcpTransport extends TypedEmitter<TransportEvents> implements Transport {
  readonly kind = 'tcp';
  readonly #opts: TcpOptions;
  #socket: Socket | undefined;

  constructor(opts: TcpOptions) {
    super();
    this.#opts = opts;
  }

  get isOpen(): boolean {
    return this.#socket !== undefined && !this.#socket.destroyed;
  }

  /** Connects; rejects OPEN_FAILED on refusal or after connectTimeoutMs (default 3000). */
  async open(): Promise<void> {
    if (this.isOpen) return;
    const socket = new Socket();
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportError('OPEN_FAILED', { timeout: true }));
      }, this.#opts.connectTimeoutMs ?? 3000);
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new TransportError('OPEN_FAILED', {}, { cause: e }));
      });
      socket.connect(this.#opts.port, this.#opts.host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve();
      });
    });
    this.#socket = socket;
    socket.on('data', (chunk) => this.emit('data', chunk));
    socket.on('error', (e) => this.emit('error', new TransportError('DISCONNECTED', {}, { cause: e })));
    socket.on('close', () => {
      const ours = this.#socket !== socket;
      this.#socket = undefined;
      this.emit('close', ours ? undefined : new TransportError('DISCONNECTED'));
    });
  }

  /** Closes the socket; idempotent. */
  async close(): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = undefined;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }

  /** Writes bytes; rejects NOT_OPEN or WRITE_FAILED. */
  async write(bytes: Uint8Array): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.destroyed) throw new TransportError('NOT_OPEN');
    await new Promise<void>((resolve, reject) =>
      socket.write(bytes, (e) => (e ? reject(new TransportError('WRITE_FAILED', {}, { cause: e })) : resolve())),
    );
  }
}
