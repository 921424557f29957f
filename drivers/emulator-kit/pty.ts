import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface PtyPairOptions {
  /** Link the driver opens (A). */
  hostLink: string;
  /** Link the emulator opens (B). */
  deviceLink: string;
  socat?: string;
  /** Give up waiting for the links after this long (default 5000 ms). */
  readyTimeoutMs?: number;
}

/** A socat PTY pair with stable link paths; kill() is an unplug, start() again a replug on the same paths. */
export class PtyPair {
  readonly opts: PtyPairOptions;
  #proc: ChildProcess | undefined;

  constructor(opts: PtyPairOptions) {
    this.opts = opts;
  }

  get running(): boolean {
    return this.#proc !== undefined;
  }

  /** Starts socat and resolves once both link paths exist; rejects if socat exits or the links never appear. */
  async start(): Promise<void> {
    if (this.#proc) return;
    const { hostLink, deviceLink } = this.opts;
    const proc = spawn(this.opts.socat ?? 'socat', [`pty,raw,echo=0,link=${hostLink}`, `pty,raw,echo=0,link=${deviceLink}`], {
      stdio: 'ignore',
    });
    this.#proc = proc;
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      if (this.#proc === proc) this.#proc = undefined;
    });
    const deadline = Date.now() + (this.opts.readyTimeoutMs ?? 5000);
    // Poll for the state we need (both links present), not a fixed sleep.
    while (!(existsSync(hostLink) && existsSync(deviceLink))) {
      if (exited) throw new Error('socat exited before creating the PTY links');
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error('socat did not create the PTY links in time');
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Kills socat and waits for it to exit (its links disappear with it). */
  async kill(): Promise<void> {
    const proc = this.#proc;
    if (!proc) return;
    this.#proc = undefined;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  }
}
