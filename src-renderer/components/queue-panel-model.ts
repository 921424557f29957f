import type { Language, QueueStatus } from '../../src-main/contract/index.js';
import type { StateTone } from './device-panel-model.js';

// Pure view logic of the queue panel (tested without a DOM).

export type SyncState = QueueStatus['sync'];

/** Each sync state's tone and symbol; always shown with its text too, never colour alone. */
export const SYNC_VIEW: Record<SyncState, { tone: StateTone; symbol: string }> = {
  idle: { tone: 'ok', symbol: '✔' },
  syncing: { tone: 'busy', symbol: '↻' },
  backoff: { tone: 'warn', symbol: '◷' },
  paused: { tone: 'warn', symbol: '‖' },
  breaker_open: { tone: 'bad', symbol: '✖' },
  offline: { tone: 'bad', symbol: '⚠' },
};

/** The i18n key of a sync state. */
export function syncText(state: SyncState): `queue.sync.${SyncState}` {
  return `queue.sync.${state}`;
}

export type Age =
  | { key: 'queue.age.none' }
  | { key: 'queue.age.seconds' | 'queue.age.minutes' | 'queue.age.hours' | 'queue.age.days'; count: number };

/** "3 minutes" style age of the oldest waiting row; `null` (empty queue) reads "none waiting". */
export function formatAge(ms: number | null): Age {
  if (ms === null || !Number.isFinite(ms)) return { key: 'queue.age.none' };
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return { key: 'queue.age.seconds', count: s };
  if (s < 3600) return { key: 'queue.age.minutes', count: Math.floor(s / 60) };
  if (s < 48 * 3600) return { key: 'queue.age.hours', count: Math.floor(s / 3600) };
  return { key: 'queue.age.days', count: Math.floor(s / 86_400) };
}

const LOCALES: Record<Language, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

/**
 * A moment in the screen's language: the time alone when it is today, date and time otherwise;
 * `null` when there is no (valid) moment, which the panel shows as "never".
 */
export function formatInstant(iso: string | null | undefined, language: Language, now: number, timeZone?: string): string | null {
  const at = iso == null ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const zone = timeZone === undefined ? {} : { timeZone };
  const day = new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(at) === day.format(now);
  const format = new Intl.DateTimeFormat(LOCALES[language], {
    ...zone,
    ...(sameDay ? {} : { year: 'numeric', month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  return format.format(at);
}

/**
 * Whether to warn that the terminal is refusing new records. Residents whose service must be
 * recorded are then sent to the counter, which the technician has to know at a glance.
 */
export function acceptingWarning(status: Pick<QueueStatus, 'accepting'>): 'queue.notAccepting' | null {
  return status.accepting ? null : 'queue.notAccepting';
}

/** Per dead letter: its buttons, or the second-step confirmation of a discard. */
export type RowMode = 'actions' | 'confirmDiscard' | 'working';

export function rowMode(id: string, confirming: string | null, working: string | null): RowMode {
  if (working === id) return 'working';
  return confirming === id ? 'confirmDiscard' : 'actions';
}

/** Transaction kinds the county knows, with their names for ops staff. Unknown kinds show as sent. */
const KIND_KEYS = {
  rating: 'queue.kind.rating',
  'pin-reset': 'queue.kind.pinReset',
  'pin-change': 'queue.kind.pinChange',
  'records-query': 'queue.kind.recordsQuery',
  'pension-certification': 'queue.kind.pensionCertification',
  'insurance-query': 'queue.kind.insuranceQuery',
  'card-issued': 'queue.kind.cardIssued',
  'document-submission': 'queue.kind.documentSubmission',
} as const;
type KindKey = (typeof KIND_KEYS)[keyof typeof KIND_KEYS];

/** The i18n key naming a transaction kind, or null to show the kind as the core sent it. */
export function kindKey(kind: string): KindKey | null {
  return Object.hasOwn(KIND_KEYS, kind) ? KIND_KEYS[kind as keyof typeof KIND_KEYS] : null;
}

const REASON_CODES = ['unknown_kind', 'invalid_item', 'idempotency_key_reused', 'missing_idempotency_key'] as const;
type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonView =
  | { key: 'queue.reason.tooLarge' | 'queue.reason.retryWindow' }
  | { key: `queue.reason.${ReasonCode}` }
  | { key: 'queue.reason.rejectedOther'; code: string };

/** Why a row was set aside, in ops staff's words; the county's own code is kept where we have no text for it. */
export function reasonView(reason: string): ReasonView {
  if (reason === 'too_large') return { key: 'queue.reason.tooLarge' };
  if (reason === 'retry_window_expired') return { key: 'queue.reason.retryWindow' };
  const code = reason.startsWith('rejected:') ? reason.slice('rejected:'.length) : reason;
  if ((REASON_CODES as readonly string[]).includes(code)) return { key: `queue.reason.${code as ReasonCode}` };
  return { key: 'queue.reason.rejectedOther', code };
}
