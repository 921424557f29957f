// The record queries as a resident uses them on a demo terminal: the card, its PIN on the
// emulated pad, then the county's answer a page at a time, with the card reminder and the rating.
import type { Page } from '@playwright/test';
import { DEMO_CARD_PIN, DEMO_CARDS } from '../../src-main/devices/demo-cards.js';
import { expect, openTerminal, test } from './fixtures.js';
import { checkStep, faceCameraLaunch, insertCard, openService, step, terminalFiles, typeOnPad, fitsEveryDisplay } from './flow-helpers.js';

test.use({ launchOptions: await faceCameraLaunch('face') });

/** Opens a query, picks the card and PIN as the way to prove identity, inserts and confirms the card. */
async function byCard(page: Page, serviceId: string, resident: string): Promise<void> {
  await openService(page, serviceId);
  await step(page, 'identify');
  await page.getByTestId('identify-card').click();
  await insertCard(page, resident);
}

/** Opens a query for a demo resident and types the card PIN: the answer is on screen. */
async function toResult(page: Page, serviceId: string, resident = 'demo1'): Promise<void> {
  await byCard(page, serviceId, resident);
  await step(page, 'pin');
  await expect(page.getByTestId('flow-steps')).toHaveText(/2.*3/);
  await toResultFromPin(page);
}

test('settlements: card and PIN, the answer in pages of three with "page 1 of 5", then the card reminder and the rating', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await byCard(page, 'mi.settlements', 'demo1');
  await step(page, 'pin');
  await checkStep(page, 'records-pin');
  await toResultFromPin(page);
  await expect(page.getByTestId('records-row')).toHaveCount(3);
  await expect(page.getByTestId('records-pager-where')).toHaveAttribute('data-pages', '5');
  await expect(page.getByTestId('records-pager-prev')).toBeDisabled();
  await expect(page.getByTestId('records-summary')).toContainText('13');
  await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCard');
  await checkStep(page, 'records-settlements-page1');
  const firstRow = await page.getByTestId('records-row').first().textContent();

  await page.getByTestId('records-pager-next').click();
  await expect(page.getByTestId('records-pager-where')).toHaveAttribute('data-page', '2');
  await expect(page.getByTestId('records-row').first()).not.toHaveText(firstRow ?? '');
  await page.getByTestId('records-pager-next').click();
  await expect(page.getByTestId('records-pager-where')).toHaveAttribute('data-page', '3');
  for (const n of ['4', '5']) {
    await page.getByTestId('records-pager-next').click();
    await expect(page.getByTestId('records-pager-where')).toHaveAttribute('data-page', n);
  }
  await expect(page.getByTestId('records-row')).toHaveCount(1);
  await expect(page.getByTestId('records-pager-next')).toBeDisabled();
  await checkStep(page, 'records-settlements-last');

  // The resident takes the card while reading: the answer stays, the reminder goes.
  await page.getByTestId('demo-remove-card').click();
  await expect(page.getByTestId('flow-reminder')).toHaveCount(0);
  await expect(page.getByTestId('records-row')).toHaveCount(1);
  await page.getByTestId('flow-finish').click();
  await step(page, 'done');
  await page.getByTestId('flow-finish').click();
  await expect(page.locator('[data-service-id="rating"]')).toBeVisible();

  // Nothing of the answer or the card outlives the session in the page or the renderer's storage.
  const card = DEMO_CARDS['demo1']!;
  const html = await page.content();
  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  for (const text of [firstRow ?? '', card.ssc.cardNumber, card.ssc.ssn, DEMO_CARD_PIN]) {
    expect(html, text).not.toContain(text);
    expect(stored, text).not.toContain(text);
  }
  // Nor in any file the terminal wrote (logs, outbox, identity): the card, the ID number, the name.
  const files = terminalFiles(terminal.dataDir);
  expect(files.some((f) => f.path.includes('outbox.db'))).toBe(true);
  for (const canary of [card.ssc.cardNumber, card.ssc.ssn, card.ssc.name]) expect(files.filter((f) => f.text.includes(canary)).map((f) => f.path), canary).toEqual([]);
});

/** From the PIN step: the PIN typed, the answer up. */
async function toResultFromPin(page: Page): Promise<void> {
  await typeOnPad(page, DEMO_CARD_PIN);
  await step(page, 'result');
}

test('medical-insurance account in English: the balance in words and as one record', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await page.getByTestId('lang-toggle').click();
  await toResult(page, 'mi.account');
  await expect(page.getByTestId('records-summary')).toHaveText('Your medical insurance account balance is ¥1,234.56.');
  await expect(page.getByTestId('records-balance')).toHaveText('¥1,234.56');
  await expect(page.getByTestId('records-accountStatus')).toHaveText('Normal');
  await expect(page.getByTestId('records-pager')).toHaveCount(0);
  await checkStep(page, 'records-account-en');
});

test('card status shows the card masked; a wrong PIN says the tries left before the answer', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await byCard(page, 'ssc.status', 'demo2');
  await step(page, 'pin');
  await typeOnPad(page, '000000');
  await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'pinWrong');
  await expect(page.locator('.flow__tries')).toBeVisible();
  await toResultFromPin(page);
  await expect(page.getByTestId('records-cardNumber')).toHaveText('****0002');
  await expect(page.getByTestId('records-cardStatus')).toHaveText('正常');
  await checkStep(page, 'records-card');
  expect(await page.content()).not.toContain(DEMO_CARDS['demo2']!.ssc.cardNumber);
});

test('pension contributions with the ID card and a face check instead of the card and PIN', async ({ page, terminal }) => {
  test.setTimeout(120_000);
  await openTerminal(page, terminal);
  await openService(page, 'pension.contributions');
  await step(page, 'identify');
  await checkStep(page, 'records-identify');
  await page.getByTestId('identify-idFace').click();
  await step(page, 'idCard');
  await page.getByTestId('demo-id-demo1').click();
  await step(page, 'face');
  // The face model guides, sees a blink and sends one frame; the county matches it with the enrolled face.
  await step(page, 'result');
  await expect(page.getByTestId('records-row')).toHaveCount(3);
  await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeIdCard');
  await checkStep(page, 'records-contributions-face');
});


for (const [serviceId, name] of [
  ['pension.contributions', 'contributions'],
  ['mi.settlements', 'settlements'],
] as const) {
  for (const elderly of [false, true]) {
    test(`a full page of ${name} fits every display without scrolling (elderly ${elderly ? 'on' : 'off'})`, async ({ page, terminal }) => {
      test.setTimeout(120_000);
      await openTerminal(page, terminal);
      if (elderly) await page.getByTestId('elderly-toggle').click();
      await toResult(page, serviceId);
      await expect(page.getByTestId('records-row')).toHaveCount(3);
      await fitsEveryDisplay(page, `records-${name}-${elderly ? 'elderly' : 'standard'}`);
    });
  }
}
