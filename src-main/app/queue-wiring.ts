import type { QueueOps } from '../core/ops-sources.js';

/** Builds the outbox and sync engine for the core. Interim: an empty queue until the outbox is wired in. */
export function createQueue(): QueueOps & { close(): Promise<void> } {
  return {
    status: () => ({ depth: 0, oldestAgeMs: null, deadLetters: 0, lastSyncAt: null, accepting: true, sync: 'idle' }),
    deadLetters: () => [],
    retry: () => false,
    discard: () => false,
    onChange: () => () => undefined,
    close: async () => undefined,
  };
}
