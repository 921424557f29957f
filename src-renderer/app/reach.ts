import type { DisplayMount } from '../../src-main/contract/index.js';

/** ADA 308 / EN 301 549: the highest forward reach for an operable part, mm above the floor. */
export const REACH_HIGH_MM = 1_220;

/** A floor-standing portrait terminal with a 21.5-inch panel, when the configuration says nothing. */
export const FLOOR_STANDING_PORTRAIT: DisplayMount = { topEdgeMm: 1_450, heightMm: 480 };

/**
 * The reach line in CSS pixels from the top of the screen: controls go below it and reading matter
 * above. 0 when the whole screen is within reach. With no configured mounting a portrait screen is
 * taken to be floor-standing and a landscape one (a desk or wall terminal) to be within reach.
 */
export function reachTopPx(viewport: { width: number; height: number }, mount: DisplayMount | undefined): number {
  const assumed = mount ?? (viewport.height > viewport.width ? FLOOR_STANDING_PORTRAIT : undefined);
  if (!assumed || assumed.topEdgeMm <= REACH_HIGH_MM) return 0;
  // The configuration refuses a mounting whose line falls in the picture's lower third.
  const share = Math.min(1, (assumed.topEdgeMm - REACH_HIGH_MM) / assumed.heightMm);
  return Math.round(share * viewport.height);
}
