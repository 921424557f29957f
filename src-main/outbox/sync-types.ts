import type { CountyError } from '../county/errors.js';
import type { ItemResult, TxItem } from '../county/protocol.js';
import type { BackoffPolicy } from './backoff.js';
import type { Outbox } from './outbox.js';
import type { DeadLetterView } from './types.js';

// Options, outcomes and the ops view of the sync engine.

/** The one county call the engine needs (CountyClient satisfies it). */
export interface BatchUploader {
  uploadBatch(items: readonly TxItem[], idempotencyKey: string): Promise<ItemResult[]>;
}

export interface SyncEngineOptions {
  outbox: Outbox;
  client: BatchUploader;
  owner?: string;
  maxItems?: number;
  maxBytes?: number;
  leaseMs?: number;
  backoff?: BackoffPolicy;
  /** Rows older than this go to dead letters (default 30 days). */
  retryWindowMs?: number;
  breakerThreshold?: number;
  /** Delay before re-sending an item the county reported as in flight elsewhere. */
  inFlightRetryMs?: number;
  /** Longest idle sleep; also how often the retry window is swept. */
  maxIdleMs?: number;
  random?: () => number;
  now?: () => number;
  /** Called on 401/403 after the queue is paused; resolve true once re-enrolled to resume. */
  onAuthFailure?: (err: CountyError) => boolean | Promise<boolean>;
}

export type SyncState = 'stopped' | 'idle' | 'syncing' | 'backoff' | 'breaker-open' | 'paused-auth';
export type Trigger = 'enqueue' | 'network-back' | 'due' | 'resume' | 'manual';

export type CycleOutcome =
  | { kind: 'idle' }
  | { kind: 'paused' }
  | { kind: 'breaker-open'; until: number }
  | { kind: 'sent'; acked: number; dead: number; retried: number }
  | { kind: 'failed'; error: CountyError; delayMs: number; acked: number; dead: number };

/** What ops see: every figure from an index or memory, never a scan. */
export interface SyncStatus {
  state: SyncState;
  depth: number;
  oldestAgeMs: number | null;
  deadLetterCount: number;
  deadLetters: DeadLetterView[];
  lastSuccessAt: number | null;
  lastError: { kind: string; status?: number; code?: string; at: number } | null;
  nextAttemptAt: number | null;
  consecutiveFailures: number;
}

export interface Tally {
  acked: number;
  dead: number;
  retried: number;
}

