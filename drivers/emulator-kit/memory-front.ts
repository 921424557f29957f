import { createMemoryPair, type MemoryTransport } from '../transports/memory.js';
import type { FrontEnd } from './front-end.js';

/** In-memory front end: the host side is a MemoryTransport the driver opens. */
export class MemoryFrontEnd implements FrontEnd {
  readonly host: MemoryTransport;
  readonly #dev: MemoryTransport;
  #listener: ((chunk: Buffer) => void) | undefined;

  constructor() {
    [this.host, this.#dev] = createMemoryPair();
    this.#dev.on('data', (c) => this.#listener?.(c));
    void this.#dev.open();
  }

  /** Registers the receiver of host bytes. */
  onData(listener: (chunk: Buffer) => void): void {
    this.#listener = listener;
  }

  /** Sends to the host end; silently drops when unplugged (like a dead wire). */
  async send(bytes: Buffer): Promise<void> {
    if (this.#dev.isOpen) await this.#dev.write(bytes);
  }

  /** The host end closes with DISCONNECTED. */
  async unplug(): Promise<void> {
    this.host.drop();
    await this.#dev.close();
  }

  /** The device end comes back; the driver reopens its end. */
  async replug(): Promise<void> {
    await this.#dev.open();
  }

  /** Closes both ends. */
  async dispose(): Promise<void> {
    await this.host.close();
    await this.#dev.close();
  }
}
