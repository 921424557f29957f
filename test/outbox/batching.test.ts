import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunk } from '../../src-main/outbox/batching.js';
import type { ClaimedRow } from '../../src-main/outbox/types.js';

const row = (seq: number, bytes: number): ClaimedRow => ({
  id: `id-${seq}`,
  seq,
  kind: 'k',
  orderingKey: 'o',
  payload: {},
  personal: {},
  schemaVersion: 1,
  createdAt: 0,
  attempts: 0,
  bytes,
});

describe('chunk', () => {
  it('keeps order, loses nothing, respects the count and (except for a lone oversized row) the byte bound', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 100, max: 20_000 }), (sizes, maxItems, maxBytes) => {
        const rows = sizes.map((b, i) => row(i + 1, b));
        const chunks = chunk(rows, maxItems, maxBytes);
        expect(chunks.flat().map((r) => r.seq)).toEqual(rows.map((r) => r.seq));
        for (const c of chunks) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(maxItems);
          const bytes = c.reduce((a, r) => a + r.bytes, 0);
          if (c.length > 1) expect(bytes).toBeLessThanOrEqual(maxBytes);
        }
      }),
    );
  });
});
