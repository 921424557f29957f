import type { KioskError } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { kiosk } from './kiosk.js';

export const SCORES = [5, 4, 3, 2, 1] as const;
export type Score = (typeof SCORES)[number];

/** What the rating screen shows after a touch. */
export type RatingOutcome =
  | { kind: 'recorded'; reference: string }
  | { kind: 'counter' }
  | { kind: 'inDoubt'; reference: string }
  | { kind: 'failed'; error: KioskError | null };

/** Records the rating through the core; the answer comes only after the record is durable. */
export async function submitRating(score: Score): Promise<RatingOutcome> {
  const { sessionId } = useStore.getState();
  if (sessionId === null) return { kind: 'failed', error: { code: 'no_session' } };
  try {
    const result = await kiosk().submitRating({ sessionId, score });
    if (result.ok) return { kind: 'recorded', reference: result.value.reference };
    if (result.error.code === 'counter_required') return { kind: 'counter' };
    if (result.error.code === 'record_in_doubt') return { kind: 'inDoubt', reference: result.error.reference ?? '' };
    return { kind: 'failed', error: result.error };
  } catch {
    return { kind: 'failed', error: null };
  }
}

/** The part of a reference a resident can read out: the last 8 characters, grouped. */
export function shortReference(reference: string): string {
  const tail = reference.replace(/-/g, '').slice(-8).toUpperCase();
  return tail.length > 4 ? `${tail.slice(0, 4)}-${tail.slice(4)}` : tail;
}
