import { PANEL, panelBytes, type PrintJob, type SidePanels } from '../../drivers/index.js';
import { splitPanels, type Rect } from './card-layout-panels.js';
import { renderSide } from './card-layout-raster.js';
import { CardLayoutError, parseCardLayout, type CardLayout } from './card-layout-schema.js';

// Card layout → Evolis-style print job. Validate (zod), render each side
// with sharp at the driver's panel geometry, split into Y/M/C/K/O panels at
// the driver's bit depths, and check every panel's length the way the
// driver will (EvolisPrinter.printCard rejects a wrong length with
// BITMAP_LENGTH before sending anything). Nothing here logs: layouts carry
// personal data, and errors carry codes, sides and element indexes only.

export { CardLayoutError, parseCardLayout, MAX_ELEMENTS, MAX_TEXT_CHARS, MIN_FONT_SIZE, MAX_FONT_SIZE, DEFAULT_FONT_FAMILY } from './card-layout-schema.js';
export type { CardLayout, CardLayoutErrorCode, CardSideLayout, CardElement, TextElement, ImageElement, RectElement } from './card-layout-schema.js';
export { packBits, overlayPanel, type Rect } from './card-layout-panels.js';
export { escapeXml } from './card-layout-raster.js';

export interface RenderCardOptions {
  /** Ribbon; default 'ymcko'. 'k' and 'ko' print no colour panels. */
  ribbon?: PrintJob['ribbon'];
  /** Db levels of the colour panels; default 64 (the driver's default, 6 bits a dot). */
  colourLevels?: 32 | 64 | 128;
  /** Panel geometry the printer expects; default PANEL (648×1016 at 300 dpi). Pass the driver's geometry if it was given one. */
  geometry?: { width: number; height: number };
  /** Dots with max(R, G, B) ≤ this go to resin K; default 32 on ymcko, 127 on k/ko ribbons. */
  kThreshold?: number;
  /** Print an overlay panel; default true (ignored on a 'k' ribbon). */
  overlay?: boolean;
  /** A rectangle of the front left without overlay, where the chip contacts are. */
  chipHole?: Rect;
}

const PANEL_ORDER = ['y', 'm', 'c', 'k', 'o'] as const;

function inside(r: Rect, g: { width: number; height: number }): boolean {
  const ints = [r.x, r.y, r.w, r.h].every((v) => Number.isInteger(v));
  return ints && r.x >= 0 && r.y >= 0 && r.w > 0 && r.h > 0 && r.x + r.w <= g.width && r.y + r.h <= g.height;
}

/**
 * Checks a job's panels against the driver's rule (k and o 2 levels, colour
 * panels colourLevels, default 64; sizes from panelBytes). Throws
 * CardLayoutError PANEL_LENGTH naming the side.
 */
export function checkPrintJob(job: PrintJob, geometry: { width: number; height: number } = PANEL): void {
  for (const side of ['front', 'back'] as const) {
    const panels: SidePanels | undefined = job[side];
    if (!panels) continue;
    for (const p of PANEL_ORDER) {
      const data = panels[p];
      const levels = p === 'k' || p === 'o' ? 2 : (job.colourLevels ?? 64);
      if (data && data.length !== panelBytes(levels, geometry)) throw new CardLayoutError('PANEL_LENGTH', { side });
    }
  }
}

/**
 * Renders a card layout to a print job `EvolisPrinter.printCard` accepts.
 * Add `encodeChip` to the returned job for chip cards. Throws
 * CardLayoutError (INVALID_LAYOUT, ELEMENT_OUTSIDE_CARD, TEXT_OUTSIDE_CARD,
 * EMPTY_TEXT, BAD_IMAGE, CARD_SIZE_MISMATCH, BAD_OPTION...).
 */
export async function renderCardPanels(layout: CardLayout, options: RenderCardOptions = {}): Promise<PrintJob> {
  const geometry = options.geometry ?? PANEL;
  const ribbon = options.ribbon ?? 'ymcko';
  const colourLevels = options.colourLevels ?? 64;
  const kThreshold = options.kThreshold ?? (ribbon === 'ymcko' ? 32 : 127);
  if (!['ymcko', 'k', 'ko'].includes(ribbon) || ![32, 64, 128].includes(colourLevels)) throw new CardLayoutError('BAD_OPTION');
  if (!Number.isInteger(kThreshold) || kThreshold < 0 || kThreshold > 254) throw new CardLayoutError('BAD_OPTION');
  if (!Number.isInteger(geometry.width) || !Number.isInteger(geometry.height) || geometry.width < 1 || geometry.height < 1) throw new CardLayoutError('BAD_OPTION');
  if (options.chipHole && !inside(options.chipHole, geometry)) throw new CardLayoutError('BAD_OPTION', { side: 'front' });

  const parsed = parseCardLayout(layout, geometry);
  const split = { ribbon, colourLevels, kThreshold, overlay: options.overlay ?? true };
  const job: PrintJob = {
    ribbon,
    colourLevels,
    front: splitPanels(await renderSide(parsed.front, 'front'), { ...split, overlayHoles: options.chipHole ? [options.chipHole] : [] }),
  };
  if (parsed.back) job.back = splitPanels(await renderSide(parsed.back, 'back'), { ...split, overlayHoles: [] });
  checkPrintJob(job, geometry);
  return job;
}
