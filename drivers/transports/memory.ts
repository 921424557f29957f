import { TypedEmitter } from '../core/events.js';
import { TransportError } from '../core/errors.js';
import type { Transport, TransportEvents } from './transport.js';

/** One end of an in-memory pair; `disconnect()` simulates an unplug seen from both ends. */
export class MemoryTransport extends TypedEmitter<TransportEvents> implements Transport {
  readonly kind = 'memory';
  #open = false;
  peer: MemoryTransport | undefined;

  get isOpen(): boolean {
    return this.#open;
  }

  /** Opens this end; never fails. */
  async open(): Promise<void> {
    this.#open = true;
  }

  /** Closes this end only. */
  async close(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    this.emit('close', undefined);
  }

  /** Delivers bytes to the peer on a later tick (like a real port); rejects NOT_OPEN when closed. */
  async write(bytes: Uint8Array): Promise<void> {
    if (!this.#open) throw new TransportError('NOT_OPEN');
    const copy = Buffer.from(bytes);
    const peer = this.peer;
    setImmediate(() => {
      if (peer?.isOpen === true && this.#open) peer.deliver(copy);
    });
  }

  /** Simulates losing the device: this end closes with DISCONNECTED. */
  drop(): void {
    if (!this.#open) return;
    this.#open = false;
    this.emit('close', new TransportError('DISCONNECTED'));
  }

  private deliver(chunk: Buffer): void {
    this.emit('data', chunk);
  }
}

/** Creates two connected in-memory transports (host end, device end). */
export function createMemoryPair(): [host: MemoryTransport, device: MemoryTransport] {
  const a = new MemoryTransport();
  const b = new MemoryTransport();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
