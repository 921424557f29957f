import type { Page } from '@playwright/test';
import { auditA11y, expect, openAdminTab, openTerminal, signInAsTechnician, snap, serviceTile, test } from './fixtures.js';

async function rate(page: Page, score: number): Promise<void> {
  await page.getByTestId('start').click();
  await (await serviceTile(page, 'rating')).click();
  await expect(page.locator('[data-screen="service"][data-service-id="rating"]')).toBeVisible();
  expect(await auditA11y(page)).toEqual([]);
  await snap(page, 'rating-zh-CN');
  await page.getByTestId(`rating-${score}`).click();
}

test.describe('rating transaction', () => {
  test('a rating is recorded, acknowledged with a reference and synced to the county', async ({ page, terminal }) => {
    await openTerminal(page, terminal);
    await rate(page, 5);
    await expect(page.locator('[data-rating="recorded"]')).toBeVisible();
    await expect(page.getByTestId('rating-reference')).toContainText(/[0-9A-F]{4}-[0-9A-F]{4}/);
    await snap(page, 'rating-recorded-zh-CN');
    await page.getByTestId('rating-finish').click();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();

    await signInAsTechnician(page);
    await openAdminTab(page, 'queue');
    // The embedded county backend is up: the row leaves the queue and a sync time appears.
    await expect(page.getByTestId('queue-depth')).toHaveText('0', { timeout: 20_000 });
    await expect(page.getByTestId('queue-last-sync')).not.toContainText('从未', { timeout: 20_000 });
  });

  test.describe('with the county unreachable', () => {
    test.use({ terminalConfig: { county: { url: 'http://127.0.0.1:9/', enrolmentCode: 'OFFLINE-CODE' } } });

    test('the rating is still recorded and waits in the queue', async ({ page, terminal }) => {
      await openTerminal(page, terminal);
      await rate(page, 3);
      await expect(page.locator('[data-rating="recorded"]')).toBeVisible();
      await page.getByTestId('rating-finish').click();
      await signInAsTechnician(page);
      await openAdminTab(page, 'queue');
      // The rating and the technician's own sign-in (an audit record) both wait for the county.
      await expect(page.getByTestId('queue-depth')).toHaveText('2');
      await snap(page, 'admin-ops-offline-zh-CN');
    });
  });
});
