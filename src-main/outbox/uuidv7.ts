import { createRandomPool } from './random-pool.js';

// RFC 9562 UUIDv7 with a 12-bit counter in rand_a (method 1): ids from one generator sort in
// creation order even within one millisecond and even if the wall clock steps backwards.

export interface UuidV7Generator {
  (): string;
}

/** Creates a generator whose ids strictly increase (lexicographically); cannot fail. */
export function createUuidV7(now: () => number = Date.now): UuidV7Generator {
  let lastMs = -1;
  let counter = 0;
  // One random pool per generator: one call into the random generator per ~400 ids.
  const random = createRandomPool();
  return () => {
    let ms = Math.max(now(), lastMs);
    if (ms === lastMs) {
      counter += 1;
      if (counter > 0xfff) {
        // Counter exhausted: borrow the next millisecond rather than break ordering.
        ms += 1;
        counter = random(2).readUInt16BE(0) & 0x7ff;
      }
    } else {
      // Seed with the top bit clear so there is always room to count up within the ms.
      counter = random(2).readUInt16BE(0) & 0x7ff;
    }
    lastMs = ms;
    return format(ms, counter, random(8));
  };
}

function format(ms: number, counter: number, rand: Buffer): string {
  const b = Buffer.alloc(16);
  b.writeUIntBE(ms, 0, 6);
  b.writeUInt16BE(0x7000 | counter, 6);
  rand.copy(b, 8);
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The shared generator of this process; ids are monotonic across all outboxes in it. */
export const uuidv7: UuidV7Generator = createUuidV7();

/** The millisecond timestamp embedded in a UUIDv7; throws on a malformed id. */
export function uuidv7Time(id: string): number {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(hex) || hex[12] !== '7') throw new Error('not a UUIDv7');
  return parseInt(hex.slice(0, 12), 16);
}
