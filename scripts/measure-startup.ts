// Measures the time from `npm start` to the attract screen being interactive.
// Runs `npm start -- --headless` (what a kiosk launcher runs, minus the window), opens the printed URL
// in Chromium, and waits for <html data-app-ready="true">. Prints the figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.argv[2] ?? 3);
const executablePath = process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium';

async function once(browserArgs: string[]): Promise<{ hostReadyMs: number; interactiveMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-startup-'));
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent', '--', '--headless', '--quiet', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((ok, fail) => {
      child.once('exit', (code) => fail(new Error(`npm start exited (${code})`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('KIOSK_READY ')) ok((JSON.parse(line.slice(12)) as { url: string }).url);
      });
    });
    const hostReadyMs = performance.now() - t0;
    const browser = await chromium.launch({ executablePath, args: browserArgs });
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-app-ready="true"]');
    const interactiveMs = performance.now() - t0;
    await browser.close();
    return { hostReadyMs, interactiveMs };
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Build first so every run measures a start with the renderer already built, as on a provisioned kiosk.
spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: ROOT, stdio: 'ignore' });
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const runs = [];
for (let i = 0; i < RUNS; i += 1) runs.push(await once(args));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const [i, r] of runs.entries()) {
  console.log(`run ${i + 1}: host ready ${r.hostReadyMs.toFixed(0)} ms, attract interactive ${r.interactiveMs.toFixed(0)} ms`);
}
console.log(
  `median over ${RUNS} runs: npm start → host ready ${median(runs.map((r) => r.hostReadyMs)).toFixed(0)} ms; ` +
    `npm start → attract screen interactive ${median(runs.map((r) => r.interactiveMs)).toFixed(0)} ms ` +
    '(renderer already built; Chromium launch included)',
);
