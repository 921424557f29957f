import type { Page } from '@playwright/test';
import { auditA11y, expect, openTechnicianLogin, openTerminal, serviceTile, snap, test } from './fixtures.js';
import { DISPLAYS, FLOOR_STANDING, layoutProblems, reachLinePx } from './layout-check.js';

/**
 * Every supported display × standard and elderly mode × zh-CN and en: on each resident screen nothing
 * scrolls, nothing is clipped, cut short or off the screen, every control is at least 60 px (80 px in
 * elderly mode) and lies below the reach line, and axe finds nothing serious or critical (7:1 contrast
 * in elderly mode). A screenshot of each is kept under
 * test-results/screenshots/layout/.
 *
 * With no mounting configured, the terminal takes a portrait screen to be floor-standing (top edge
 * 1,450 mm, picture 480 mm) and a landscape one to be within reach; the line is worked out here
 * from those figures, not read from the app.
 */

async function expectFits(page: Page, label: string, elderly: boolean, reachTopPx: number) {
  await snap(page, `layout/${label}`);
  expect(await layoutProblems(page, { reachTopPx, minTarget: elderly ? 80 : 60 }), label).toEqual([]);
  expect(await auditA11y(page, { enhancedContrast: elderly }), label).toEqual([]);
}

for (const display of DISPLAYS) {
  for (const elderly of [false, true]) {
    for (const language of ['zh-CN', 'en'] as const) {
      const label = `${display.name}-${elderly ? 'elderly' : 'standard'}-${language}`;
      test(`fits ${label}`, async ({ page, terminal }) => {
        await page.setViewportSize({ width: display.width, height: display.height });
        // The page's timers run on a clock the test can move on, to reach the idle warning without waiting for it.
        await page.clock.install();
        const reach = display.height > display.width ? reachLinePx(display.height, FLOOR_STANDING) : 0;
        await openTerminal(page, terminal);
        if (language === 'en') await page.getByTestId('lang-toggle').click();
        if (elderly) await page.getByTestId('elderly-toggle').click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expectFits(page, `${label}-attract`, elderly, reach);

        await page.getByTestId('start').click();
        await expect(page.locator('[data-screen="home"] .tile').first()).toBeVisible();
        // Every page of services.
        const where = page.getByTestId('home-pager-where');
        const pages = (await where.count()) > 0 ? Number(await where.getAttribute('data-pages')) : 1;
        for (let p = 1; p <= pages; p++) {
          if (p > 1) {
            await page.getByTestId('home-pager-next').click();
            await expect(where).toHaveAttribute('data-page', String(p));
          }
          await expectFits(page, `${label}-home-${p}`, elderly, reach);
        }
        // A service whose flow has not landed yet: its placeholder; then the "are you still there?" warning over it.
        await (await serviceTile(page, 'ssc.progress')).click();
        await expect(page.getByTestId('go-home')).toBeVisible();
        await expectFits(page, `${label}-service-placeholder`, elderly, reach);
        await page.clock.fastForward(65_000);
        await expect(page.getByTestId('idle-dialog')).toBeVisible();
        await expectFits(page, `${label}-idle`, elderly, reach);
        await page.getByTestId('idle-continue').click();
        await expect(page.getByTestId('idle-dialog')).toHaveCount(0);
        await page.getByTestId('go-home').click();

        await (await serviceTile(page, 'rating')).click();
        await expect(page.getByTestId('rating-5')).toBeVisible();
        await expectFits(page, `${label}-rating`, elderly, reach);
        await page.getByTestId('rating-5').click();
        await expect(page.getByTestId('rating-finish')).toBeVisible();
        await expectFits(page, `${label}-rating-recorded`, elderly, reach);
        await page.getByTestId('rating-finish').click();

        await expect(page.locator('[data-screen="attract"]')).toBeVisible();
        // The session's end put the defaults back; the technician sets the same mode and language.
        await openTechnicianLogin(page);
        if (language === 'en') await page.getByTestId('lang-toggle').click();
        if (elderly) await page.getByTestId('elderly-toggle').click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.locator('html')).toHaveAttribute('data-elderly', String(elderly));
        await expectFits(page, `${label}-admin-login`, elderly, reach);

        // The technician screen, every tab (the demo terminal has six devices: paged where they do not fit).
        for (const d of '246810') await page.getByTestId(`key-${d}`).click();
        await page.getByTestId('pin-submit').click();
        await expect(page.locator('[data-screen="admin"]')).toBeVisible();
        const tabs = page.getByRole('tab');
        await expect(tabs.first()).toBeVisible();
        for (const tab of await tabs.all()) {
          await tab.click();
          await expect(tab).toHaveAttribute('aria-selected', 'true');
          const id = (await tab.getAttribute('data-testid'))!.replace('admin-tab-', '');
          if (id === 'devices') await expect(page.getByTestId('device-pages')).toHaveAttribute('data-fitted', 'true');
          if (id === 'dead') await expect(page.getByTestId('dead-empty')).toBeVisible();
          if (id === 'queue') await expect(page.getByTestId('queue-depth')).toBeVisible();
          await expectFits(page, `${label}-admin-${id}`, elderly, reach);
        }
      });
    }
  }
}
