import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { hashPin } from '../../src-main/config/pin-hash.js';
import { demoEnrolmentCode } from '../../src-main/county/reference/index.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { en } from '../../src-renderer/i18n/locales/en.js';
import { auditA11y, expect, openTechnicianLogin, serviceTile, snap, startCounty, startTerminal, test, type Terminal } from './fixtures.js';
import { DISPLAYS, FLOOR_STANDING, layoutProblems, reachLinePx } from './layout-check.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * Safe first boot: a site terminal never runs on the demo defaults. Without a usable configuration
 * residents get an out-of-service notice and the technician entry says what the configuration lacks;
 * a demo terminal carries a visible demo mark on every screen and a site terminal none.
 */

async function openApp(page: Page, terminal: Terminal, screen: string): Promise<void> {
  await page.goto(terminal.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.locator(`[data-screen="${screen}"]`)).toBeVisible();
}

for (const display of DISPLAYS) {
  test(`a site terminal with no configuration is out of service for residents and shows the technician what is missing (${display.name}, both modes and languages)`, async ({ page }) => {
    const terminal = await startTerminal({}, { mode: 'site', configText: null });
    try {
      await page.setViewportSize({ width: display.width, height: display.height });
      await openApp(page, terminal, 'outOfService');
      // None of the demo defaults: no demo mark, no start button, no embedded county database, no outbox.
      await expect(page.getByTestId('demo-mark')).toHaveCount(0);
      await expect(page.getByTestId('start')).toHaveCount(0);
      await expect(page.getByTestId('out-of-service')).toContainText(zhCN.outOfService.title);
      await expect(page.getByTestId('out-of-service')).toContainText('12333');
      expect(existsSync(join(terminal.dataDir, 'county-reference.db'))).toBe(false);
      expect(existsSync(join(terminal.dataDir, 'outbox.db'))).toBe(false);

      const reach = display.height > display.width ? reachLinePx(display.height, FLOOR_STANDING) : 0;
      for (const elderly of [false, true]) {
        for (const language of ['zh-CN', 'en'] as const) {
          const label = `site-${display.name}-${elderly ? 'elderly' : 'standard'}-${language}`;
          const html = page.locator('html');
          if ((await html.getAttribute('lang')) !== language) await page.getByTestId('lang-toggle').click();
          if ((await html.getAttribute('data-elderly')) !== String(elderly)) await page.getByTestId('elderly-toggle').click();
          await expect(html).toHaveAttribute('lang', language);
          await expect(html).toHaveAttribute('data-elderly', String(elderly));
          await expect(page.locator('[data-screen="outOfService"]')).toBeVisible();
          await snap(page, `layout/${label}-out-of-service`);
          expect(await layoutProblems(page, { reachTopPx: reach, minTarget: elderly ? 80 : 60 }), label).toEqual([]);
          expect(await auditA11y(page, { enhancedContrast: elderly }), label).toEqual([]);

          await openTechnicianLogin(page, 'setupNeeded');
          const problem = page.locator('[data-testid="setup-problems"] li');
          await expect(problem).toHaveCount(1);
          await expect(problem).toHaveAttribute('data-code', 'missing_file');
          await expect(problem).toContainText((language === 'en' ? en : zhCN).setup.problem.missing_file);
          await snap(page, `layout/${label}-setup-needed`);
          expect(await layoutProblems(page, { reachTopPx: reach, minTarget: elderly ? 80 : 60 }), `${label} setup`).toEqual([]);
          expect(await auditA11y(page, { enhancedContrast: elderly }), `${label} setup`).toEqual([]);
          await page.getByTestId('setup-back').click();
        }
      }
    } finally {
      await terminal.stop();
    }
  });
}

test('a site configuration on demo defaults is refused field by field, and the demo PIN opens nothing', async ({ page }) => {
  const terminal = await startTerminal({ mode: 'site', county: { url: 'embedded' }, devices: [{ kind: 'cardReader', driver: 'emulator' }] });
  try {
    await openApp(page, terminal, 'outOfService');
    await openTechnicianLogin(page, 'setupNeeded');
    const problems = page.locator('[data-testid="setup-problems"] li');
    await expect(problems).toHaveCount(4);
    expect(await problems.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-field')} ${li.getAttribute('data-code')}`))).toEqual([
      'siteId required_on_site',
      'county.url demo_only',
      'admin.pinHash required_on_site',
      'devices.0.driver demo_only',
    ]);
    // There is no PIN screen to type the demo PIN into, and the core refuses it too.
    await expect(page.getByTestId('key-2')).toHaveCount(0);
    await snap(page, 'site-setup-needed-demo-defaults');
    expect(existsSync(join(terminal.dataDir, 'county-reference.db'))).toBe(false);
  } finally {
    await terminal.stop();
  }
});

test('a configured site terminal serves residents with no demo mark; a demo terminal carries the mark on every screen', async ({ page }) => {
  const county = await startCounty();
  const site = await startTerminal({
    mode: 'site',
    siteId: 'xa-hospital-01',
    county: { url: county.url, enrolmentCode: demoEnrolmentCode('xa-hospital-01') },
    admin: { pinHash: hashPin('135792', { N: 16_384, r: 8, p: 1 }) },
    devices: [],
  });
  try {
    await openApp(page, site, 'attract');
    await expect(page.getByTestId('demo-mark')).toHaveCount(0);
    await page.getByTestId('start').click();
    await (await serviceTile(page, 'rating')).click();
    await expect(page.getByTestId('rating-5')).toBeVisible();
    await expect(page.getByTestId('demo-mark')).toHaveCount(0);
  } finally {
    await site.stop();
    await county.stop();
  }

  const demo = await startTerminal();
  try {
    await openApp(page, demo, 'attract');
    await expect(page.getByTestId('demo-mark')).toHaveText(`${zhCN.app.demoMark}${zhCN.app.demoMarkLabel}`);
    await page.getByTestId('start').click();
    await expect(page.locator('[data-screen="home"]')).toBeVisible();
    await expect(page.getByTestId('demo-mark')).toBeVisible();
    await snap(page, 'demo-mark-home');
  } finally {
    await demo.stop();
  }
});

test('a corrupt configuration puts a site terminal out of service; repairing the file brings it into service without a restart', async ({ page }) => {
  const county = await startCounty();
  const terminal = await startTerminal({}, { mode: 'site', configText: '{"mode": "site", "siteId": ' });
  try {
    await openApp(page, terminal, 'outOfService');
    await openTechnicianLogin(page, 'setupNeeded');
    await expect(page.locator('[data-testid="setup-problems"] li')).toHaveAttribute('data-code', 'invalid_json');
    await page.getByTestId('setup-back').click();
    await expect(page.locator('[data-screen="outOfService"]')).toBeVisible();

    // The technician repairs the file (written whole and renamed into place, as an editor or the wizard does).
    const file = join(terminal.dataDir, 'config.json');
    writeFileSync(`${file}.tmp`, JSON.stringify({
      mode: 'site',
      siteId: 'xa-hospital-01',
      county: { url: county.url, enrolmentCode: demoEnrolmentCode('xa-hospital-01') },
      admin: { pinHash: hashPin('135792', { N: 16_384, r: 8, p: 1 }) },
      devices: [],
    }));
    renameSync(`${file}.tmp`, file);

    // The same page, never reloaded, moves on to serving residents.
    await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('site-name')).toContainText('咸安区某医院门诊大厅');
    await expect(page.getByTestId('demo-mark')).toHaveCount(0);
    await page.getByTestId('start').click();
    await expect(page.locator('[data-screen="home"]')).toBeVisible();
  } finally {
    await terminal.stop();
    await county.stop();
  }
});

test('a terminal where no service can run says so and why instead of offering a start, in both languages', async ({ page }) => {
  // A site level whose services all need devices this terminal does not have.
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-catalog-'));
  const catalog = JSON.parse(readFileSync(join(ROOT, 'assets/catalog/county-catalog.json'), 'utf8')) as { siteServices: Record<string, string[]> };
  catalog.siteServices['outlet'] = ['ssc.pin.reset', 'ssc.pin.change'];
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
  const terminal = await startTerminal({ catalogFile: join(dir, 'catalog.json'), devices: [] });
  try {
    await openApp(page, terminal, 'outOfService');
    await expect(page.getByTestId('start')).toHaveCount(0);
    await expect(page.getByTestId('out-of-service-cause')).toHaveAttribute('data-cause', 'deviceMissing');
    await expect(page.getByTestId('out-of-service-cause')).toHaveText(zhCN.outOfService.cause.deviceMissing);
    await expect(page.getByTestId('out-of-service')).toContainText('12333');
    await snap(page, 'no-service-zh-CN');
    expect(await auditA11y(page)).toEqual([]);
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('out-of-service-cause')).toHaveText(en.outOfService.cause.deviceMissing);
    // The technician entry still leads to the technician PIN: this terminal is configured.
    await openTechnicianLogin(page);
  } finally {
    await terminal.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
