import { DEVICE_KINDS } from '../../src-main/contract/catalog.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FLOOR_STANDING, layoutProblems, reachLinePx } from './layout-check.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { auditA11y, expect, openAdminTab, openTerminal, readEveryPage, signInAsTechnician, snap, test } from './fixtures.js';

test('admin ops: the technician screen shows one tab at a time (overview, devices, offline queue, stuck records), passes axe in both languages', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await signInAsTechnician(page);

  // A landscape screen is all within reach: the overview is the first tab and is open.
  await expect(page.getByRole('tab')).toHaveText(['概况', '设备', '离线队列', '无法上传', '日志']);
  await expect(page.getByTestId('admin-tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('terminal-info')).toContainText(/T-[0-9A-F]{8}/);
  await expect(page.getByTestId('health')).toBeVisible();
  await expect(page.getByTestId('device-panel')).toHaveCount(0);

  // The arrow keys move between tabs, as the ARIA tabs pattern has it.
  await page.getByTestId('admin-tab-overview').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('admin-tab-devices')).toBeFocused();
  await expect(page.getByTestId('device-panel')).toBeVisible();
  await expect(page.getByTestId('device-cardReader')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('terminal-info')).toHaveCount(0);

  await openAdminTab(page, 'queue');
  const panel = page.getByTestId('queue-panel');
  await expect(panel).toBeVisible();
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
  await openAdminTab(page, 'dead');
  await expect(page.getByTestId('dead-empty')).toBeVisible();
  await openAdminTab(page, 'queue');

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
  await openAdminTab(page, 'dead');
  await expect(page.getByTestId('dead-empty')).toHaveText('No records are stuck.');
  await openAdminTab(page, 'queue');
  await snap(page, 'admin-ops-en');
  expect(await auditA11y(page, { enhancedContrast: true }), 'admin en').toEqual([]);

  // The explicit refresh goes back to the core and keeps the panel whole.
  await page.getByTestId('queue-refresh').click();
  await expect(page.getByTestId('queue-depth')).toHaveText('0');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('device rows that do not fit a portrait terminal in large text are paged, every device on exactly one page, the tabs below the reach line', async ({ page, terminal }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openTerminal(page, terminal);
  await page.getByTestId('elderly-toggle').click();
  await signInAsTechnician(page);
  // Portrait: the overview is read above the reach line, so it is not a tab; the devices tab opens first.
  await expect(page.getByRole('tab')).toHaveText(['设备', '离线队列', '无法上传', '日志', '设置']);
  await expect(page.getByTestId('admin-overview')).toBeVisible();
  await expect(page.locator('[data-screen="admin"]')).toHaveAttribute('data-tab', 'devices');
  await expect(page.getByTestId('device-pages')).toHaveAttribute('data-fitted', 'true');
  const seen = await readEveryPage(page, 'device-pager', '[data-testid^="device-"][data-state]');
  expect(seen.sort()).toEqual(DEVICE_KINDS.map((k) => `device-${k}`).sort());
  // Within reach: the tabs and the way out are in the lower part of the screen.
  const tabTop = (await page.getByTestId('admin-tab-devices').boundingBox())!.y;
  expect(tabTop).toBeGreaterThan(reachLinePx(1920, FLOOR_STANDING));
});

test('ops staff make a log bundle from the screen: saved on the terminal, its checksum shown, the screen still fitting 1366×768 in large text', async ({ page, terminal }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openTerminal(page, terminal);
  await signInAsTechnician(page);
  await page.getByTestId('elderly-toggle').click();
  await openAdminTab(page, 'logs');
  // No drive on this machine: the terminal's own folder is the one choice, already chosen.
  await expect(page.getByTestId('bundle-target-local')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('bundle-export').click();
  const done = page.getByTestId('bundle-done');
  await expect(done).toBeVisible();
  const name = (await done.getAttribute('data-name'))!;
  expect(name).toMatch(/^kiosk-logs-T-[0-9A-F]{8}-\d{8}-\d{6}Z\.zip$/);
  const file = join(terminal.dataDir, 'bundles', name);
  expect(existsSync(file)).toBe(true);
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(await done.getAttribute('data-sha256'));
  await expect(page.getByTestId('bundle-status')).toContainText((await done.getAttribute('data-sha256'))!);
  await snap(page, 'admin-log-bundle-elderly-zh-CN');
  expect(await layoutProblems(page, { reachTopPx: 0, minTarget: 80 })).toEqual([]);
  expect(await auditA11y(page, { enhancedContrast: true })).toEqual([]);
});
