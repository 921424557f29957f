import { SerialTransport } from '../transports/serial.js';
import type { FrontEnd } from './front-end.js';
import { PtyPair } from './pty.js';

export interface SerialFrontEndOptions {
  hostLink: string;
  deviceLink: string;
  baudRate: number;
  /** Pace the line at baudRate (10 bits per byte, 8N1). Off in unit tests, on for benchmarks. */
  pacing?: boolean;
}

const sleepUntil = (t: number): Promise<void> => {
  const ms = t - performance.now();
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
};

/**
 * Emulator end of a socat PTY pair, opened with the real serialport
 * binding. With pacing on, bytes from the host reach the model no sooner
 * than the wire could carry them, and replies leave at line rate.
 */
export class SerialFrontEnd implements FrontEnd {
  readonly pty: PtyPair;
  readonly #opts: SerialFrontEndOptions;
  #port: SerialTransport | undefined;
  #listener: ((chunk: Buffer) => void) | undefined;
  #rxFree = 0;
  #rxChain: Promise<void> = Promise.resolve();

  constructor(opts: SerialFrontEndOptions) {
    this.#opts = opts;
    this.pty = new PtyPair({ hostLink: opts.hostLink, deviceLink: opts.deviceLink });
  }

  /** Milliseconds per byte on the configured line (10 bits at 8N1). */
  get byteTimeMs(): number {
    return (10 * 1000) / this.#opts.baudRate;
  }

  /** Starts socat and opens the device end; rejects if socat or the port fails. */
  async start(): Promise<void> {
    await this.pty.start();
    const port = new SerialTransport({ path: this.#opts.deviceLink, baudRate: this.#opts.baudRate });
    await port.open();
    port.on('data', (chunk) => this.#receive(chunk));
    this.#port = port;
  }

  /** Registers the receiver of host bytes. */
  onData(listener: (chunk: Buffer) => void): void {
    this.#listener = listener;
  }

  #receive(chunk: Buffer): void {
    if (this.#opts.pacing !== true) {
      this.#listener?.(chunk);
      return;
    }
    // The wire is serial: this chunk finishes arriving one byte time per byte after the previous one.
    const now = performance.now();
    this.#rxFree = Math.max(this.#rxFree, now) + chunk.length * this.byteTimeMs;
    const due = this.#rxFree;
    this.#rxChain = this.#rxChain.then(async () => {
      await sleepUntil(due);
      this.#listener?.(chunk);
    });
  }

  /** Writes to the host, paced at line rate if pacing is on; drops bytes while unplugged. */
  async send(bytes: Buffer): Promise<void> {
    const port = this.#port;
    if (!port?.isOpen) return;
    if (this.#opts.pacing !== true) {
      await port.write(bytes).catch(() => undefined);
      return;
    }
    const start = performance.now();
    const per = Math.max(1, Math.floor(2 / this.byteTimeMs)); // about 2 ms of line per write
    // Each chunk is released when its last byte would have crossed the wire: never early.
    for (let i = 0; i < bytes.length; i += per) {
      const end = Math.min(i + per, bytes.length);
      await sleepUntil(start + end * this.byteTimeMs);
      await port.write(bytes.subarray(i, end)).catch(() => undefined);
    }
  }

  /** Closes the device end and kills socat: the host port gets a disconnect. */
  async unplug(): Promise<void> {
    const port = this.#port;
    this.#port = undefined;
    await port?.close();
    await this.pty.kill();
  }

  /** Starts a new socat on the same link paths and reopens the device end. */
  async replug(): Promise<void> {
    await this.start();
  }

  /** Unplugs and frees everything. */
  async dispose(): Promise<void> {
    await this.unplug();
  }
}

/** Opens the host link with a lock, as another process holding the port would; returns the release function. */
export async function holdPortLock(path: string): Promise<() => Promise<void>> {
  const holder = new SerialTransport({ path, baudRate: 9600 });
  await holder.open();
  return () => holder.close();
}
