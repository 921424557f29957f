// The still sent to the county: the analysed frame itself, as a bounded JPEG with its digest.
import { bytesToBase64, encodeWithinLimit, sha256Hex } from './still-encoding.js';

export const STILL = { width: 640, height: 480, maxBase64: 80_000 } as const;

export interface Still {
  imageBase64: string;
  imageSha256: string;
}

function jpeg(canvas: HTMLCanvasElement, quality: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject) : reject(new Error('JPEG encoding failed'))),
      'image/jpeg',
      quality,
    );
  });
}

/** JPEG (about 0.8 quality, under STILL.maxBase64 characters of base64) and SHA-256 of a frame canvas. */
export async function encodeStill(canvas: HTMLCanvasElement): Promise<Still> {
  const { bytes } = await encodeWithinLimit((q) => jpeg(canvas, q), STILL.maxBase64);
  return { imageBase64: bytesToBase64(bytes), imageSha256: await sha256Hex(bytes) };
}

/** Draws the current video frame into `canvas` at STILL size, cropped to fill (no stretching). */
export function drawFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): void {
  canvas.width = STILL.width;
  canvas.height = STILL.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  const vw = video.videoWidth;
  const vh = video.videoHeight;
  const scale = Math.max(STILL.width / vw, STILL.height / vh);
  const sw = STILL.width / scale;
  const sh = STILL.height / scale;
  ctx.drawImage(video, (vw - sw) / 2, (vh - sh) / 2, sw, sh, 0, 0, STILL.width, STILL.height);
}
