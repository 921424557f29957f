// `npm run bench:ui [sessions]`: how the resident flows feel, in headless Chromium against the browser
// host on emulated devices (the demo panel stands in for the resident's hands).
//  1. card insertion → the masked name on screen, on the PIN reset's first step (targets ≤ 300 ms);
//  2. interaction → next paint for every touch of a full card-and-PIN session (98th percentile,
//     target ≤ 100 ms), against a baseline measured in the same run: a touch that only flips a
//     renderer setting (the elderly-mode toggle);
//  3. core and renderer memory after N consecutive sessions against after the first few (target
//     ≤ 5 % growth). The repeated session is a record query (card, PIN, the answer paged, done):
//     it drives every layer the PIN reset does but the face model, whose ~5 s live check would make
//     200 sessions take half an hour; the face path has its own `npm run bench:face`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM } from '../playwright.config.js';
import { DEMO_CARD_PIN } from '../src-main/devices/demo-cards.js';
import { ensureBuilt } from './ensure-built.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SESSIONS = Number(process.argv[2] ?? 200);
const INSERTIONS = 10;
const WARMUP = 5;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const median = (xs: number[]) => pct(xs, 50);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const mib = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MiB`;

async function startTerminal() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  writeFileSync(join(dataDir, 'config.json'), '{}');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/app/cli.ts'), '--headless', '--quiet', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ url: string }>((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`terminal exited early (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('KIOSK_READY ')) resolvePromise(JSON.parse(line.slice('KIOSK_READY '.length)) as { url: string });
    });
  });
  return {
    ...ready,
    /** The core's resident set size (Linux /proc), in bytes. */
    rss(): number {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      return Number(kb ?? 0) * 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks `testId` in the page and resolves with the time to the next paint after the click's
 * handlers ran (a frame, then a task: the frame the change was drawn in has been produced).
 */
function touch(page: Page, testId: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const el = document.querySelector('[data-testid="${testId}"]');
    if (!el) return reject(new Error('no ${testId}'));
    const t0 = performance.now();
    el.click();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  })`);
}

/** Clicks `testId` and resolves with the time until `selector` shows text, then painted. */
function touchUntil(page: Page, testId: string, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const el = document.querySelector('[data-testid="${testId}"]');
    if (!el) return reject(new Error('no ${testId}'));
    const t0 = performance.now();
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    const seen = () => { const x = document.querySelector('${selector}'); return x !== null && (x.textContent ?? '') !== ''; };
    const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); done(); } });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    el.click();
  })`);
}

const step = (page: Page, name: string) => page.waitForSelector(`[data-screen="service"][data-flow-step="${name}"]`, { timeout: 20_000 });

async function renderHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

ensureBuilt({ renderer: true, quiet: true });

/** What the first screen loads: index.html's module script and its preloads, gzip-compressed. */
function firstScreenJsGzip(): number {
  const dir = join(ROOT, 'dist/renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0);
}
const firstJs = firstScreenJsGzip();
const terminal = await startTerminal();
const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' })).newPage();
  await page.goto(terminal.url);
  await page.waitForSelector('html[data-app-ready="true"]');

  // 1. Card insertion → masked name, on the PIN reset.
  const insertion: number[] = [];
  for (let i = 0; i < INSERTIONS; i += 1) {
    await page.click('[data-testid="start"]');
    await page.click('[data-testid="service-ssc.pin.reset"]');
    await step(page, 'insertCard');
    insertion.push(await touchUntil(page, 'demo-insert-demo1', '[data-testid="masked-name"]'));
    await page.click('[data-testid="demo-remove-card"]');
    await step(page, 'failed');
    await page.click('[data-testid="flow-home"]');
    await page.waitForSelector('[data-screen="home"]');
    await page.click('[data-testid="end-session"]');
    await page.waitForSelector('[data-screen="attract"]');
  }

  // 2 and 3. Consecutive query sessions; every touch timed to its next paint.
  const inp: number[] = [];
  const baseline: number[] = [];
  let rssFirst = 0;
  let heapFirst = 0;
  const started = performance.now();
  for (let s = 0; s < SESSIONS; s += 1) {
    await page.click('[data-testid="start"]');
    await page.waitForSelector('[data-screen="home"]');
    baseline.push(await touch(page, 'elderly-toggle'));
    baseline.push(await touch(page, 'elderly-toggle'));
    inp.push(await touch(page, 'service-mi.settlements'));
    await step(page, 'identify');
    inp.push(await touch(page, 'identify-card'));
    await step(page, 'insertCard');
    inp.push(await touch(page, 'demo-insert-demo1'));
    await step(page, 'confirmCard');
    inp.push(await touch(page, 'flow-continue'));
    await step(page, 'pin');
    for (const [i, d] of [...DEMO_CARD_PIN].entries()) {
      inp.push(await touch(page, `demo-pad-${d}`));
      await page.waitForSelector(`[data-testid="flow-pin-dots"][data-digits="${i + 1}"]`);
    }
    inp.push(await touch(page, 'demo-pad-enter'));
    await step(page, 'result');
    inp.push(await touch(page, 'records-pager-next'));
    await page.waitForSelector('[data-testid="records-pager-where"][data-page="2"]');
    inp.push(await touch(page, 'demo-remove-card'));
    await page.waitForSelector('[data-testid="flow-reminder"]', { state: 'detached' });
    inp.push(await touch(page, 'flow-finish'));
    await step(page, 'done');
    inp.push(await touch(page, 'flow-finish'));
    await page.waitForSelector('[data-service-id="rating"]');
    inp.push(await touch(page, 'go-home'));
    await page.waitForSelector('[data-screen="home"]');
    await page.click('[data-testid="end-session"]');
    await page.waitForSelector('[data-screen="attract"]');
    if (s + 1 === Math.min(WARMUP, SESSIONS)) {
      rssFirst = terminal.rss();
      heapFirst = await renderHeap(page);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rssLast = terminal.rss();
  const heapLast = await renderHeap(page);

  const p98 = pct(inp, 98);
  const base98 = pct(baseline, 98);
  const growth = (a: number, b: number) => ((b - a) / a) * 100;
  console.log(`bench:ui, ${SESSIONS} query sessions (${inp.length} touches) in ${seconds.toFixed(0)} s; ${INSERTIONS} PIN-reset card insertions`);
  console.log(`card inserted → masked name painted: median ${ms(median(insertion))}, max ${ms(Math.max(...insertion))} (target ≤ 300 ms; includes the reader's 200 ms presence poll)`);
  console.log(`interaction → next paint: p98 ${ms(p98)}, median ${ms(median(inp))} (target p98 ≤ 100 ms); baseline (elderly toggle) p98 ${ms(base98)}, median ${ms(median(baseline))}; ratio p98 ${(p98 / base98).toFixed(2)}`);
  console.log(`first screen JS: ${(firstJs / 1024).toFixed(1)} KiB gzip (target < 250 KiB; the face model and its runtime load only on the face step)`);
  console.log(`core RSS: after ${Math.min(WARMUP, SESSIONS)} sessions ${mib(rssFirst)}, after ${SESSIONS} ${mib(rssLast)}: ${growth(rssFirst, rssLast).toFixed(1)} % (target ≤ 5 %)`);
  console.log(`renderer JS heap after GC: after ${Math.min(WARMUP, SESSIONS)} sessions ${mib(heapFirst)}, after ${SESSIONS} ${mib(heapLast)}: ${growth(heapFirst, heapLast).toFixed(1)} % (target ≤ 5 %)`);
} finally {
  await browser.close();
  await terminal.stop();
}
