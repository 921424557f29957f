import { FAST_IDLE, auditA11y, expect, openTerminal, snap, serviceTile, test } from './fixtures.js';

test.describe('resident journey', () => {
  test.use({ terminalConfig: FAST_IDLE });

  test('attract → home → service → language → elderly mode → idle warning → continue → idle timeout wipes the session', async ({ page, terminal }) => {
    await page.clock.install();
    await openTerminal(page, terminal);

    await page.getByTestId('start').click();
    await expect(page.locator('[data-screen="home"]')).toBeVisible();
    // The hospital outlet's list: card services yes, the civil-affairs application no.
    await expect(await serviceTile(page, 'ssc.pin.reset')).toBeVisible();
    await expect(await serviceTile(page, 'civil.assistance.apply')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await (await serviceTile(page, 'ssc.progress')).click();
    await expect(page.locator('[data-screen="service"]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('制卡进度查询');

    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Card production progress');

    await page.getByTestId('elderly-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-elderly', 'true');
    const bodyFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodyFont).toBeGreaterThanOrEqual(30);
    const smallest = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, [role="button"], a[href]'))
        .filter((el) => (el as HTMLElement).offsetParent !== null && el.getAttribute('aria-hidden') !== 'true')
        .map((el) => el.getBoundingClientRect())
        .reduce((min, r) => Math.min(min, r.width, r.height), Infinity),
    );
    expect(smallest).toBeGreaterThanOrEqual(60);
    expect(await auditA11y(page, { enhancedContrast: true })).toEqual([]);
    await page.getByTestId('volume-step').click();
    await expect(page.getByTestId('volume-step')).toHaveText('Volume: high');

    // Idle: the warning comes after warnAfterMs and gives at least 20 s.
    await page.clock.runFor(10_500);
    const dialog = page.getByTestId('idle-dialog');
    await expect(dialog).toBeVisible();
    await snap(page, 'idle-warning-en-elderly');
    const seconds = Number(await page.getByTestId('idle-countdown').textContent());
    expect(seconds).toBeGreaterThanOrEqual(19);
    await page.getByTestId('idle-continue').click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-screen="service"]')).toBeVisible();

    // Let it run out this time: the session ends, resident state is wiped, defaults return.
    await page.clock.runFor(10_500);
    await expect(dialog).toBeVisible();
    await page.clock.runFor(21_000);
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('html')).not.toHaveAttribute('data-elderly', 'true');
    await expect(page.getByTestId('volume-step')).toHaveText('音量：中');
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: Object.keys(sessionStorage) }));
    expect(stored.local).toBe(0);
    expect(stored.session.filter((k) => k !== 'kiosk.token')).toEqual([]);

    // The next resident starts from the top with a fresh session.
    await page.getByTestId('start').click();
    await expect(page.locator('[data-screen="home"]')).toBeVisible();
  });

  test('a disabled service explains why instead of opening', async ({ page, terminal }) => {
    await openTerminal(page, terminal);
    await page.getByTestId('start').click();
    const counter = await serviceTile(page, 'mi.remote.filing');
    await expect(counter).toBeVisible();
    await counter.click();
    await expect(page.locator('[data-screen="home"]')).toBeVisible();
    await expect(page.getByRole('alert').or(page.getByRole('dialog'))).toContainText('柜台');
  });

  test('the technician corner needs a long press and a PIN', async ({ page, terminal }) => {
    await openTerminal(page, terminal);
    const corner = page.getByTestId('tech-corner');
    const box = await corner.boundingBox();
    if (!box) throw new Error('tech corner not laid out');
    // The page's timers from here on run on a clock the test moves: no waiting on the real one.
    await page.clock.install();
    // A short tap does nothing, however long the terminal is left afterwards.
    await corner.click();
    await page.clock.runFor(10_000);
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.clock.runFor(3_100);
    await expect(page.locator('[data-screen="adminLogin"]')).toBeVisible();
    await page.mouse.up();
    for (const d of '1111') await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await expect(page.getByRole('alert')).toBeVisible();
    for (const d of '246810') await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await expect(page.locator('[data-screen="admin"]')).toBeVisible();
    await page.getByTestId('admin-logout').click();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  });
});
