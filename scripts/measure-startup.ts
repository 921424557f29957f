// Measures the time from `npm start` to the attract screen being interactive.
// Runs `npm start -- --headless` (what a kiosk launcher runs, minus the window), opens the printed URL
// in Chromium, and waits for <html data-app-ready="true">. Each run measures the bundled core (what
// `npm start` runs) and, as a same-run baseline, `npm start -- --from-source` (the core's TypeScript
// through tsx, as `npm start` ran it before), alternating so both see the same machine.
// Prints the figures; asserts nothing. Usage: npm run measure:startup [runs]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.argv[2] ?? 5);
const executablePath = process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium';
const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Run {
  hostReadyMs: number;
  /** From npm start, Chromium launched after the host was ready (as a kiosk launcher does). */
  interactiveMs: number;
  /** Page load to app-ready alone, in an already running browser. */
  pageMs: number;
}

async function once(extra: string[]): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-startup-'));
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent', '--', '--headless', '--quiet', '--data-dir', dataDir, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    const url = await new Promise<string>((ok, fail) => {
      child.once('exit', (code) => fail(new Error(`npm start exited (${code})`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('KIOSK_READY ')) ok((JSON.parse(line.slice(12)) as { url: string }).url);
      });
    });
    const hostReadyMs = performance.now() - t0;
    const browser = await chromium.launch({ executablePath, args: browserArgs });
    try {
      const page = await browser.newPage();
      const tPage = performance.now();
      await page.goto(url);
      await page.waitForSelector('html[data-app-ready="true"]');
      const tReady = performance.now();
      return { hostReadyMs, interactiveMs: tReady - t0, pageMs: tReady - tPage };
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Build first (only what is stale) so every run measures a start with everything built, as on a provisioned kiosk.
const build = spawnSync(process.execPath, ['scripts/ensure-built.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const variants = { bundled: [] as string[], 'tsx (baseline)': ['--from-source'] };
const results = new Map<string, Run[]>(Object.keys(variants).map((k) => [k, []]));
// One warm-up of each (disk cache, Chromium profile), not counted.
for (const extra of Object.values(variants)) await once(extra);
for (let i = 0; i < RUNS; i += 1) {
  for (const [name, extra] of Object.entries(variants)) {
    const r = await once(extra);
    results.get(name)!.push(r);
    console.log(`run ${i + 1} ${name}: host ready ${r.hostReadyMs.toFixed(0)} ms, attract interactive ${r.interactiveMs.toFixed(0)} ms (page ${r.pageMs.toFixed(0)} ms)`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log(`\nmedian over ${RUNS} runs (everything built; Chromium launch included in "interactive"):`);
for (const [name, runs] of results) {
  console.log(
    `  ${name.padEnd(15)} npm start → host ready ${median(runs.map((r) => r.hostReadyMs)).toFixed(0)} ms; ` +
      `→ attract screen interactive ${median(runs.map((r) => r.interactiveMs)).toFixed(0)} ms ` +
      `(page load to ready ${median(runs.map((r) => r.pageMs)).toFixed(0)} ms)`,
  );
}
