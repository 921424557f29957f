// The card PIN services as a resident uses them on a demo terminal: the demo panel stands in for
// the resident's hands on the emulated card reader, ID reader and encrypting pad, and Chromium's
// fake camera shows the face video (the sample face that demo resident 1 is enrolled with).
import { DEMO_CARDS } from '../../src-main/devices/demo-cards.js';
import { expect, openTerminal, serviceTile, test } from './fixtures.js';
import { checkStep, faceCameraLaunch, insertAndConfirm, openService, step, terminalFiles, typeOnPad, fitsEveryDisplay } from './flow-helpers.js';

test.use({ launchOptions: await faceCameraLaunch('face') });


test('PIN reset: card, ID card, face, a weak PIN refused, new PIN twice, then the card reminder and the rating', async ({ page, terminal }) => {
  test.setTimeout(150_000);
  await openTerminal(page, terminal);
  await openService(page, 'ssc.pin.reset');
  await step(page, 'insertCard');
  await expect(page.getByTestId('flow-steps')).toHaveText(/1.*5/);
  await checkStep(page, 'reset-insertCard');

  await page.getByTestId('demo-insert-demo1').click();
  await step(page, 'confirmCard');
  await expect(page.getByTestId('masked-card')).toHaveText('****0001');
  await expect(page.getByTestId('masked-name')).toContainText('*');
  await checkStep(page, 'reset-confirmCard');
  await page.getByTestId('flow-continue').click();

  await step(page, 'idCard');
  await expect(page.getByTestId('flow-steps')).toHaveText(/2.*5/);
  await page.getByTestId('demo-id-demo1').click();

  await step(page, 'face');
  await checkStep(page, 'reset-face');
  // The face model guides, sees a blink, sends one frame; the county matches it with the enrolled face.
  await step(page, 'newPin');
  await checkStep(page, 'reset-newPin');

  await typeOnPad(page, '111111');
  await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'pinWeak');
  await expect(page.getByTestId('flow-pin-dots')).toHaveAttribute('data-digits', '0');
  await checkStep(page, 'reset-newPin-weak');
  await typeOnPad(page, '258036');
  await step(page, 'confirmPin');
  await typeOnPad(page, '258039');
  // Different from the first: asked again from the new PIN.
  await step(page, 'newPin');
  await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'pinMismatch');
  await typeOnPad(page, '258036');
  await step(page, 'confirmPin');
  await typeOnPad(page, '258036');

  await step(page, 'done');
  await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCards');
  await expect(page.getByTestId('flow-reference')).toBeVisible();
  await checkStep(page, 'reset-done');
  // Nothing of the PIN is in the page, and only the masked card number.
  const html = await page.content();
  expect(html).not.toContain('258036');
  expect(html).not.toContain('DEMO00001');
  await page.getByTestId('flow-finish').click();
  await expect(page.locator('[data-service-id="rating"]')).toBeVisible();

  // The resident's card number, ID number, name and new PIN are nowhere the terminal keeps things:
  // not in the renderer's storage, the logs, the outbox (outside its encrypted fields) or any other file.
  const card = DEMO_CARDS['demo1']!;
  const canaries = [card.ssc.cardNumber, card.id.idNumber, card.ssc.name, '258036'];
  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  const files = terminalFiles(terminal.dataDir);
  expect(files.some((f) => f.path.includes('outbox.db'))).toBe(true);
  for (const canary of canaries) {
    expect(stored, 'renderer storage').not.toContain(canary);
    expect(files.filter((f) => f.text.includes(canary)).map((f) => f.path), canary).toEqual([]);
  }
});

test('an ID card of someone else ends the reset with the reason, and both cards are asked back', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await insertAndConfirm(page, 'ssc.pin.reset', 'demo1');
  await step(page, 'idCard');
  await page.getByTestId('demo-id-demo3').click();
  await step(page, 'failed');
  await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'idMismatch');
  await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCards');
  await checkStep(page, 'reset-failed-idMismatch');
  await page.getByTestId('flow-home').click();
  // The flow has ended with the cards still in: the reminder stays until the resident says done.
  await step(page, 'takeCards');
  await page.getByTestId('flow-take-cards-done').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
});

test('leaving a PIN change mid-way ends it cleanly, and pulling the card before that stops it with the reason', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await openService(page, 'ssc.pin.change');
  await step(page, 'insertCard');
  await expect(page.getByTestId('flow-steps')).toHaveText(/1.*4/);
  await page.getByTestId('demo-insert-demo2').click();
  await step(page, 'confirmCard');
  await page.getByTestId('flow-continue').click();
  await step(page, 'oldPin');
  await checkStep(page, 'change-oldPin');
  await page.getByTestId('demo-remove-card').click();
  await step(page, 'failed');
  await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'cardRemoved');
  await page.getByTestId('flow-home').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();

  await (await serviceTile(page, 'ssc.pin.change')).click();
  await step(page, 'insertCard');
  await page.getByTestId('demo-insert-demo2').click();
  await step(page, 'confirmCard');
  await page.getByTestId('flow-exit').click();
  await step(page, 'takeCards');
  await expect(page.getByTestId('flow-reminder')).toHaveAttribute('data-reminder', 'takeCard');
  await page.getByTestId('flow-take-cards-done').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
});

test('PIN change: the current PIN, a new one twice, done', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await insertAndConfirm(page, 'ssc.pin.change', 'demo2');
  await step(page, 'oldPin');
  await typeOnPad(page, '000000');
  await step(page, 'oldPin');
  await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'pinWrong');
  await expect(page.locator('.flow__tries')).toBeVisible();
  await typeOnPad(page, '147258');
  await step(page, 'newPin');
  await typeOnPad(page, '369048');
  await step(page, 'confirmPin');
  await typeOnPad(page, '369048');
  await step(page, 'done');
  await checkStep(page, 'change-done');
  await page.getByTestId('demo-remove-card').click();
  await expect(page.locator('[data-service-id="rating"]')).toBeVisible();
});


for (const elderly of [false, true]) {
  test(`the tallest PIN step fits every display without scrolling (elderly ${elderly ? 'on' : 'off'})`, async ({ page, terminal }) => {
    test.setTimeout(120_000);
    await openTerminal(page, terminal);
    if (elderly) await page.getByTestId('elderly-toggle').click();
    await insertAndConfirm(page, 'ssc.pin.change', 'demo2');
    await step(page, 'oldPin');
    await typeOnPad(page, '147258');
    await step(page, 'newPin');
    // A weak PIN: the error and its reason are on screen with the bank note, the dots and the demo pad.
    await typeOnPad(page, '123456');
    await expect(page.getByTestId('flow-error')).toHaveAttribute('data-error', 'pinWeak');
    await fitsEveryDisplay(page, `flow-change-newPin-weak-${elderly ? 'elderly' : 'standard'}`);
  });
}
