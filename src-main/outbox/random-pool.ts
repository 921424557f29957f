import { randomFillSync } from 'node:crypto';

/**
 * Cryptographically random bytes handed out from a buffer refilled 4 KiB at a time: one call into
 * the random generator per few hundred ids or IVs instead of one per value. The returned view is
 * valid until the next call; copy it if it must outlive that.
 */
export function createRandomPool(size = 4096): (n: number) => Buffer {
  const pool = Buffer.alloc(size);
  let used = size;
  return (n: number): Buffer => {
    if (n > size) throw new RangeError(`at most ${size} bytes at a time`);
    if (used + n > size) {
      randomFillSync(pool);
      used = 0;
    }
    used += n;
    return pool.subarray(used - n, used);
  };
}
