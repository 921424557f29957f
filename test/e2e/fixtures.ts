import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Terminal {
  url: string;
  origin: string;
  dataDir: string;
}

/** Starts the terminal's browser host on a fresh data directory and waits for its ready line. */
export interface StartOptions {
  /** `--mode` for the terminal (absent: the file's, else demo). */
  mode?: 'demo' | 'site';
  /** The configuration file's text as is (null: no file at all); by default `config` as JSON. */
  configText?: string | null;
}

export async function startTerminal(config: Record<string, unknown> = {}, options: StartOptions = {}): Promise<Terminal & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const text = options.configText === undefined ? JSON.stringify(config) : options.configText;
  if (text !== null) writeFileSync(join(dataDir, 'config.json'), text);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src-main/app/cli.ts'), '--headless', '--quiet', '--data-dir', dataDir, ...(options.mode ? ['--mode', options.mode] : [])],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = await new Promise<{ url: string; origin: string }>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`terminal exited early (${code})`)));
    lines.on('line', (line) => {
      if (line.startsWith('KIOSK_READY ')) resolvePromise(JSON.parse(line.slice('KIOSK_READY '.length)) as { url: string; origin: string });
    });
  });
  return {
    ...ready,
    dataDir,
    async stop() {
      await stopChild(child);
      if (process.env['E2E_KEEP_DATA']) console.log(`kept ${dataDir}`);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * SIGTERM, then wait for the exit (at once if it already happened). The terminal bounds its own
 * shutdown at 10 s, so a wait past 15 s means it ignored the signal: that is killed and named as
 * a failure rather than left to hang the test's teardown.
 */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>((r) => (timer = setTimeout(() => r('stuck'), 15_000)));
  const outcome = await Promise.race([exited, stuck]);
  clearTimeout(timer);
  if (outcome === 'stuck') {
    child.kill('SIGKILL');
    await exited;
    throw new Error('the process did not exit within 15 s of SIGTERM');
  }
}

export interface CountyProcess {
  url: string;
  /** Sets a fault mode through the backend's admin API (see src-main/county/reference/faults.ts). */
  setFault(fault: Record<string, unknown>, options?: { pathPrefix?: string; times?: number }): Promise<void>;
  /** How many times the county applied each transaction id (exactly-once checks). */
  effects(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** Starts the reference county backend as its own process, as the real county would be. */
export async function startCounty(): Promise<CountyProcess> {
  const adminToken = 'e2e-admin-token';
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/county-backend.ts'), '--port', '0', '--admin-token', adminToken], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const { url } = await new Promise<{ url: string }>((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`county backend exited early (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolvePromise(JSON.parse(line) as { url: string }));
  });
  return {
    url,
    async setFault(fault, options = {}) {
      const res = await fetch(new URL('/_admin/faults', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
        body: JSON.stringify({ fault, ...options }),
      });
      if (res.status !== 204) throw new Error(`fault not set: HTTP ${res.status}`);
    },
    async effects() {
      const res = await fetch(new URL('/_admin/effects', url), { headers: { 'x-admin-token': adminToken } });
      return ((await res.json()) as { effects: Record<string, number> }).effects;
    },
    async stop() {
      await stopChild(child);
    },
  };
}

/** Idle timings short enough for tests; the countdown stays at the 20 s minimum and is fast-forwarded. */
export const FAST_IDLE = { idle: { warnAfterMs: 10_000, countdownMs: 20_000 } };

export const test = base.extend<{ terminal: Terminal; terminalConfig: Record<string, unknown> }>({
  /** The terminal's config.json for a test; embedded defaults unless a test says otherwise. */
  terminalConfig: [{}, { option: true }],
  terminal: async ({ terminalConfig }, use) => {
    const terminal = await startTerminal(terminalConfig);
    await use(terminal);
    await terminal.stop();
  },
});
export { expect };

/** Opens the terminal and waits for the attract screen to be interactive (never a sleep). */
export async function openTerminal(page: Page, terminal: Terminal): Promise<void> {
  await page.goto(terminal.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
}

/** Runs axe-core on the page; returns serious and critical violations only. */
export async function auditA11y(page: Page, options: { enhancedContrast?: boolean } = {}) {
  // Evaluated rather than added as a script tag, which the app's CSP would refuse.
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(async (enhanced) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', ...(enhanced ? ['wcag2aaa'] : [])] },
    });
  }, options.enhancedContrast ?? false);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Screenshots kept as test artifacts under test-results/screenshots/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', `${name}.png`), fullPage: true });
}

/** Opens the technician PIN screen (or, on an unconfigured terminal, `setupNeeded`) with a long press on the hidden corner. */
export async function openTechnicianLogin(page: Page, screen: 'adminLogin' | 'setupNeeded' = 'adminLogin'): Promise<void> {
  const box = await page.getByTestId('tech-corner').boundingBox();
  if (!box) throw new Error('tech corner not laid out');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect(page.locator(`[data-screen="${screen}"]`)).toBeVisible({ timeout: 8_000 });
  await page.mouse.up();
}

/** Technician sign-in: the long press, then the demo PIN. */
export async function signInAsTechnician(page: Page): Promise<void> {
  await openTechnicianLogin(page);
  for (const d of '246810') await page.getByTestId(`key-${d}`).click();
  await page.getByTestId('pin-submit').click();
  await expect(page.locator('[data-screen="admin"]')).toBeVisible();
}

/** On the technician screen, opens a tab (overview, devices, queue, dead, logs) and waits for its panel. */
export async function openAdminTab(page: Page, tab: 'overview' | 'devices' | 'queue' | 'dead' | 'logs' | 'setup'): Promise<void> {
  await page.getByTestId(`admin-tab-${tab}`).click();
  await expect(page.locator('[data-screen="admin"]')).toHaveAttribute('data-tab', tab);
}

/**
 * Reads a paged list from its first page to its last with the pager `pagerId` (there must be more
 * than one page), calling `onPage` on each, and returns the test ids of the rows `rows` matches on
 * each page, in order.
 */
export async function readEveryPage(page: Page, pagerId: string, rows: string, onPage: (n: number) => Promise<void> = async () => {}): Promise<string[]> {
  const where = page.getByTestId(`${pagerId}-where`);
  const pages = Number(await where.getAttribute('data-pages'));
  expect(pages).toBeGreaterThan(1);
  const seen: string[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p > 1) await page.getByTestId(`${pagerId}-next`).click();
    await expect(where).toHaveAttribute('data-page', String(p));
    await onPage(p);
    for (const row of await page.locator(rows).all()) seen.push((await row.getAttribute('data-testid'))!);
  }
  await expect(page.getByTestId(`${pagerId}-next`)).toBeDisabled();
  return seen;
}

/**
 * The home screen's tile for a service: the home screen shows as many tiles as fit the display, a
 * page at a time, so this goes to the first page and pages forward until the tile is on screen (or
 * the pages run out: then the locator matches nothing).
 */
export async function serviceTile(page: Page, serviceId: string): Promise<Locator> {
  const tile = page.getByTestId(`service-${serviceId}`);
  // Packed for this display: the pages are final.
  await expect(page.getByTestId('home-zone')).toHaveAttribute('data-fitted', 'true');
  const where = page.getByTestId('home-pager-where');
  const turn = async (button: Locator) => {
    const before = await where.getAttribute('data-page');
    await button.click();
    await expect(where).not.toHaveAttribute('data-page', before ?? '');
  };
  const prev = page.getByTestId('home-pager-prev');
  const next = page.getByTestId('home-pager-next');
  for (let turns = 0; turns < 30 && (await tile.count()) === 0 && (await prev.count()) > 0 && !(await prev.isDisabled()); turns++) await turn(prev);
  for (let turns = 0; turns < 30 && (await tile.count()) === 0 && (await next.count()) > 0 && !(await next.isDisabled()); turns++) await turn(next);
  return tile;
}
