import type { Catalog, DisabledReason } from '../../src-main/contract/index.js';

/** Of several causes, the one a resident is told: the most pressing first (storage, then devices, then the network). */
const PRIORITY: readonly DisabledReason[] = ['cannotRecord', 'deviceFault', 'needsNetwork', 'deviceMissing', 'notAtThisSite', 'counterOnly'];

/**
 * Why no service can run at this terminal right now, or null when at least one can (or the list is
 * not known yet). The cause is the one that stops the most of the terminal's own services; services
 * that are counter-only by nature count only when there is nothing else.
 */
export function noServiceCause(catalog: Catalog | null): DisabledReason | null {
  if (!catalog || catalog.services.length === 0) return null;
  if (catalog.services.some((s) => s.enabled)) return null;
  const counts = new Map<DisabledReason, number>();
  for (const s of catalog.services) {
    const reason = s.disabledReason ?? 'notAtThisSite';
    if (reason !== 'counterOnly') counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  if (counts.size === 0) return 'counterOnly';
  let best: DisabledReason = 'counterOnly';
  let bestCount = 0;
  for (const reason of PRIORITY) {
    const count = counts.get(reason) ?? 0;
    if (count > bestCount) [best, bestCount] = [reason, count];
  }
  return best;
}
