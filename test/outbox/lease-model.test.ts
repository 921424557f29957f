import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src-main/outbox/types.js';
import { manualClock, openTestOutbox, sampleTx, useTempDir } from './helpers.js';

// Model-based check of leases: random interleavings of record, claim by two workers, ack, nack,
// dead-letter and time passing. Invariants: every recorded row is in exactly one place (queue,
// settled, dead); a row is settled at most once; a stale fencing token never changes anything.

type Op =
  | { op: 'record' }
  | { op: 'claim'; worker: 0 | 1; limit: number }
  | { op: 'ack' | 'nack' | 'dead'; worker: 0 | 1; take: number }
  | { op: 'tick'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ op: 'record' as const }),
  fc.record({ op: fc.constant('claim' as const), worker: fc.constantFrom(0 as const, 1 as const), limit: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constantFrom('ack' as const, 'nack' as const, 'dead' as const), worker: fc.constantFrom(0 as const, 1 as const), take: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('tick' as const), ms: fc.constantFrom(10, 600, 1_500) }),
);

describe('lease model', () => {
  const t = useTempDir('model-');

  it('holds its invariants over random interleavings', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 60 }), async (ops) => {
        const clock = manualClock();
        const ob = await openTestOutbox(t.dir, { file: `${t.dir}/m${run++}.db`, now: clock.now });
        const recorded = new Set<string>();
        const settled = new Set<string>();
        const dead = new Set<string>();
        const held: (Claim | null)[] = [null, null];
        try {
          for (const o of ops) {
            if (o.op === 'record') recorded.add(ob.record(sampleTx(recorded.size, `k${recorded.size % 3}`)).id);
            else if (o.op === 'tick') clock.advance(o.ms);
            else if (o.op === 'claim') held[o.worker] = ob.leases.claim(`w${o.worker}`, o.limit, 1_000, clock.now());
            else {
              const c = held[o.worker];
              if (!c) continue;
              const ids = c.rows.slice(0, o.take).map((r) => r.id);
              c.rows = c.rows.slice(o.take);
              // What does the database say this token still owns?
              const owned = ids.filter((id) => (ob.db.prepare('SELECT lease_token FROM outbox WHERE id = ?').get(id) as { lease_token: number | null } | undefined)?.lease_token === c.token);
              let changed: number;
              if (o.op === 'ack') changed = ob.leases.ack(c.token, ids.map((id) => ({ id, state: 'applied' as const })), clock.now());
              else if (o.op === 'nack') changed = ob.leases.nack(c.token, ids, { availableAt: clock.now() + 100, status: 't', error: 't' });
              else changed = ob.leases.deadLetter(c.token, ids, 'model', 't', 't', clock.now());
              expect(changed).toBe(owned.length);
              for (const id of owned) {
                expect(settled.has(id) || dead.has(id)).toBe(false);
                if (o.op === 'ack') settled.add(id);
                if (o.op === 'dead') dead.add(id);
              }
            }
            const s = ob.stats();
            expect(s.depth + settled.size + dead.size).toBe(recorded.size);
            expect(s.deadLetters).toBe(dead.size);
          }
        } finally {
          ob.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
