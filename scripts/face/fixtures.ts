// Fake-camera videos for the face check, made from the webcam photo that @vladmandic/human ships
// (assets/screenshot-faceid.jpg: the author's face as his webcam saw it in the faceid demo).
// `npm run fixtures:face -- DIR` writes them; the e2e spec and the bench make them at run time, so
// nothing but sharp (already a dependency) is needed, and no video is committed.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { HUMAN_DIR } from './packages.js';
import { y4mChunks, type RgbFrame } from './y4m.js';

export const WIDTH = 640;
export const HEIGHT = 480;
export const FPS = 10;

const HUMAN_ASSETS = join(HUMAN_DIR, 'assets');

/** The webcam photo inside the demo screenshot (pixels measured on human 3.3.6's file). */
export const SAMPLE_FACE = { file: join(HUMAN_ASSETS, 'screenshot-faceid.jpg'), crop: { left: 14, top: 142, width: 139, height: 139 } };
/** A different person (third face crop in the face-detect screenshot), for the enrolled-but-someone-else resident. */
export const OTHER_FACE = { file: join(HUMAN_ASSETS, 'screenshot-facedetect.jpg'), crop: { left: 326, top: 348, width: 140, height: 146 } };
/** Eye centres in SAMPLE_FACE's crop, as fractions of its size. */
const EYES = [
  { x: 0.345, y: 0.338 },
  { x: 0.633, y: 0.323 },
] as const;

interface Raw {
  data: Uint8Array;
  width: number;
  height: number;
}

async function raw(image: Sharp): Promise<Raw> {
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** A crop of a packaged image, resized to `size`×`size`. */
export function faceImage(source: typeof SAMPLE_FACE, size: number): Promise<Raw> {
  return raw(sharp(source.file).extract(source.crop).resize(size, size, { kernel: 'lanczos3' }));
}

const smooth = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/**
 * Closes the eyes: each eye is covered by a soft ellipse of the skin just below it, with a thin
 * darker lid line across the middle. Enough for facemesh/iris to see the lids meet.
 */
export function closeEyes(face: Raw): Raw {
  const out = new Uint8Array(face.data);
  const s = face.width;
  for (const eye of EYES) {
    const cx = eye.x * s;
    const cy = eye.y * s;
    const rx = 0.095 * s;
    const ry = 0.06 * s;
    const skinY = Math.round(cy + 2.6 * ry);
    for (let y = Math.floor(cy - 2 * ry); y <= Math.ceil(cy + 2 * ry); y++) {
      for (let x = Math.floor(cx - 1.6 * rx); x <= Math.ceil(cx + 1.6 * rx); x++) {
        if (x < 0 || y < 0 || x >= s || y >= s) continue;
        const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
        const a = 1 - smooth((d - 0.8) / 0.6);
        if (a <= 0) continue;
        const from = (Math.min(s - 1, skinY + (y - Math.round(cy))) * s + x) * 3;
        const lid = Math.abs(y - cy) < 0.012 * s && Math.abs(x - cx) < 0.9 * rx ? 0.55 : 1;
        const p = (y * s + x) * 3;
        for (let c = 0; c < 3; c++) out[p + c] = Math.round(out[p + c]! * (1 - a) + face.data[from + c]! * lid * a);
      }
    }
  }
  return { ...face, data: out };
}

/** `over` placed at (left, top) on `under` with a feathered edge `feather` pixels wide (no hard border). */
function blend(under: Raw, over: Raw, left: number, top: number, feather: number): Raw {
  const out = new Uint8Array(under.data);
  for (let y = 0; y < over.height; y++) {
    for (let x = 0; x < over.width; x++) {
      const ux = x + left;
      const uy = y + top;
      if (ux < 0 || uy < 0 || ux >= under.width || uy >= under.height) continue;
      const edge = Math.min(x, y, over.width - 1 - x, over.height - 1 - y);
      const a = feather > 0 ? smooth(edge / feather) : 1;
      const p = (uy * under.width + ux) * 3;
      const q = (y * over.width + x) * 3;
      for (let c = 0; c < 3; c++) out[p + c] = Math.round(out[p + c]! * (1 - a) + over.data[q + c]! * a);
    }
  }
  return { ...under, data: out };
}

/** The sample face on a blurred enlargement of its own surroundings, so the scene has no edges. */
async function faceScene(size: number, eyesClosed: boolean): Promise<Raw> {
  const background = await raw(sharp(SAMPLE_FACE.file).extract(SAMPLE_FACE.crop).resize(WIDTH, HEIGHT, { fit: 'cover' }).blur(24));
  const open = await faceImage(SAMPLE_FACE, size);
  const face = eyesClosed ? closeEyes(open) : open;
  return blend(background, face, Math.round((WIDTH - size) / 2), Math.round((HEIGHT - size) / 2), Math.round(size * 0.14));
}

/** A plain, slightly uneven wall: no face anywhere. */
function wall(): Raw {
  const data = new Uint8Array(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const shade = 200 - (y / HEIGHT) * 30 + Math.sin(x / 37) * 3;
      const p = (y * WIDTH + x) * 3;
      data[p] = shade;
      data[p + 1] = shade - 4;
      data[p + 2] = shade - 14;
    }
  }
  return { data, width: WIDTH, height: HEIGHT };
}

/**
 * The face printed on a sheet and held up to the camera: white paper with visible edges and a
 * shadow, a print with lowered contrast and a halftone screen (which the camera turns into moiré),
 * and grey text lines under it.
 */
async function heldUpPhoto(): Promise<Raw> {
  const scene = wall();
  const pageW = 330;
  const pageH = 440;
  const left = Math.round((WIDTH - pageW) / 2);
  const top = 24;
  const print = await faceImage(SAMPLE_FACE, 290);
  const page = new Uint8Array(pageW * pageH * 3).fill(242);
  for (let y = 0; y < pageH; y++) {
    for (let x = 0; x < pageW; x++) {
      const p = (y * pageW + x) * 3;
      if (x < 2 || y < 2 || x >= pageW - 2 || y >= pageH - 2) {
        page.fill(150, p, p + 3);
        continue;
      }
      const px = x - 20;
      const py = y - 20;
      if (px >= 0 && py >= 0 && px < print.width && py < print.height) {
        const q = (py * print.width + px) * 3;
        const screen = 0.82 + 0.18 * Math.cos((px + py) * 2.1) * Math.cos((px - py) * 2.1);
        const grey = (print.data[q]! + print.data[q + 1]! + print.data[q + 2]!) / 3;
        for (let c = 0; c < 3; c++) page[p + c] = Math.round((128 + (0.7 * print.data[q + c]! + 0.3 * grey - 128) * 0.75) * screen + 30);
      } else if (py > print.height + 20 && (py - print.height) % 22 < 6 && x > 24 && x < pageW - 24 - ((py * 7) % 60)) {
        page.fill(120, p, p + 3);
      }
    }
  }
  const shadow: Raw = { data: new Uint8Array(pageW * pageH * 3).fill(90), width: pageW, height: pageH };
  const shaded = blend(scene, shadow, left + 8, top + 8, 10);
  return blend(shaded, { data: page, width: pageW, height: pageH }, left, top, 0);
}

export type FixtureName = 'face' | 'noface' | 'photo' | 'far' | 'near';

/** What each fake video shows; the face video closes its eyes for 0.6 s of every 4 s. */
export async function fixtureFrames(name: FixtureName): Promise<Raw[]> {
  switch (name) {
    case 'face': {
      const open = await faceScene(340, false);
      const shut = await faceScene(340, true);
      return Array.from({ length: 4 * FPS }, (_, i) => (i >= 22 && i < 28 ? shut : open));
    }
    case 'noface':
      return [wall(), wall()];
    case 'photo':
      return [await heldUpPhoto(), await heldUpPhoto()];
    case 'far':
      return [await faceScene(120, false), await faceScene(120, false)];
    case 'near':
      return [await faceScene(620, false), await faceScene(620, false)];
  }
}

/** Writes one fixture as `<dir>/<name>.y4m` and returns its path. */
export async function writeFixture(dir: string, name: FixtureName): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.y4m`);
  const frames: RgbFrame[] = await fixtureFrames(name);
  const out = createWriteStream(file);
  for (const chunk of y4mChunks(frames, WIDTH, HEIGHT, FPS)) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return file;
}

/** Writes a PNG of a fixture's first frame (and of the eyes-closed frame for `face`), to look at. */
export async function previewFixture(dir: string, name: FixtureName): Promise<void> {
  const frames = await fixtureFrames(name);
  const picks = name === 'face' ? [0, 22] : [0];
  for (const i of picks) {
    const f = frames[i]!;
    await sharp(Buffer.from(f.data), { raw: { width: f.width, height: f.height, channels: 3 } }).png().toFile(join(dir, `${name}-${i}.png`));
  }
}

/** An enrolment photo as the county would hold it: the face alone on a plain background, JPEG. */
export async function enrolmentPhoto(source: typeof SAMPLE_FACE): Promise<Buffer> {
  const face = await sharp(source.file).extract(source.crop).resize(360, 360, { kernel: 'lanczos3' }).toBuffer();
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 228, g: 232, b: 236 } } })
    .composite([{ input: face, left: (WIDTH - 360) / 2, top: (HEIGHT - 360) / 2 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** One frame of a fixture as JPEG (the first open-eyes frame for `face`). */
export async function fixtureStill(name: FixtureName): Promise<Buffer> {
  const f = (await fixtureFrames(name))[0]!;
  return sharp(Buffer.from(f.data), { raw: { width: f.width, height: f.height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}
