import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { auditA11y, expect, openTerminal, signInAsTechnician, snap, test } from './fixtures.js';

test('admin ops: the technician screen shows the offline queue next to the devices, passes axe in both languages', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await signInAsTechnician(page);

  const panel = page.getByTestId('queue-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('device-panel')).toBeVisible();
  // A fresh terminal: nothing waiting, nothing stuck, accepting records.
  await expect(page.getByTestId('queue-depth')).toHaveText('0');
  await expect(page.getByTestId('queue-oldest')).toHaveText('无等待记录');
  await expect(page.getByTestId('queue-dead-count')).toHaveText('0');
  await expect(page.getByTestId('queue-accepting')).toHaveText('是');
  await expect(page.getByTestId('queue-not-accepting')).toHaveCount(0);
  // The embedded county may or may not have answered yet: a local time, or "never".
  await expect(page.getByTestId('queue-last-sync')).toHaveText(/^(从未|(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}:\d{2})$/);
  // Whatever the sync state is now, the words shown are that state's.
  const sync = (await page.getByTestId('queue-status').getAttribute('data-sync')) as keyof typeof zhCN.queue.sync;
  expect(Object.keys(zhCN.queue.sync)).toContain(sync);
  await expect(page.getByTestId('queue-sync')).toContainText(zhCN.queue.sync[sync]);
  await expect(page.getByTestId('dead-empty')).toBeVisible();

  // Every button on the panel is a large touch target.
  for (const button of await panel.getByRole('button').all()) {
    const size = await button.boundingBox();
    expect(size?.height ?? 0).toBeGreaterThanOrEqual(60);
    expect(size?.width ?? 0).toBeGreaterThanOrEqual(60);
  }

  await snap(page, 'admin-ops-zh-CN');
  expect(await auditA11y(page, { enhancedContrast: true }), 'admin zh-CN').toEqual([]);

  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('queue-oldest')).toHaveText('Nothing waiting');
  await expect(page.getByTestId('queue-accepting')).toHaveText('Yes');
  await expect(page.getByTestId('queue-last-sync')).toHaveText(/^(Never|(\d{1,2} \w{3} \d{4}, )?\d{2}:\d{2}:\d{2})$/);
  await expect(page.getByTestId('dead-empty')).toHaveText('No records are stuck.');
  await snap(page, 'admin-ops-en');
  expect(await auditA11y(page, { enhancedContrast: true }), 'admin en').toEqual([]);

  // The explicit refresh goes back to the core and keeps the panel whole.
  await page.getByTestId('queue-refresh').click();
  await expect(page.getByTestId('queue-depth')).toHaveText('0');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
