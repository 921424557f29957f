import type { KioskEvent } from '../contract/events.js';

/** Core → UI events, held back until the renderer says it is ready, then delivered in order. */
export class EventQueue {
  private readonly pending: KioskEvent[] = [];
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  private ready = false;

  constructor(private readonly maxPending = 200) {}

  emit(event: KioskEvent): void {
    if (!this.ready) {
      this.pending.push(event);
      // Old events are worth less than new ones; keep the queue bounded.
      if (this.pending.length > this.maxPending) this.pending.shift();
      return;
    }
    for (const listener of this.listeners) listener(event);
  }

  /** Adds a delivery target (a window or a socket); returns its removal. */
  subscribe(listener: (event: KioskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The renderer is ready: flush what was queued. */
  markReady(): void {
    this.ready = true;
    const queued = this.pending.splice(0);
    for (const event of queued) for (const listener of this.listeners) listener(event);
  }

  /** The renderer went away (reload, crash): queue again until it is ready. */
  markNotReady(): void {
    this.ready = false;
  }
}
