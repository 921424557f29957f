/**
 * Runs async jobs one at a time, in call order. Each device holds one, so
 * two callers can never interleave the exchanges of their operations (a
 * VERIFY in the middle of a card read, a status query inside a print job).
 */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` once every earlier job has settled; settles as `fn` does (an earlier failure does not block it). */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
