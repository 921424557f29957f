import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { StillError, processStill } from '../../src-main/devices/index.js';

/** A white page with a black block in its top-left quarter, on a grey desk border. */
async function page(opts: { width?: number; height?: number; border?: number; format?: 'jpeg' | 'png' } = {}): Promise<Buffer> {
  const { width = 400, height = 300, border = 40 } = opts;
  const inner = await sharp({ create: { width: width - 2 * border, height: height - 2 * border, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { width: 60, height: 40, channels: 3, background: '#000000' } }, left: 10, top: 10 }])
    .png()
    .toBuffer();
  const img = sharp({ create: { width, height, channels: 3, background: '#404040' } }).composite([{ input: inner, left: border, top: border }]);
  return opts.format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 95 }).toBuffer();
}

/** Noise compresses badly: good for the byte cap. */
async function noise(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let x = 12345;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = x >> 16;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(StillError);
  expect((e as StillError).code).toBe(code);
}

describe('document still processing', () => {
  it('crops to a rectangle and re-encodes as JPEG', async () => {
    const out = await processStill(await page({ format: 'png' }), { crop: { left: 40, top: 40, width: 320, height: 220 } });
    const meta = await sharp(out.jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 220]);
    expect([out.width, out.height]).toEqual([320, 220]);
    // The page's top-left corner is white: the desk border is gone.
    const { data } = await sharp(out.jpeg).extract({ left: 80, top: 2, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(230);
  });

  it('auto-trims the desk around the page', async () => {
    const out = await processStill(await page({ format: 'png' }), { crop: 'auto' });
    expect(Math.abs(out.width - 320)).toBeLessThanOrEqual(2);
    expect(Math.abs(out.height - 220)).toBeLessThanOrEqual(2);
  });

  it('rotates by quarter turns and straightens by small angles on a white fill', async () => {
    const quarter = await processStill(await page(), { rotate: 90 });
    expect([quarter.width, quarter.height]).toEqual([300, 400]);
    const tilted = await processStill(await page(), { rotate: 3 });
    expect(tilted.width).toBeGreaterThan(400);
    expect(tilted.height).toBeGreaterThan(300);
  });

  it('resizes to the max dimension, never enlarging', async () => {
    const big = await processStill(await page({ width: 1600, height: 1200 }), { maxDimension: 800 });
    expect([big.width, big.height]).toEqual([800, 600]);
    const small = await processStill(await page(), { maxDimension: 2000 });
    expect([small.width, small.height]).toEqual([400, 300]);
  });

  it('steps quality down until the JPEG fits the byte cap', async () => {
    const input = await noise(600, 600);
    const loose = await processStill(input, { maxBytes: 5_000_000 });
    const tight = await processStill(input, { maxBytes: Math.floor(loose.jpeg.length * 0.6) });
    expect(tight.jpeg.length).toBeLessThanOrEqual(Math.floor(loose.jpeg.length * 0.6));
    expect(tight.quality).toBeLessThan(loose.quality);
  });

  it('fails CANNOT_FIT when even the lowest quality is over the cap', async () => {
    await rejects(processStill(await noise(600, 600), { maxBytes: 2_000 }), 'CANNOT_FIT');
  });

  it('strips EXIF present in the input', async () => {
    const input = await sharp(await page())
      .withExif({ IFD0: { ImageDescription: 'canary-resident-name', Copyright: 'canary' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    expect(input.includes('canary-resident-name')).toBe(true);
    const out = await processStill(input);
    const meta = await sharp(out.jpeg).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(out.jpeg.includes('canary')).toBe(false);
  });

  it('applies the EXIF orientation before cropping, then drops it', async () => {
    const input = await sharp(await page()).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const out = await processStill(input);
    expect([out.width, out.height]).toEqual([300, 400]);
    expect((await sharp(out.jpeg).metadata()).orientation).toBeUndefined();
  });

  it('rejects bad input with typed errors', async () => {
    await rejects(processStill(Buffer.from('definitely not an image')), 'NOT_AN_IMAGE');
    await rejects(processStill(await sharp(await page()).webp().toBuffer()), 'UNSUPPORTED_FORMAT');
    await rejects(processStill(await page(), { maxInputBytes: 100 }), 'INPUT_TOO_LARGE');
    await rejects(processStill(await page(), { maxInputPixels: 1000 }), 'INPUT_TOO_LARGE');
    await rejects(processStill(await page(), { crop: { left: 10, top: 10, width: 0, height: 50 } }), 'EMPTY_CROP');
    await rejects(processStill(await page(), { crop: { left: 300, top: 10, width: 200, height: 50 } }), 'CROP_OUT_OF_BOUNDS');
    await rejects(processStill(await page(), { rotate: Number.NaN }), 'BAD_OPTION');
    const blank = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#ffffff' } }).png().toBuffer();
    await rejects(processStill(blank, { crop: 'auto' }), 'EMPTY_CROP');
  });
});
