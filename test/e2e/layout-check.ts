import type { Page } from '@playwright/test';

/** The kiosk displays the terminal supports (CSS pixels at a device scale of 1). */
export const DISPLAYS = [
  { name: 'portrait-1080x1920', width: 1080, height: 1920 },
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: '5x4-1280x1024', width: 1280, height: 1024 },
  { name: 'landscape-1366x768', width: 1366, height: 768 },
] as const;

/** What the terminal assumes for a portrait screen when its mounting is not configured. */
export const FLOOR_STANDING = { topEdgeMm: 1450, heightMm: 480 };

/** ADA 308 / EN 301 549 high forward reach above the floor. */
export const REACH_MM = 1220;

/**
 * Where the reach line falls on a screen mounted with its top edge `topEdgeMm` above the floor and a
 * picture `heightMm` tall, in CSS pixels from the top (0 when the whole screen is within reach).
 * Worked out here from the mounting, independently of the app's own arithmetic.
 */
export function reachLinePx(viewportHeight: number, mount: { topEdgeMm: number; heightMm: number }): number {
  const mmAboveReach = mount.topEdgeMm - REACH_MM;
  if (mmAboveReach <= 0) return 0;
  return Math.min(viewportHeight, (mmAboveReach / mount.heightMm) * viewportHeight);
}

export interface LayoutProblem {
  kind: 'scroll' | 'clipped' | 'overflowing' | 'offscreen' | 'aboveReach' | 'smallTarget' | 'ellipsis';
  what: string;
}

/**
 * Everything the display rules forbid on the current screen: the page scrolls either way; an element
 * with visible text clips it (its content is larger than its box and overflow hides it) or ends it
 * with an ellipsis or spills out of its box over what lies next to it; a visible element lies outside the viewport; a control (button, link, input)
 * lies above the reach line or is smaller than the mode's minimum target. The technician corner is
 * exempt from reach and size: it is for technicians and deliberately unmarked.
 */
export async function layoutProblems(page: Page, rules: { reachTopPx: number; minTarget: number }): Promise<LayoutProblem[]> {
  return page.evaluate(({ reachTopPx, minTarget }) => {
    const problems: { kind: string; what: string }[] = [];
    const doc = document.documentElement;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text}"`;
    };
    if (doc.scrollHeight > vh + 1) problems.push({ kind: 'scroll', what: `page is ${doc.scrollHeight}px tall in ${vh}px` });
    if (doc.scrollWidth > vw + 1) problems.push({ kind: 'scroll', what: `page is ${doc.scrollWidth}px wide in ${vw}px` });
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // Visually hidden (for assistive technology only): by the class, or hidden the same way by a media query.
      if (el.closest('.visually-hidden') || (rect.width <= 1 && rect.height <= 1)) continue;
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (rect.left < -1 || rect.top < -1 || rect.right > vw + 1 || rect.bottom > vh + 1) {
        problems.push({ kind: 'offscreen', what: `${name(el)} at ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)}` });
      }
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      if (hasText && ((hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1))) {
        problems.push({ kind: 'clipped', what: name(el) });
      }
      // Content that spills out of its own box (drawn over whatever lies below it), though nothing hides it.
      // A quarter of the font size is allowed: a tight line height lets glyphs' ink reach past the line box.
      const slack = Math.max(2, parseFloat(style.fontSize) * 0.25);
      if (style.display !== 'inline' && !hides(style.overflowY) && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + slack) {
        problems.push({ kind: 'overflowing', what: `${name(el)} needs ${el.scrollHeight}px in ${el.clientHeight}px` });
      }
      if (hasText && style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push({ kind: 'ellipsis', what: name(el) });
      const control = el.matches('button, a[href], input, select, textarea, [role="button"]');
      if (control && el.getAttribute('data-testid') !== 'tech-corner') {
        if (rect.top < reachTopPx - 1) problems.push({ kind: 'aboveReach', what: `${name(el)} top ${Math.round(rect.top)} < ${Math.round(reachTopPx)}` });
        if (Math.min(rect.width, rect.height) < minTarget - 0.5) problems.push({ kind: 'smallTarget', what: `${name(el)} ${Math.round(rect.width)}×${Math.round(rect.height)}` });
      }
    }
    return problems as LayoutProblem[];
  }, rules);
}
