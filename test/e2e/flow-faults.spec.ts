// Faults in the middle of a resident flow, as a resident would meet them: walking away at each step
// (the idle timeout), and the county failing while the PIN reset or a query asks it.
import type { Page } from '@playwright/test';
import { DEMO_CARD_PIN } from '../../src-main/devices/demo-cards.js';
import { FAST_IDLE, expect, openTerminal, startCounty, startTerminal, serviceTile, test } from './fixtures.js';
import { checkStep, faceCameraLaunch, insertAndConfirm, insertCard, openService, step, typeOnPad } from './flow-helpers.js';

test.use({ launchOptions: await faceCameraLaunch('face') });

/** Lets the idle warning come and its countdown run out (on the page's clock, never a real wait). */
async function walkAway(page: Page): Promise<void> {
  await page.clock.runFor(10_500);
  await expect(page.getByTestId('idle-dialog')).toBeVisible();
  await page.clock.runFor(21_000);
}

const attract = (page: Page) => expect(page.locator('[data-screen="attract"]')).toBeVisible();

/** A walk-away with a card in: the reminder stays up, then after another idle period the terminal resets. */
async function walkAwayWithCard(page: Page, name: string): Promise<void> {
  await walkAway(page);
  await step(page, 'takeCards');
  await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCard');
  await checkStep(page, `idle-takeCards-${name}`);
  await walkAway(page);
  await attract(page);
}

async function queryByCard(page: Page): Promise<void> {
  await openService(page, 'mi.account');
  await step(page, 'identify');
  await page.getByTestId('identify-card').click();
}

test.describe('idle timeout at every step', () => {
  test.use({ terminalConfig: FAST_IDLE });

  test('a query left at each step ends cleanly; with a card in, the reminder stays for one more idle period', async ({ page, terminal }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    await openTerminal(page, terminal);

    await openService(page, 'mi.account');
    await step(page, 'identify');
    await walkAway(page);
    await attract(page);

    await queryByCard(page);
    await step(page, 'insertCard');
    await walkAway(page);
    await attract(page);

    await queryByCard(page);
    await step(page, 'insertCard');
    await page.getByTestId('demo-insert-demo1').click();
    await step(page, 'confirmCard');
    await walkAwayWithCard(page, 'confirmCard');

    // The card was left in: the next resident's flow reads it at once.
    await queryByCard(page);
    await step(page, 'confirmCard');
    await page.getByTestId('flow-continue').click();
    await step(page, 'pin');
    await walkAwayWithCard(page, 'pin');

    await queryByCard(page);
    await step(page, 'confirmCard');
    await page.getByTestId('flow-continue').click();
    await step(page, 'pin');
    await typeOnPad(page, DEMO_CARD_PIN);
    await step(page, 'result');
    await walkAwayWithCard(page, 'result');

    // Nothing of the last answer is left in the page.
    await expect(page.getByTestId('records-summary')).toHaveCount(0);
  });

  test('a PIN reset left at the face check and at the new PIN ends with both cards asked back', async ({ page, terminal }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    await openTerminal(page, terminal);
    await insertAndConfirm(page, 'ssc.pin.reset', 'demo1');
    await step(page, 'idCard');
    await walkAway(page);
    await step(page, 'takeCards');
    await walkAway(page);
    await attract(page);

    await openService(page, 'ssc.pin.reset');
    await step(page, 'confirmCard');
    await page.getByTestId('flow-continue').click();
    await step(page, 'idCard');
    await page.getByTestId('demo-id-demo1').click();
    await step(page, 'face');
    await walkAway(page);
    await step(page, 'takeCards');
    await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCards');
    await walkAway(page);
    await attract(page);
  });
});

test('the county failing while the PIN reset asks for its authorization: a clear message, both cards asked back, the counter named', async ({ page }) => {
  test.setTimeout(150_000);
  const county = await startCounty();
  const terminal = await startTerminal({ county: { url: county.url, enrolmentCode: 'DEMO-XA-HOSPITAL-01' } });
  try {
    await openTerminal(page, terminal);
    await page.getByTestId('start').click();
    // Enrolled with the county in its own process: the online services open.
    await expect(await serviceTile(page, 'ssc.pin.reset')).not.toHaveAttribute('data-disabled', 'true', { timeout: 20_000 });
    await (await serviceTile(page, 'ssc.pin.reset')).click();
    await insertCard(page, 'demo2');
    await step(page, 'idCard');
    await page.getByTestId('demo-id-demo2').click();
    await step(page, 'newPin');
    await typeOnPad(page, '258036');
    await step(page, 'confirmPin');
    await county.setFault({ mode: 'status', status: 503, retryAfterS: 30 }, { pathPrefix: '/v1/authorizations' });
    await typeOnPad(page, '258036');
    await step(page, 'failed');
    await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'countyUnavailable');
    await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCards');
    await expect(page.getByText('请到服务窗口办理。')).toBeVisible();
    await checkStep(page, 'reset-failed-countyUnavailable');
    await page.getByTestId('flow-home').click();
    await step(page, 'takeCards');
  } finally {
    await terminal.stop();
    await county.stop();
  }
});

test('the county failing while a query asks it: the reason and the counter, the card asked back', async ({ page }) => {
  test.setTimeout(120_000);
  const county = await startCounty();
  const terminal = await startTerminal({ county: { url: county.url, enrolmentCode: 'DEMO-XA-HOSPITAL-01' } });
  try {
    await openTerminal(page, terminal);
    await page.getByTestId('start').click();
    await expect(await serviceTile(page, 'mi.settlements')).not.toHaveAttribute('data-disabled', 'true', { timeout: 20_000 });
    await (await serviceTile(page, 'mi.settlements')).click();
    await step(page, 'identify');
    await page.getByTestId('identify-card').click();
    await insertCard(page, 'demo1');
    await step(page, 'pin');
    await county.setFault({ mode: 'status', status: 500 }, { pathPrefix: '/v1/residents/records' });
    await typeOnPad(page, DEMO_CARD_PIN);
    await step(page, 'failed');
    await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'countyUnavailable');
    await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCard');
    await expect(page.getByText('请到服务窗口办理。')).toBeVisible();
  } finally {
    await terminal.stop();
    await county.stop();
  }
});
