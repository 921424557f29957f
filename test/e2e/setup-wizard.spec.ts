import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoEnrolmentCode } from '../../src-main/county/reference/index.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { auditA11y, expect, openAdminTab, openTechnicianLogin, snap, startCounty, startTerminal, test } from './fixtures.js';
import { DISPLAYS, FLOOR_STANDING, layoutProblems, reachLinePx } from './layout-check.js';

/**
 * The setup wizard takes a site terminal from the box to serving residents: the setup code from its
 * data directory, a technician PIN, the site, enrolment with the county, devices, language and
 * times, a preview, and a save that the terminal takes without a restart. Every step fits each
 * supported display in both modes and both languages.
 */

type Display = (typeof DISPLAYS)[number];

/** Checks the step on screen in standard and large text, in both languages, and leaves it in standard zh-CN. */
async function checkStep(page: Page, display: Display, step: string): Promise<void> {
  await expect(page.locator('[data-screen="setup"]')).toHaveAttribute('data-step', step);
  const reach = display.height > display.width ? reachLinePx(display.height, FLOOR_STANDING) : 0;
  const html = page.locator('html');
  for (const [elderly, language] of [[false, 'zh-CN'], [true, 'zh-CN'], [true, 'en'], [false, 'en']] as const) {
    if ((await html.getAttribute('lang')) !== language) await page.getByTestId('lang-toggle').click();
    if ((await html.getAttribute('data-elderly')) !== String(elderly)) await page.getByTestId('elderly-toggle').click();
    await expect(html).toHaveAttribute('lang', language);
    await expect(html).toHaveAttribute('data-elderly', String(elderly));
    const label = `setup-${step}-${display.name}-${elderly ? 'elderly' : 'standard'}-${language}`;
    await expect(page.locator('[data-fitted="false"]')).toHaveCount(0);
    await snap(page, `layout/${label}`);
    expect(await layoutProblems(page, { reachTopPx: reach, minTarget: elderly ? 80 : 60 }), label).toEqual([]);
    // Contrast and names do not change with the language: audited once per mode.
    if (language === 'zh-CN') expect(await auditA11y(page, { enhancedContrast: elderly }), label).toEqual([]);
  }
  await page.getByTestId('lang-toggle').click();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
}

async function keyIn(page: Page, digits: string, submit: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`key-${d}`).click();
  await page.getByTestId(submit).click();
}

for (const display of DISPLAYS) {
  test(`a technician sets up a new site terminal with the wizard and it serves residents without a restart (${display.name}, every step in both modes and languages)`, async ({ page }) => {
    // Seven steps, each laid out four ways and checked: longer than one screen's test.
    test.setTimeout(150_000);
    const county = await startCounty();
    const terminal = await startTerminal({}, { mode: 'site', configText: null });
    try {
      await page.setViewportSize({ width: display.width, height: display.height });
      await page.goto(terminal.url);
      await expect(page.locator('html')).toHaveAttribute('data-app-ready', 'true');
      await expect(page.locator('[data-screen="outOfService"]')).toBeVisible();
      await openTechnicianLogin(page, 'setupNeeded');
      await page.getByTestId('setup-start').click();

      // 1. The setup code: a wrong one is counted, the one in the data directory opens the wizard.
      await checkStep(page, display, 'unlock');
      const code = readFileSync(join(terminal.dataDir, 'setup-code'), 'utf8').trim();
      await keyIn(page, code === '00000000' ? '11111111' : '00000000', 'unlock-submit');
      await expect(page.getByTestId('unlock-error')).toHaveText(zhCN.adminLogin.triesLeft.replace('{{count}}', '4'));
      await keyIn(page, code, 'unlock-submit');

      // 2. The technician PIN: a guessable one is refused with the reason, a mismatch starts again.
      await checkStep(page, display, 'pin');
      await keyIn(page, '123456', 'new-pin-submit');
      await keyIn(page, '123456', 'new-pin-submit');
      await expect(page.getByTestId('pin-step-error')).toHaveText(zhCN.setupWizard.problem.pin_weak);
      await keyIn(page, '583920', 'new-pin-submit');
      await keyIn(page, '583921', 'new-pin-submit');
      await expect(page.getByTestId('pin-step-error')).toHaveText(zhCN.setupWizard.pinMismatch);
      await keyIn(page, '583920', 'new-pin-submit');
      await keyIn(page, '583920', 'new-pin-submit');

      // 3. The site.
      await checkStep(page, display, 'site');
      await expect(page.getByTestId('wizard-next')).toBeDisabled();
      await page.getByTestId('site-xa-hospital-01').click();
      await expect(page.getByTestId('site-xa-hospital-01')).toHaveAttribute('aria-pressed', 'true');
      await page.getByTestId('wizard-next').click();

      // 4. Enrolment: a wrong code is the county's refusal, the right one its id for this terminal.
      await checkStep(page, display, 'county');
      await page.getByTestId('county-url').fill(county.url);
      await page.getByTestId('county-code').fill('WRONG-CODE-1');
      await page.getByTestId('county-enrol').click();
      await expect(page.getByTestId('county-error')).toHaveAttribute('data-code', 'county_refused');
      await page.getByTestId('county-code').fill(demoEnrolmentCode('xa-hospital-01'));
      await page.getByTestId('county-enrol').click();
      await expect(page.getByTestId('county-enrolled')).toBeVisible();
      const countyId = await page.getByTestId('county-enrolled').getAttribute('data-id');
      expect(countyId).toBeTruthy();
      await checkStep(page, display, 'county');
      await page.getByTestId('wizard-next').click();

      // 5. Devices: this machine has none to offer; every role stays "not fitted".
      await checkStep(page, display, 'devices');
      await page.getByTestId('wizard-next').click();

      // 6. Language, volume and times.
      await checkStep(page, display, 'prefs');
      await page.getByTestId('pref-volume-less').click();
      await page.getByTestId('pref-idle-more').click();
      await expect(page.getByTestId('pref-volume')).toHaveAttribute('data-value', '7');
      await expect(page.getByTestId('pref-idle')).toHaveAttribute('data-value', '75');
      await page.getByTestId('wizard-next').click();

      // 7. The preview: no problems left; a service needing a card reader is off and says why.
      await expect(page.locator('[data-testid="review-rows"] li').first()).toBeVisible();
      await checkStep(page, display, 'review');
      await expect(page.locator('[data-testid="review-rows"] [data-field]')).toHaveCount(0);
      await expect(page.getByTestId('wizard-apply')).toBeEnabled();
      // Saved, the terminal takes the file within about a second (the "saved" line may show only briefly).
      await page.getByTestId('wizard-apply').click();

      // The same page, never reloaded, is now a terminal in service at the chosen site.
      await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('site-name')).toContainText('咸安区某医院门诊大厅');
      await expect(page.getByTestId('demo-mark')).toHaveCount(0);
      const written = JSON.parse(readFileSync(join(terminal.dataDir, 'config.json'), 'utf8')) as Record<string, unknown>;
      expect(written).toMatchObject({ mode: 'site', siteId: 'xa-hospital-01', configVersion: 1, county: { url: county.url }, devices: [], idle: { warnAfterMs: 75_000 }, settingsDefaults: { volume: 0.7 } });
      expect(JSON.stringify(written)).not.toContain('583920');

      if (display.name !== 'portrait-1080x1920') return;
      // The new PIN signs the technician in; the terminal shows both its own id and the county's.
      await openTechnicianLogin(page);
      await keyIn(page, '583920', 'pin-submit');
      await expect(page.locator('[data-screen="admin"]')).toBeVisible();
      await page.getByTestId('admin-tab-setup').click();
      await snap(page, 'layout/admin-setup-tab');
      await page.getByTestId('admin-setup-start').click();
      // A re-run: no setup code, the PIN and the enrolment kept, the language changed.
      await expect(page.locator('[data-screen="setup"]')).toHaveAttribute('data-step', 'pin');
      await page.getByTestId('pin-keep').click();
      await expect(page.getByTestId('site-xa-hospital-01')).toHaveAttribute('aria-pressed', 'true');
      await page.getByTestId('wizard-next').click();
      await expect(page.getByTestId('county-enrolled')).toHaveAttribute('data-id', countyId!);
      await page.getByTestId('wizard-next').click();
      await page.getByTestId('wizard-next').click();
      await page.getByTestId('pref-lang-en').click();
      await page.getByTestId('wizard-next').click();
      await expect(page.getByTestId('wizard-apply')).toBeEnabled();
      await page.getByTestId('wizard-apply').click();
      await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      expect(JSON.parse(readFileSync(join(terminal.dataDir, 'config.json'), 'utf8'))).toMatchObject({ configVersion: 2, settingsDefaults: { language: 'en' } });
      expect(JSON.parse(readFileSync(join(terminal.dataDir, 'config-history', 'config.1.json'), 'utf8'))).toMatchObject({ configVersion: 1 });
    } finally {
      await terminal.stop();
      await county.stop();
    }
  });
}

test('on a configured terminal the admin overview names the terminal to the county, and the setup tab needs the technician sign-in', async ({ page }) => {
  const terminal = await startTerminal();
  try {
    await page.goto(terminal.url);
    await expect(page.locator('html')).toHaveAttribute('data-app-ready', 'true');
    await openTechnicianLogin(page);
    await keyIn(page, '246810', 'pin-submit');
    await openAdminTab(page, 'overview');
    // The demo terminal enrols with the embedded county at start: its county id is shown beside the local one.
    await expect(page.getByTestId('county-terminal-id')).not.toHaveText('—');
  } finally {
    await terminal.stop();
  }
});
