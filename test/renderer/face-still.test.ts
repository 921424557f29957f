import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Length, bytesToBase64, encodeWithinLimit, JPEG_QUALITIES, sha256Hex, toHex } from '../../src-renderer/face/still-encoding.js';

describe('still encoding', () => {
  it('base64-encodes without a data: prefix, also past the chunk size', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array([0xff, 0xd8]))).toBe('/9g=');
  });

  it('hashes with SHA-256 as lower-case hex', async () => {
    const bytes = new TextEncoder().encode('frame');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update('frame').digest('hex'));
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });

  it('lowers the JPEG quality until the base64 fits', async () => {
    const sizes: Record<number, number> = { 0.8: 90_000, 0.7: 70_000, 0.6: 50_000 };
    const tried: number[] = [];
    const result = await encodeWithinLimit(async (q) => {
      tried.push(q);
      return new Uint8Array(sizes[q] ?? 40_000);
    }, 80_000);
    expect(tried).toEqual([0.8, 0.7, 0.6]);
    expect(result.quality).toBe(0.6);
    expect(base64Length(result.bytes.length)).toBeLessThanOrEqual(80_000);
  });

  it('keeps the lowest quality when nothing fits', async () => {
    const result = await encodeWithinLimit(async () => new Uint8Array(200_000), 80_000);
    expect(result.quality).toBe(JPEG_QUALITIES.at(-1));
  });
});
