// What a resident does on every card flow of a demo terminal: open a service, insert the demo
// card, confirm it, type on the emulated pad. Shared by the flow specs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fixture } from '../../scripts/face/harness.js';
import { auditA11y, expect, serviceTile, snap } from './fixtures.js';
import { DISPLAYS, FLOOR_STANDING, layoutProblems, reachLinePx } from './layout-check.js';

export const step = (page: Page, name: string) => expect(page.locator('[data-screen="service"]')).toHaveAttribute('data-flow-step', name, { timeout: 20_000 });

export async function openService(page: Page, serviceId: string): Promise<void> {
  await page.getByTestId('start').click();
  await (await serviceTile(page, serviceId)).click();
}

/** Opens a card service, inserts the demo resident's card and confirms the masked card: the next step is up. */
export async function insertAndConfirm(page: Page, serviceId: string, resident: string): Promise<void> {
  await openService(page, serviceId);
  await insertCard(page, resident);
}

/** On the insert-card step: inserts the demo resident's card and confirms the masked card. */
export async function insertCard(page: Page, resident: string): Promise<void> {
  await step(page, 'insertCard');
  await page.getByTestId(`demo-insert-${resident}`).click();
  await step(page, 'confirmCard');
  await page.getByTestId('flow-continue').click();
}

/** Types on the emulated pad, then Enter; the screen's dots follow the pad's count. */
export async function typeOnPad(page: Page, digits: string): Promise<void> {
  for (const [i, d] of [...digits].entries()) {
    await page.getByTestId(`demo-pad-${d}`).click();
    await expect(page.getByTestId('flow-pin-dots')).toHaveAttribute('data-digits', String(i + 1));
  }
  await page.getByTestId('demo-pad-enter').click();
}

/** A screenshot of the step kept as a test artifact, and no serious or critical axe finding on it. */
export async function checkStep(page: Page, name: string): Promise<void> {
  await snap(page, `flow-${name}`);
  expect(await auditA11y(page), name).toEqual([]);
}

/** Debian's Chromium with its fake camera showing a face video (`face`: the sample face demo resident 1 is enrolled with). */
export async function faceCameraLaunch(name: Parameters<typeof fixture>[0]) {
  const video = await fixture(name);
  return {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  };
}

/** Every file the terminal wrote under its data directory except the county's own database (the reference backend's residents live there by design). */
export function terminalFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => join(dir, rel))
    .filter((path) => statSync(path).isFile() && !/county-reference\.db/.test(path) && !path.includes('chromium-profile'))
    .map((path) => ({ path, text: readFileSync(path).toString('latin1') + readFileSync(path).toString('utf8') }));
}

/**
 * Shows the current screen on every supported display and checks the display rules there (see
 * layout-check.ts): nothing scrolls, is clipped or off screen, every control is large enough for the
 * mode and below the reach line of an unconfigured portrait (floor-standing) terminal; axe finds nothing
 * serious or critical (with the 7:1 contrast rule in elderly mode). A screenshot each.
 */
export async function fitsEveryDisplay(page: Page, name: string): Promise<void> {
  const elderly = (await page.locator('html').getAttribute('data-elderly')) === 'true';
  for (const display of DISPLAYS) {
    await page.setViewportSize(display);
    const reachTopPx = display.height > display.width ? reachLinePx(display.height, FLOOR_STANDING) : 0;
    await expect(page.locator('html')).toHaveAttribute('data-reach', reachTopPx > 0 ? 'low' : 'none');
    await snap(page, `${name}-${display.width}x${display.height}`);
    expect(await layoutProblems(page, { reachTopPx, minTarget: elderly ? 80 : 60 }), `${name} ${display.width}×${display.height}`).toEqual([]);
    expect(await auditA11y(page, { enhancedContrast: elderly }), `${name} ${display.width}×${display.height}`).toEqual([]);
  }
}
