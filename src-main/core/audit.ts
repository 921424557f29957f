import type { Result } from '../contract/errors.js';
import type { TransactionInput } from './recorder.js';

/** What the audit trail records a technician doing. */
export type AuditAction = 'login' | 'logout' | 'setup_unlock' | 'setup_enrol' | 'setup_apply' | 'dead_letter_retry' | 'dead_letter_discard' | 'log_bundle';

/** Who acted: a signed-in technician, or whoever entered the setup code of an unconfigured terminal. */
export type AuditActor = 'technician' | 'setup';

/** A call's outcome as the audit trail keeps it: `ok` or the error code (never the input). */
export const outcomeOf = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code);

/**
 * One technician action as an outbox transaction (`admin-audit`) for the county: what, how it ended,
 * who, where and when. Ordered per terminal; it carries no personal field and no PIN or code.
 */
export function auditRecord(o: { action: AuditAction; outcome: string; actor: AuditActor; terminalId: string; siteId: string; at: number }): TransactionInput {
  return {
    kind: 'admin-audit',
    orderingKey: `terminal:${o.terminalId}:audit`,
    payload: { action: o.action, outcome: o.outcome, actor: o.actor, terminalId: o.terminalId, siteId: o.siteId, at: new Date(o.at).toISOString() },
  };
}

/** The county's id for this terminal, if it is enrolled and it can be read (never fails the terminal info). */
export function countyId(read: (() => string | undefined) | undefined): { countyTerminalId?: string } {
  try {
    const id = read?.();
    return id ? { countyTerminalId: id.slice(0, 64) } : {};
  } catch {
    return {};
  }
}
