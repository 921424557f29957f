import { auditA11y, expect, openTechnicianLogin, openTerminal, snap, serviceTile, test } from './fixtures.js';
import type { Page } from '@playwright/test';

type Screen = 'attract' | 'home' | 'service';

async function goTo(page: Page, screen: Screen): Promise<void> {
  if (screen === 'attract') return;
  await page.getByTestId('start').click();
  await expect(page.locator('[data-screen="home"]')).toBeVisible();
  if (screen === 'service') {
    await (await serviceTile(page, 'ssc.progress')).click();
    await expect(page.locator('[data-screen="service"]')).toBeVisible();
  }
}

for (const language of ['zh-CN', 'en'] as const) {
  for (const elderly of [false, true]) {
    test(`every screen passes axe and is captured (${language}, elderly ${elderly ? 'on' : 'off'})`, async ({ page, terminal }) => {
      await openTerminal(page, terminal);
      // Attract last: ending a session returns settings to the defaults, so each pass starts clean.
      for (const screen of ['home', 'service', 'attract'] as const) {
        if (language === 'en') await page.getByTestId('lang-toggle').click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (elderly) {
          await page.getByTestId('elderly-toggle').click();
          await expect(page.locator('html')).toHaveAttribute('data-elderly', 'true');
        }
        await goTo(page, screen);
        await snap(page, `${screen}-${language}-${elderly ? 'elderly' : 'standard'}`);
        expect(await auditA11y(page, { enhancedContrast: elderly }), `${screen} ${language}`).toEqual([]);
        if (screen === 'service') await page.getByTestId('go-home').click();
        if (screen === 'attract') continue;
        await page.getByTestId('end-session').click();
        await expect(page.locator('[data-screen="attract"]')).toBeVisible();
        // The next resident gets the defaults back.
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
        await expect(page.locator('html')).toHaveAttribute('data-elderly', 'false');
      }
    });
  }
}

test('admin screens pass axe and are captured', async ({ page, terminal }) => {
  await openTerminal(page, terminal);
  await openTechnicianLogin(page);
  await snap(page, 'admin-login-zh-CN');
  expect(await auditA11y(page)).toEqual([]);
  for (const d of '246810') await page.getByTestId(`key-${d}`).click();
  await page.getByTestId('pin-submit').click();
  await expect(page.locator('[data-screen="admin"]')).toBeVisible();
  await snap(page, 'admin-zh-CN');
  expect(await auditA11y(page)).toEqual([]);
});
