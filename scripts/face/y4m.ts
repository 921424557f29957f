// A tiny Y4M (YUV4MPEG2, 4:2:0) writer: what Chromium's fake camera reads with
// --use-file-for-fake-video-capture. Frames come in as packed RGB (3 bytes a pixel).

/** One RGB frame: `width * height * 3` bytes, rows top to bottom. */
export interface RgbFrame {
  readonly data: Uint8Array;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** Converts packed RGB to planar I420 (full-range BT.601, chroma averaged over 2×2 blocks). Width and height must be even. */
export function rgbToI420(rgb: Uint8Array, width: number, height: number): Uint8Array {
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError(`Y4M 4:2:0 needs even sizes, got ${width}x${height}`);
  if (rgb.length !== width * height * 3) throw new RangeError(`expected ${width * height * 3} RGB bytes, got ${rgb.length}`);
  const ySize = width * height;
  const cSize = ySize / 4;
  const out = new Uint8Array(ySize + 2 * cSize);
  for (let i = 0; i < ySize; i++) {
    out[i] = clamp(0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!);
  }
  const cw = width / 2;
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((2 * cy + dy) * width + 2 * cx + dx) * 3;
        r += rgb[p]!;
        g += rgb[p + 1]!;
        b += rgb[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[ySize + cy * cw + cx] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      out[ySize + cSize + cy * cw + cx] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return out;
}

/** The stream header: size, frame rate, progressive, square pixels, JPEG-style chroma siting. */
export function y4mHeader(width: number, height: number, fps: number): string {
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`;
}

/** A whole Y4M stream as chunks (header, then `FRAME\n` + planes per frame), ready to write in order. */
export function* y4mChunks(frames: Iterable<RgbFrame>, width: number, height: number, fps: number): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(y4mHeader(width, height, fps));
  const frameTag = encoder.encode('FRAME\n');
  for (const frame of frames) {
    yield frameTag;
    yield rgbToI420(frame.data, width, height);
  }
}
