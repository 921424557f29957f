import type { DeadLetter, QueueStatus } from '../contract/ops.js';
import type { QueueOps } from '../core/ops-sources.js';
import { NotFoundError } from './errors.js';
import type { Outbox } from './outbox.js';
import type { SyncEngine } from './sync-engine.js';
import type { SyncStatus } from './sync-types.js';

// Adapter from the outbox and sync engine to the core's QueueOps (contract/ops.ts shapes).

function syncState(s: SyncStatus): QueueStatus['sync'] {
  switch (s.state) {
    case 'idle':
    case 'syncing':
      return s.state;
    case 'breaker-open':
      return 'breaker_open';
    case 'paused-auth':
    case 'stopped':
      return 'paused';
    case 'backoff':
      return s.lastError?.kind === 'network' || s.lastError?.kind === 'timeout' ? 'offline' : 'backoff';
  }
}

/** The QueueOps the core expects, backed by a real outbox and engine; cannot fail except on storage errors. */
export function queueOps(outbox: Outbox, engine: SyncEngine): QueueOps {
  const status = (): QueueStatus => {
    const s = engine.status();
    return {
      depth: s.depth,
      oldestAgeMs: s.oldestAgeMs,
      deadLetters: s.deadLetterCount,
      lastSyncAt: s.lastSuccessAt === null ? null : new Date(s.lastSuccessAt).toISOString(),
      accepting: outbox.capacity().state !== 'full',
      sync: syncState(s),
    };
  };
  const attempt = (fn: () => void): boolean => {
    try {
      fn();
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  };
  return {
    status,
    deadLetters: (): DeadLetter[] =>
      outbox.deadLetters.list(200).map((d) => ({ id: d.id, kind: d.kind, reason: d.reason.slice(0, 300), movedAt: new Date(d.movedAt).toISOString(), attempts: d.attempts })),
    retry: (id, actor) => attempt(() => engine.retryDeadLetter(id, actor)),
    discard: (id, actor) => attempt(() => engine.discardDeadLetter(id, actor)),
    onChange: (listener) => {
      const fire = () => listener(status());
      const offRecord = outbox.onRecord(fire);
      const offCycle = engine.onChange(fire);
      return () => {
        offRecord();
        offCycle();
      };
    },
  };
}
