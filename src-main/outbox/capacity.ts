import { statfsSync } from 'node:fs';

// Backpressure: before the disk or the row cap is reached, services that need the outbox are
// switched to "please go to the counter" instead of losing a record.

export interface CapacityLimits {
  /** Refuse new records at this depth. */
  maxRows: number;
  /** Refuse new records when the data directory's file system has less than this free. */
  minFreeBytes: number;
  /** Report 'low' (warn ops, keep serving) at this fraction of either limit. */
  lowWatermark: number;
}

export const DEFAULT_LIMITS: CapacityLimits = { maxRows: 50_000, minFreeBytes: 256 * 1024 * 1024, lowWatermark: 0.8 };

export type CapacityState = 'ok' | 'low' | 'full';

export interface Capacity {
  state: CapacityState;
  reason: 'rows' | 'disk' | null;
  depth: number;
  maxRows: number;
  freeBytes: number;
  minFreeBytes: number;
}

/** Free bytes available to this user on the file system holding `dir`; throws if statfs fails. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

/** Classifies depth and free space against the limits; pure. */
export function assess(depth: number, free: number, limits: CapacityLimits): Capacity {
  const base = { depth, maxRows: limits.maxRows, freeBytes: free, minFreeBytes: limits.minFreeBytes };
  if (depth >= limits.maxRows) return { state: 'full', reason: 'rows', ...base };
  if (free < limits.minFreeBytes) return { state: 'full', reason: 'disk', ...base };
  if (depth >= limits.maxRows * limits.lowWatermark) return { state: 'low', reason: 'rows', ...base };
  if (free < limits.minFreeBytes / limits.lowWatermark) return { state: 'low', reason: 'disk', ...base };
  return { state: 'ok', reason: null, ...base };
}
