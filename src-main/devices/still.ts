import sharp, { type OutputInfo, type Region, type Sharp } from 'sharp';

// Post-processing of a document-camera still taken by the renderer (the image
// is UVC; the core only cleans it up): orient, crop, straighten, resize and
// re-encode as a JPEG under a byte cap. Output carries no metadata: sharp
// drops EXIF/XMP/ICC unless asked to keep them, and we never ask.

export type StillErrorCode =
  /** The bytes are not an image sharp can decode. */
  | 'NOT_AN_IMAGE'
  /** An image, but not JPEG or PNG. */
  | 'UNSUPPORTED_FORMAT'
  /** More bytes or pixels than we accept from the renderer. */
  | 'INPUT_TOO_LARGE'
  /** The crop rectangle (or auto-trim) leaves nothing. */
  | 'EMPTY_CROP'
  /** The crop rectangle reaches outside the image. */
  | 'CROP_OUT_OF_BOUNDS'
  /** A parameter outside its range (angle not finite, max dimension < 1...). */
  | 'BAD_OPTION'
  /** Even the lowest allowed quality does not fit under maxBytes. */
  | 'CANNOT_FIT';

/** A typed failure of still processing; carries numbers only, never image bytes. */
export class StillError extends Error {
  readonly code: StillErrorCode;
  readonly detail: Readonly<Record<string, number>>;
  constructor(code: StillErrorCode, detail: Record<string, number> = {}, options?: { cause?: unknown }) {
    super(Object.keys(detail).length ? `${code} (${Object.entries(detail).map(([k, v]) => `${k}=${v}`).join(', ')})` : code, options);
    this.name = 'StillError';
    this.code = code;
    this.detail = detail;
  }
}

export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StillOptions {
  /** A rectangle in the (EXIF-oriented) input, or 'auto' to trim a uniform border (the desk around the page). */
  crop?: CropRect | 'auto';
  /** Degrees clockwise to straighten by; corners are filled white. */
  rotate?: number;
  /** Longest side of the output in pixels (never enlarged); default 2400. */
  maxDimension?: number;
  /** Byte cap of the JPEG; default 1 MB. */
  maxBytes?: number;
  /** Largest input accepted, in bytes (default 25 MB) and pixels (default 50 MP). */
  maxInputBytes?: number;
  maxInputPixels?: number;
  /** JPEG quality ladder: start, lowest, step (default 85 → 40 by 10). */
  quality?: { start: number; min: number; step: number };
}

export interface StillResult {
  jpeg: Buffer;
  width: number;
  height: number;
  quality: number;
}

const DEFAULTS = {
  maxDimension: 2400,
  maxBytes: 1_000_000,
  maxInputBytes: 25_000_000,
  maxInputPixels: 50_000_000,
  quality: { start: 85, min: 40, step: 10 },
} as const;

const TRIM_THRESHOLD = 20;

type Raw = { data: Buffer; info: OutputInfo };

/** Processes one still; rejects with StillError for bad input or an impossible cap. */
export async function processStill(input: Uint8Array, options: StillOptions = {}): Promise<StillResult> {
  const o = { ...DEFAULTS, ...options };
  checkOptions(o);
  if (input.byteLength > o.maxInputBytes) throw new StillError('INPUT_TOO_LARGE', { bytes: input.byteLength, max: o.maxInputBytes });
  const meta = await sharp(input).metadata().catch((e: unknown) => {
    throw new StillError('NOT_AN_IMAGE', {}, { cause: e });
  });
  if (meta.format !== 'jpeg' && meta.format !== 'png') throw new StillError('UNSUPPORTED_FORMAT');
  if (meta.width * meta.height > o.maxInputPixels) throw new StillError('INPUT_TOO_LARGE', { pixels: meta.width * meta.height, max: o.maxInputPixels });

  // Each step reads the previous one's pixels, so crop coordinates are in the oriented image and rotation follows the crop.
  let img = await toRaw(sharp(input, { limitInputPixels: o.maxInputPixels }).rotate().flatten({ background: '#ffffff' }), 'NOT_AN_IMAGE');
  if (o.crop === 'auto') img = await autoTrim(img);
  else if (o.crop) img = await toRaw(fromRaw(img).extract(checkCrop(o.crop, img.info)), 'EMPTY_CROP');
  if (o.rotate !== undefined && o.rotate % 360 !== 0) img = await toRaw(fromRaw(img).rotate(o.rotate, { background: '#ffffff' }), 'BAD_OPTION');
  const sized = fromRaw(img).resize({ width: o.maxDimension, height: o.maxDimension, fit: 'inside', withoutEnlargement: true });
  const resized = await toRaw(sized, 'BAD_OPTION');
  return encodeUnder(resized, o.maxBytes, o.quality);
}

async function encodeUnder(img: Raw, maxBytes: number, q: { start: number; min: number; step: number }): Promise<StillResult> {
  let smallest = Number.POSITIVE_INFINITY;
  for (let quality = q.start; ; quality = Math.max(q.min, quality - q.step)) {
    const jpeg = await fromRaw(img).jpeg({ quality, mozjpeg: true }).toBuffer();
    if (jpeg.length <= maxBytes) return { jpeg, width: img.info.width, height: img.info.height, quality };
    smallest = Math.min(smallest, jpeg.length);
    if (quality === q.min) throw new StillError('CANNOT_FIT', { bytes: smallest, max: maxBytes, quality });
  }
}

async function autoTrim(img: Raw): Promise<Raw> {
  // A uniform image is all border: there is no page to trim down to (sharp would hand it back whole).
  const { channels } = await fromRaw(img).stats();
  if (channels.every((c) => c.max - c.min <= TRIM_THRESHOLD)) throw new StillError('EMPTY_CROP');
  try {
    return await toRaw(fromRaw(img).trim({ threshold: TRIM_THRESHOLD }), 'EMPTY_CROP');
  } catch (e) {
    // A uniform image has nothing to trim down to.
    if (e instanceof StillError) throw e;
    throw new StillError('EMPTY_CROP', {}, { cause: e });
  }
}

function checkCrop(c: CropRect, info: OutputInfo): Region {
  const r = { left: Math.round(c.left), top: Math.round(c.top), width: Math.round(c.width), height: Math.round(c.height) };
  if (![r.left, r.top, r.width, r.height].every(Number.isFinite)) throw new StillError('BAD_OPTION');
  if (r.width <= 0 || r.height <= 0) throw new StillError('EMPTY_CROP', { width: r.width, height: r.height });
  if (r.left < 0 || r.top < 0 || r.left + r.width > info.width || r.top + r.height > info.height) {
    throw new StillError('CROP_OUT_OF_BOUNDS', { imageWidth: info.width, imageHeight: info.height });
  }
  return r;
}

function checkOptions(o: Required<Omit<StillOptions, 'crop' | 'rotate'>> & StillOptions): void {
  const q = o.quality;
  const ok =
    Number.isInteger(o.maxDimension) &&
    o.maxDimension >= 1 &&
    o.maxBytes > 0 &&
    (o.rotate === undefined || Number.isFinite(o.rotate)) &&
    Number.isInteger(q.start) &&
    Number.isInteger(q.min) &&
    q.min >= 1 &&
    q.start <= 100 &&
    q.min <= q.start &&
    q.step >= 1;
  if (!ok) throw new StillError('BAD_OPTION');
}

function fromRaw(img: Raw): Sharp {
  const { width, height, channels } = img.info;
  return sharp(img.data, { raw: { width, height, channels } });
}

async function toRaw(pipeline: Sharp, code: StillErrorCode): Promise<Raw> {
  try {
    return await pipeline.raw().toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw new StillError(code, {}, { cause: e });
  }
}
