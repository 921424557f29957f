import { describe, expect, it } from 'vitest';
import { rgbToI420, y4mChunks, y4mHeader } from '../../scripts/face/y4m.js';

const solid = (w: number, h: number, rgb: [number, number, number]) => {
  const data = new Uint8Array(w * h * 3);
  for (let i = 0; i < w * h; i++) data.set(rgb, i * 3);
  return data;
};

describe('Y4M writer', () => {
  it('writes the header Chromium expects', () => {
    expect(y4mHeader(640, 480, 10)).toBe('YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n');
  });

  it('converts white, black and red to full-range BT.601 planes', () => {
    const white = rgbToI420(solid(2, 2, [255, 255, 255]), 2, 2);
    expect([...white]).toEqual([255, 255, 255, 255, 128, 128]);
    expect([...rgbToI420(solid(2, 2, [0, 0, 0]), 2, 2)]).toEqual([0, 0, 0, 0, 128, 128]);
    const red = rgbToI420(solid(2, 2, [255, 0, 0]), 2, 2);
    expect([red[0], red[4], red[5]]).toEqual([76, 85, 255]);
  });

  it('averages chroma over each 2×2 block', () => {
    const rgb = new Uint8Array(4 * 2 * 3);
    rgb.set([0, 0, 255], 0); // one blue pixel in the left block
    const out = rgbToI420(rgb, 4, 2);
    expect(out.length).toBe(8 + 2 + 2);
    expect(out[8]).toBe(Math.round(128 + (0.5 * 255) / 4));
    expect(out[9]).toBe(128);
  });

  it('refuses odd sizes and short buffers', () => {
    expect(() => rgbToI420(new Uint8Array(9), 3, 1)).toThrow(RangeError);
    expect(() => rgbToI420(new Uint8Array(5), 2, 2)).toThrow(RangeError);
  });

  it('frames every picture with FRAME and its planes', () => {
    const frame = { data: solid(2, 2, [10, 20, 30]) };
    const chunks = [...y4mChunks([frame, frame], 2, 2, 5)];
    const text = new TextDecoder();
    expect(chunks.map((c) => c.length)).toEqual([y4mHeader(2, 2, 5).length, 6, 6, 6, 6]);
    expect(text.decode(chunks[1])).toBe('FRAME\n');
  });
});
