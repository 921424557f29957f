import type { FlowView } from '../../src-main/contract/index.js';

/** Where the screen goes once a flow's view says it has ended. */
export type AfterFlow = { kind: 'open'; serviceId: string } | { kind: 'takeCards' } | { kind: 'home' } | { kind: 'stay' };

/**
 * A flow that ended: to the service the resident chose instead (the PIN reset offered by a blocked
 * PIN change), to the rating after a success, to a "take your cards" screen when a card is still
 * in a reader, or home.
 */
export function afterFlow(view: FlowView | null, chosen: string | null): AfterFlow {
  if (view?.status !== 'ended') return { kind: 'stay' };
  if (chosen) return { kind: 'open', serviceId: chosen };
  if (view.next === 'rating') return { kind: 'open', serviceId: 'rating' };
  if (view.reminder) return { kind: 'takeCards' };
  return { kind: 'home' };
}
