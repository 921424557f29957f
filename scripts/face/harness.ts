// For the e2e spec, the bench and the descriptor script: runs the test-only face harness (src-renderer/face/harness) in the real browser host, with
// Chromium's fake camera playing one of the fixture videos.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM } from '../../playwright.config.js';
import { startBrowserHost, type BrowserHost } from '../../src-main/shell/browser/host.js';
import { writeFixture, type FixtureName } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const HARNESS_DIR = join(ROOT, 'test-results', 'face-harness');
const FIXTURE_DIR = join(ROOT, 'test-results', 'face-fixtures');

/** Builds the harness page (its own Vite build, never part of dist/). */
export function buildHarness(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'src-renderer/face/harness/vite.config.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** The fixture video's path, written on first use. */
export async function fixture(name: FixtureName): Promise<string> {
  const file = join(FIXTURE_DIR, `${name}.y4m`);
  return existsSync(file) ? file : writeFixture(FIXTURE_DIR, name);
}

/** The harness served by the real browser host (its static serving and headers), with a core that answers nothing. */
export function serveHarness(): Promise<BrowserHost> {
  return startBrowserHost({
    rendererDir: HARNESS_DIR,
    core: {
      call: () => Promise.resolve({ ok: false, error: { code: 'internal' } }),
      events: { subscribe: () => () => undefined, markNotReady: () => undefined },
    },
  });
}

export interface FaceSession {
  browser: Browser;
  page: Page;
  /** Every request that went anywhere but the host's origin (all are refused). */
  foreign: string[];
  /** Content-Security-Policy violations the page reported. */
  violations: string[];
  close(): Promise<void>;
}

/** Launches Chromium with the fake camera on `video` and opens the harness at `query`; `camera: 'deny'` refuses the camera. */
export async function openHarness(host: BrowserHost, video: string, query = '', options: { camera?: 'allow' | 'deny' } = {}): Promise<FaceSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      options.camera === 'deny' ? '--deny-permission-prompts' : '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const foreign: string[] = [];
  await context.route('**', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== host.origin && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      foreign.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${host.origin}/index.html${query}`);
  await page.locator('html[data-app-ready="true"]').waitFor();
  return { browser, page, foreign, violations, close: () => browser.close() };
}
