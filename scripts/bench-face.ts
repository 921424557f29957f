// `npm run bench:face`: the face check's cost in headless Chromium (wasm backend), against
// baselines measured in the same run: a bare camera start and a bare frame grab.
import { buildHarness, fixture, openHarness, serveHarness } from './face/harness.js';

const FRAMES = 24;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (v: number) => `${v.toFixed(0)} ms`;

type Bench = {
  cameraFirstFrame(): Promise<number>;
  model(n: number): Promise<{ loadMs: number; backend: string; detectMs: number[]; grabMs: number[] }>;
};

buildHarness();
const host = await serveHarness();
const video = await fixture('face');
try {
  // 1. Baseline camera start, then model load and per-frame detection, on a page with nothing mounted.
  const a = await openHarness(host, video, '?mode=describe');
  const camera = await a.page.evaluate(() => (globalThis as unknown as { faceHarness: { bench: Bench } }).faceHarness.bench.cameraFirstFrame());
  const model = await a.page.evaluate((n) => (globalThis as unknown as { faceHarness: { bench: Bench } }).faceHarness.bench.model(n), FRAMES);
  await a.close();
  const [first, ...rest] = model.detectMs;
  const detect = median(rest);
  const grab = median(model.grabMs);

  // 2. The component itself on the face video: mount → first good frame handed over.
  const b = await openHarness(host, video);
  await b.page.waitForFunction(() => (globalThis as unknown as { faceHarness: { times: { captured: number[] } } }).faceHarness.times.captured.length > 0, null, {
    timeout: 180_000,
  });
  const times = await b.page.evaluate(() => (globalThis as unknown as { faceHarness: { times: { mounted: number; captured: number[] } } }).faceHarness.times);
  await b.close();
  const toGood = times.captured[0]! - times.mounted;

  console.log(`face check bench (headless Chromium, ${model.backend} backend, ${FRAMES} frames of the face fixture)`);
  console.log(`  baseline: getUserMedia → first video frame     ${ms(camera)}`);
  console.log(`  baseline: frame grab (draw 640×480 + read)     median ${grab.toFixed(1)} ms`);
  console.log(`  model load (6 models + wasm, own origin)       ${ms(model.loadMs)}   (${(model.loadMs / camera).toFixed(1)}× camera start)`);
  console.log(`  first detection                                 ${ms(first!)}`);
  console.log(`  detection per frame (median of ${rest.length})             ${ms(detect)}   (${(detect / grab).toFixed(0)}× frame grab, ${(1000 / detect).toFixed(1)} frames/s)`);
  console.log(`  mount → first good frame (incl. a blink)        ${ms(toGood)}   (${(toGood / camera).toFixed(1)}× camera start)`);
} finally {
  await host.close();
}
