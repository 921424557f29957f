import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import type { Page } from '@playwright/test';
import { auditA11y, expect, openAdminTab, openTerminal, readEveryPage, signInAsTechnician, snap, startCounty, startTerminal, serviceTile, test } from './fixtures.js';
import { layoutProblems } from './layout-check.js';

async function rate(page: Page, score: number): Promise<void> {
  await page.getByTestId('start').click();
  await (await serviceTile(page, 'rating')).click();
  await page.getByTestId(`rating-${score}`).click();
  await expect(page.locator('[data-rating="recorded"]')).toBeVisible();
  await page.getByTestId('rating-finish').click();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
}

test('a rejected transaction becomes a dead letter that ops can retry or discard', async ({ page }) => {
  const county = await startCounty();
  const terminal = await startTerminal({ county: { url: county.url, enrolmentCode: 'DEMO-XA-HOSPITAL-01' } });
  try {
    // The county permanently rejects ratings: each one must land in dead letters, not vanish.
    await county.setFault({ mode: 'reject-kind', kind: 'rating', reason: 'rating_closed' });
    await openTerminal(page, terminal);
    await rate(page, 5);
    await rate(page, 1);
    await signInAsTechnician(page);
    // The tab says how many are stuck before it is opened.
    await expect(page.getByTestId('admin-dead-count')).toHaveText('2', { timeout: 20_000 });
    await openAdminTab(page, 'dead');
    const rows = page.locator('[data-testid^="dead-retry-"]');
    await expect(rows).toHaveCount(2, { timeout: 20_000 });
    await expect(page.getByTestId('dead-letters')).toContainText('县里系统拒收（rating_closed）');
    await expect(page.getByTestId('dead-letters')).toContainText('服务评价');
    await snap(page, 'admin-dead-letters-zh-CN');
    expect(await auditA11y(page, { enhancedContrast: true })).toEqual([]);

    // Discard one: it asks for confirmation first, then it is gone for good.
    const firstId = (await rows.first().getAttribute('data-testid'))!.replace('dead-retry-', '');
    await expect(page.getByTestId('dead-hint')).toHaveText('');
    await page.getByTestId(`dead-discard-${firstId}`).click();
    await expect(page.getByTestId('dead-hint')).toHaveText(zhCN.queue.dead.confirmHint);
    await expect(page.getByTestId(`dead-confirm-${firstId}`)).toHaveAttribute('aria-describedby', 'dead-hint');
    await page.getByTestId(`dead-confirm-${firstId}`).click();
    await expect(rows).toHaveCount(1);

    // The county accepts ratings again: a retried dead letter is synced and leaves the queue.
    await county.setFault({ mode: 'none' });
    const secondId = (await rows.first().getAttribute('data-testid'))!.replace('dead-retry-', '');
    await page.getByTestId(`dead-retry-${secondId}`).click();
    await expect(page.getByTestId('dead-empty')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('admin-dead-count')).toHaveCount(0);
    await openAdminTab(page, 'queue');
    await expect(page.getByTestId('queue-dead-count')).toHaveText('0');
    await expect(page.getByTestId('queue-depth')).toHaveText('0', { timeout: 20_000 });
    // Applied exactly once at the county, and the discarded one never (the technician's own actions
    // reach the county too, as admin-audit records: they are not what this test counts).
    await expect.poll(async () => (await county.effects())[secondId]).toBe(1);
    expect((await county.effects())[firstId]).toBeUndefined();
  } finally {
    await terminal.stop();
    await county.stop();
  }
});

test('stuck records longer than a screen are read a page at a time, each page fitting a 1366×768 screen in large text', async ({ page }) => {
  const county = await startCounty();
  const terminal = await startTerminal({ county: { url: county.url, enrolmentCode: 'DEMO-XA-HOSPITAL-01' } });
  try {
    await county.setFault({ mode: 'reject-kind', kind: 'rating', reason: 'rating_closed' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await openTerminal(page, terminal);
    const total = 7;
    for (let i = 0; i < total; i++) await rate(page, 1 + (i % 5));
    await signInAsTechnician(page);
    await expect(page.getByTestId('admin-dead-count')).toHaveText(String(total), { timeout: 20_000 });
    await page.getByTestId('elderly-toggle').click();
    await openAdminTab(page, 'dead');
    await expect(page.getByTestId('dead-letters')).toHaveAttribute('data-fitted', 'true');
    const seen = await readEveryPage(page, 'dead-pager', '[data-testid^="dead-retry-"]', async (p) => {
      await snap(page, `admin-dead-letters-page-${p}`);
      expect(await layoutProblems(page, { reachTopPx: 0, minTarget: 80 }), `page ${p}`).toEqual([]);
    });
    // Every stuck record is on exactly one page.
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  } finally {
    await terminal.stop();
    await county.stop();
  }
});
