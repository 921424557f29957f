import { EventEmitter } from 'node:events';

/** Map from event name to listener argument tuple. */
export type EventMap = Record<string, unknown[]>;

/** An EventEmitter whose event names and argument types are checked at compile time. */
export class TypedEmitter<E extends EventMap> {
  readonly #ee = new EventEmitter();

  constructor() {
    // Without a listener Node throws on 'error'; drivers report errors as events, never crash.
    this.#ee.on('error', () => undefined);
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): () => void {
    this.#ee.on(event, listener as (...args: unknown[]) => void);
    return () => this.off(event, listener);
  }

  /** Adds a listener called once. */
  once<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): void {
    this.#ee.once(event, listener as (...args: unknown[]) => void);
  }

  /** Removes a listener. */
  off<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): void {
    this.#ee.off(event, listener as (...args: unknown[]) => void);
  }

  /** Emits an event; a throwing listener propagates to the caller. */
  protected emit<K extends keyof E & string>(event: K, ...args: E[K]): void {
    this.#ee.emit(event, ...args);
  }

  /** Number of listeners for an event (for leak checks in tests). */
  listenerCount<K extends keyof E & string>(event: K): number {
    return this.#ee.listenerCount(event);
  }
}
