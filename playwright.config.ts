import { defineConfig } from '@playwright/test';

// E2E runs against the browser host in Debian's Chromium; Playwright never downloads a browser here.
export const CHROMIUM = process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One browser per worker, a spec file per worker at a time: two cores take two (about 40% less wall time than one).
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    hasTouch: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // As the kiosk launcher does: a screen's prompt plays before the first touch.
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
});
