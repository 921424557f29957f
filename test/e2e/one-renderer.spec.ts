import { expect, openTerminal, test } from './fixtures.js';

test('one renderer at a time: a newer window takes over, the older one shows a calm note and stays quiet', async ({ page, context, terminal }) => {
  // The older page's clock is ours, so its reconnect backoff can be run out instead of waited for.
  await page.clock.install();
  await openTerminal(page, terminal);
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));

  const newer = await context.newPage();
  await openTerminal(newer, terminal);

  // The older page learns it was replaced (close code 4001) and says so, without the reconnecting alarm.
  await expect(page.getByTestId('replaced')).toBeVisible();
  await expect(page.getByTestId('replaced')).toHaveText('本机已在新的窗口中打开。');
  await expect(page.getByTestId('reconnecting')).toHaveCount(0);

  // The newer page is the one the core serves.
  await newer.getByTestId('start').click();
  await expect(newer.locator('[data-screen="home"]')).toBeVisible();
  await expect(newer.getByTestId('reconnecting')).toHaveCount(0);
  // The older page never tries to win the terminal back, however long it is left.
  await page.clock.runFor(60_000);
  expect(sockets).toEqual([]);
  await expect(newer.getByTestId('replaced')).toHaveCount(0);
  await expect(newer.locator('[data-screen="home"]')).toBeVisible();
});
