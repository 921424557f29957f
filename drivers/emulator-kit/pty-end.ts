import { constants, openSync, closeSync } from 'node:fs';
import tty from 'node:tty';

/**
 * The emulator's end of a PTY pair, opened as a plain tty stream: libuv
 * reads and writes it from the event loop, with no thread-pool hop per
 * read and write (the serialport binding takes one each way, ~0.1 ms
 * apiece). The emulator stands for a device's UART, which adds no OS
 * latency; the driver's end keeps the real serialport binding.
 */
export class PtyEnd {
  readonly #rs: tty.ReadStream;
  readonly #ws: tty.WriteStream;
  #open = true;

  private constructor(rs: tty.ReadStream, ws: tty.WriteStream) {
    this.#rs = rs;
    this.#ws = ws;
    // The host side vanishing (socat killed) ends the stream with EIO: that is an unplug, not a crash.
    rs.on('error', () => this.#end());
    ws.on('error', () => this.#end());
    rs.on('end', () => this.#end());
  }

  /** Opens `path` raw (no echo, no line discipline); throws the OS error if it cannot. */
  static open(path: string): PtyEnd {
    const fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
    let rs: tty.ReadStream;
    try {
      rs = new tty.ReadStream(fd);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    rs.setRawMode(true);
    return new PtyEnd(rs, new tty.WriteStream(fd));
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Registers a receiver of bytes from the host. */
  onData(listener: (chunk: Buffer) => void): void {
    this.#rs.on('data', (c: Buffer | string) => listener(typeof c === 'string' ? Buffer.from(c, 'latin1') : c));
  }

  /** Writes bytes; resolves when libuv has handed them to the PTY, or at once if closed. */
  write(bytes: Uint8Array): Promise<void> {
    if (!this.#open) return Promise.resolve();
    return new Promise((resolve) => this.#ws.write(bytes, () => resolve()));
  }

  /** Closes both streams (and the descriptor); idempotent. */
  async close(): Promise<void> {
    this.#end();
  }

  #end(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#rs.destroy();
    this.#ws.destroy();
  }
}
