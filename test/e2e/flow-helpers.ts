// What a resident does on every card flow of a demo terminal: open a service, insert the demo
// card, confirm it, type on the emulated pad. Shared by the flow specs.
import type { Page } from '@playwright/test';
import { auditA11y, expect, snap } from './fixtures.js';

export const step = (page: Page, name: string) => expect(page.locator('[data-screen="service"]')).toHaveAttribute('data-flow-step', name, { timeout: 20_000 });

export async function openService(page: Page, serviceId: string): Promise<void> {
  await page.getByTestId('start').click();
  await page.getByTestId(`service-${serviceId}`).click();
}

/** Opens a card service, inserts the demo resident's card and confirms the masked card: the next step is up. */
export async function insertAndConfirm(page: Page, serviceId: string, resident: string): Promise<void> {
  await openService(page, serviceId);
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
