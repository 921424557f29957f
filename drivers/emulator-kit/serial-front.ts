import { SerialTransport } from '../transports/serial.js';
import type { FrontEnd } from './front-end.js';
import { PtyEnd } from './pty-end.js';
import { PtyPair } from './pty.js';

export interface SerialFrontEndOptions {
  hostLink: string;
  deviceLink: string;
  baudRate: number;
  /** Pace the line at baudRate (10 bits per byte, 8N1). Off in unit tests, on for benchmarks. */
  pacing?: boolean;
  /** Benchmark hook: bytes arrived from the host (`rx`), reached the model (`deliver`), were handed to the PTY (`tx`); counts and times only. */
  trace?: (event: 'rx' | 'deliver' | 'tx', bytes: number, at: number) => void;
}

/** Time left below which waitUntil stops trusting timers (Node timers wait whole milliseconds and fire late). */
const SPIN_MS = 1.5;

/**
 * Resolves at `t` (performance.now() ms), never before: a timer for the
 * bulk, then event-loop turns for the last stretch. A bare setTimeout
 * rounds a 0.3 ms wait up to 1 ms or more, which at 115200 baud (0.087 ms
 * a byte) would add a millisecond of false line time to every paced
 * chunk. Pacing is for benchmarks only, so the short spin is acceptable.
 */
export async function waitUntil(t: number): Promise<void> {
  for (;;) {
    const left = t - performance.now();
    if (left <= 0) return;
    await new Promise((r) => (left > SPIN_MS ? setTimeout(r, left - SPIN_MS) : setImmediate(r)));
  }
}

/**
 * Emulator end of a socat PTY pair (the driver opens the other end with
 * the real serialport binding). With pacing on, bytes from the host reach
 * the model no sooner than the wire could carry them, and replies leave at
 * line rate. The line rate is simulated: the PTY itself ignores it.
 */
export class SerialFrontEnd implements FrontEnd {
  readonly pty: PtyPair;
  readonly #opts: SerialFrontEndOptions;
  #port: PtyEnd | undefined;
  #listener: ((chunk: Buffer) => void) | undefined;
  /** When the host → device direction of the line is next free (its last byte so far has arrived). */
  #rxFree = 0;
  #rxChain: Promise<void> = Promise.resolve();
  /** When the device → host direction is next free: consecutive replies follow each other at line rate, without gaps of ours. */
  #txFree = 0;
  #txChain: Promise<void> = Promise.resolve();

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
    const port = PtyEnd.open(this.#opts.deviceLink);
    port.onData((chunk) => this.#receive(chunk));
    this.#port = port;
  }

  /** Registers the receiver of host bytes. */
  onData(listener: (chunk: Buffer) => void): void {
    this.#listener = listener;
  }

  #receive(chunk: Buffer): void {
    const trace = this.#opts.trace;
    trace?.('rx', chunk.length, performance.now());
    if (this.#opts.pacing !== true) {
      trace?.('deliver', chunk.length, performance.now());
      this.#listener?.(chunk);
      return;
    }
    // The wire is serial: this chunk finishes arriving one byte time per byte after the previous one.
    const now = performance.now();
    this.#rxFree = Math.max(this.#rxFree, now) + chunk.length * this.byteTimeMs;
    const due = this.#rxFree;
    this.#rxChain = this.#rxChain.then(async () => {
      await waitUntil(due);
      trace?.('deliver', chunk.length, performance.now());
      this.#listener?.(chunk);
    });
  }

  /**
   * Writes to the host; drops bytes while unplugged. With pacing on, each
   * chunk (about 2 ms of line) is handed to the PTY when its last byte
   * would have crossed the wire, never early, and the call resolves when
   * the last byte has crossed it. Chunk writes queue behind each other
   * instead of being awaited, so the PTY's write completion (a thread-pool
   * round trip, ~0.3 ms) does not open false gaps between answers that a
   * UART would send back to back.
   */
  async send(bytes: Buffer): Promise<void> {
    const port = this.#port;
    if (!port?.isOpen) return;
    const trace = this.#opts.trace;
    if (this.#opts.pacing !== true) {
      trace?.('tx', bytes.length, performance.now());
      await port.write(bytes).catch(() => undefined);
      return;
    }
    // The line carries one byte after another: this answer starts when the previous one has left, or now.
    const start = Math.max(this.#txFree, performance.now());
    this.#txFree = start + bytes.length * this.byteTimeMs;
    const per = Math.max(1, Math.floor(2 / this.byteTimeMs));
    for (let i = 0; i < bytes.length; i += per) {
      const end = Math.min(i + per, bytes.length);
      await waitUntil(start + end * this.byteTimeMs);
      const chunk = bytes.subarray(i, end);
      trace?.('tx', chunk.length, performance.now());
      this.#txChain = this.#txChain.then(() => port.write(chunk)).catch(() => undefined);
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
