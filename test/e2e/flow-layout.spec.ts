// Every step of every resident flow, on every supported display, in standard and elderly mode and in
// both languages: nothing scrolls, is clipped or off screen, every control is big enough for the mode
// and below the reach line, and axe finds nothing serious (7:1 contrast in elderly mode). Screenshots
// of each go to test-results/screenshots/flow-layout/.
//
// The fake camera shows no face, so the face step stays on its guidance long enough to be measured.
import type { Page } from '@playwright/test';
import { DEMO_CARD_PIN } from '../../src-main/devices/demo-cards.js';
import { expect, openTerminal, serviceTile, test } from './fixtures.js';
import { faceCameraLaunch, fitsEveryDisplay, insertCard, openService, step, typeOnPad } from './flow-helpers.js';

test.use({ launchOptions: await faceCameraLaunch('noface') });

type Mode = { elderly: boolean; language: 'zh-CN' | 'en' };

/** The resident's preferences for this pass, set on the attract screen (a session's end puts the defaults back). */
async function prefer(page: Page, mode: Mode): Promise<void> {
  if (mode.language === 'en') await page.getByTestId('lang-toggle').click();
  if (mode.elderly) await page.getByTestId('elderly-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', mode.language);
  await expect(page.locator('html')).toHaveAttribute('data-elderly', String(mode.elderly));
}

/** Back on the attract screen after a flow: the next pass sets its preferences again. */
async function toAttract(page: Page): Promise<void> {
  await page.getByTestId('end-session').click();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
}

/** The reminder to take the cards back; the resident takes them and leaves: home. */
async function takeCardsAndGoHome(page: Page, label?: (s: string) => string): Promise<void> {
  await step(page, 'takeCards');
  if (label) await fitsEveryDisplay(page, label('takeCards'));
  for (const id of ['demo-remove-card', 'demo-remove-id']) await page.getByTestId(id).click();
  await page.getByTestId('flow-take-cards-done').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
}

for (const elderly of [false, true]) {
  for (const language of ['zh-CN', 'en'] as const) {
    const mode = { elderly, language };
    const tag = `${elderly ? 'elderly' : 'standard'}-${language}`;
    const label = (flow: string) => (s: string) => `flow-layout/${flow}-${s}-${tag}`;

    test(`PIN reset steps fit every display (${tag})`, async ({ page, terminal }) => {
      test.setTimeout(180_000);
      const at = label('reset');
      await openTerminal(page, terminal);
      await prefer(page, mode);
      await openService(page, 'ssc.pin.reset');
      await step(page, 'insertCard');
      await fitsEveryDisplay(page, at('insertCard'));
      await page.getByTestId('demo-insert-demo1').click();
      await step(page, 'confirmCard');
      await fitsEveryDisplay(page, at('confirmCard'));
      await page.getByTestId('flow-continue').click();
      await step(page, 'idCard');
      await fitsEveryDisplay(page, at('idCard'));
      await page.getByTestId('demo-id-demo1').click();
      await step(page, 'face');
      await expect(page.getByTestId('face-guide')).toBeVisible();
      await fitsEveryDisplay(page, at('face'));
      await page.getByTestId('flow-exit').click();
      await takeCardsAndGoHome(page, at);

      // Someone else's ID card: the reason, and both cards asked back.
      await (await serviceTile(page, 'ssc.pin.reset')).click();
      await insertCard(page, 'demo1');
      await step(page, 'idCard');
      await page.getByTestId('demo-id-demo3').click();
      await step(page, 'failed');
      await fitsEveryDisplay(page, at('failed-idMismatch'));
      await page.getByTestId('flow-home').click();
      await takeCardsAndGoHome(page);
      await toAttract(page);
    });

    test(`PIN change steps fit every display (${tag})`, async ({ page, terminal }) => {
      test.setTimeout(180_000);
      const at = label('change');
      await openTerminal(page, terminal);
      await prefer(page, mode);
      await openService(page, 'ssc.pin.change');
      await insertCard(page, 'demo2');
      await step(page, 'oldPin');
      await fitsEveryDisplay(page, at('oldPin'));
      await typeOnPad(page, '000000');
      await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'pinWrong');
      await fitsEveryDisplay(page, at('oldPin-wrong'));
      await typeOnPad(page, '147258');
      await step(page, 'newPin');
      await expect(page.getByTestId('flow-bank-note')).toBeVisible();
      await fitsEveryDisplay(page, at('newPin'));
      await typeOnPad(page, '123456');
      await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'pinWeak');
      // The refusal and its reason take the bank note's place: one thing at a time.
      await expect(page.getByTestId('flow-bank-note')).toHaveCount(0);
      await fitsEveryDisplay(page, at('newPin-weak'));
      await typeOnPad(page, '369048');
      await step(page, 'confirmPin');
      await fitsEveryDisplay(page, at('confirmPin'));
      await typeOnPad(page, '369048');
      await step(page, 'done');
      await fitsEveryDisplay(page, at('done'));
      await page.getByTestId('demo-remove-card').click();
      await expect(page.locator('[data-service-id="rating"]')).toBeVisible();
    });

    test(`record query steps fit every display (${tag})`, async ({ page, terminal }) => {
      test.setTimeout(180_000);
      const at = label('records');
      await openTerminal(page, terminal);
      await prefer(page, mode);
      await openService(page, 'mi.settlements');
      await step(page, 'identify');
      await fitsEveryDisplay(page, at('identify'));
      await page.getByTestId('identify-card').click();
      await insertCard(page, 'demo1');
      await step(page, 'pin');
      await fitsEveryDisplay(page, at('pin'));
      await typeOnPad(page, DEMO_CARD_PIN);
      await step(page, 'result');
      await expect(page.getByTestId('records-row')).toHaveCount(3);
      await fitsEveryDisplay(page, at('settlements'));
      // The card taken while reading (the reminder goes): the done step then waits for its button,
      // rather than moving on by itself at the moment the card leaves.
      await page.getByTestId('demo-remove-card').click();
      await expect(page.getByTestId('flow-reminder')).toHaveCount(0);
      await page.getByTestId('flow-finish').click();
      await step(page, 'done');
      await fitsEveryDisplay(page, at('done'));
      await page.getByTestId('flow-finish').click();
      await expect(page.locator('[data-service-id="rating"]')).toBeVisible();
      await page.getByTestId('go-home').click();

      // One record with its fields rather than a table.
      await (await serviceTile(page, 'mi.account')).click();
      await step(page, 'identify');
      await page.getByTestId('identify-card').click();
      await insertCard(page, 'demo1');
      await step(page, 'pin');
      await typeOnPad(page, DEMO_CARD_PIN);
      await step(page, 'result');
      await expect(page.getByTestId('records-balance')).toBeVisible();
      await fitsEveryDisplay(page, at('account'));
    });
  }
}
