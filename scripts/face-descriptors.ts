// `npm run face:descriptors`: computes the reference county backend's enrolled face descriptors
// from the photos @vladmandic/human ships, with the terminal's own model setup (the face harness in
// Chromium), and writes them to src-main/county/reference/demo-face-descriptors.json. Also prints
// how the live fixtures compare, which is what the matcher's threshold rests on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cosineSimilarity } from '../src-main/county/reference/face-match.js';
import { enrolmentPhoto, fixtureStill, OTHER_FACE, SAMPLE_FACE } from './face/fixtures.js';
import { buildHarness, fixture, openHarness, serveHarness } from './face/harness.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'src-main/county/reference/demo-face-descriptors.json');
const LIVE_OUT = join(ROOT, 'test/county/fixtures/live-face-descriptor.json');

buildHarness();
const host = await serveHarness();
const session = await openHarness(host, await fixture('noface'), '?mode=describe');
const describe = async (jpeg: Buffer): Promise<number[]> => {
  const url = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  const faces = await session.page.evaluate(
    (u) => (globalThis as unknown as { faceHarness: { describe(u: string): Promise<number[][]> } }).faceHarness.describe(u),
    url,
  );
  if (faces.length !== 1 || faces[0]!.length === 0) throw new Error(`expected one face with a descriptor, got ${faces.length}`);
  return faces[0]!;
};

try {
  const sample = await describe(await enrolmentPhoto(SAMPLE_FACE));
  const other = await describe(await enrolmentPhoto(OTHER_FACE));
  const live: Record<string, number[]> = {};
  for (const name of ['face', 'photo', 'far'] as const) {
    const descriptor = await describe(await fixtureStill(name));
    live[name] = descriptor;
    console.log(`${name} fixture vs enrolled sample: ${cosineSimilarity(descriptor, sample).toFixed(3)}, vs other face: ${cosineSimilarity(descriptor, other).toFixed(3)}`);
  }
  console.log(`enrolled sample vs other face: ${cosineSimilarity(sample, other).toFixed(3)}`);
  mkdirSync(dirname(LIVE_OUT), { recursive: true });
  const round = (v: number[]) => v.map((x) => Math.round(x * 1e5) / 1e5);
  const data = {
    about: 'Demo enrolled face descriptors (faceres embeddings of @vladmandic/human 3.3.6) made by scripts/face-descriptors.ts from photos inside that package. Invented residents; not real people\'s records.',
    faces: { sample: round(sample), other: round(other) },
    residents: { 'R-DEMO-0001': 'sample', 'R-DEMO-0002': 'sample', 'R-DEMO-0003': 'other', 'R-DEMO-0004': 'sample' },
  };
  writeFileSync(OUT, JSON.stringify(data) + '\n');
  console.log(`wrote ${OUT}`);
  // What the terminal would send for the face video: lets the matcher's unit test use real model output.
  writeFileSync(LIVE_OUT, JSON.stringify({ about: 'Descriptor of the face fixture video frame (scripts/face-descriptors.ts).', face: round(live['face']!) }) + '\n');
  console.log(`wrote ${LIVE_OUT}`);
} finally {
  await session.close();
  await host.close();
}
