import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../drivers/core/errors.js';
import { Framer } from '../../../drivers/framing/framer.js';
import { profiles } from '../../../drivers/framing/profiles.js';

const NUM_RUNS = 300;

/** Splits bytes at the given cut points. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of points) {
    out.push(bytes.subarray(last, p));
    last = p;
  }
  out.push(bytes.subarray(last));
  return out;
}

describe.each(Object.values(profiles))('framer $name under fuzzing', (profile) => {
  const maxPayload = Math.min(64, profile.maxFrame - profile.start.length - profile.header - 2);
  // Evolis text commands cannot carry their own end byte; the other profiles carry any byte.
  const payloadArb = fc.uint8Array({ maxLength: maxPayload }).map((a) =>
    profile.name === 'evolis-command' ? Buffer.from(a.map((b) => (b === 0x0d || b === 0x1b ? 0x20 : b))) : Buffer.from(a),
  );

  it('round-trips any payload in any chunking', () => {
    fc.assert(
      fc.property(payloadArb, fc.array(fc.nat(), { maxLength: 6 }), (payload, cuts) => {
        const f = new Framer(profile);
        const wire = f.encode(payload);
        const got = chunked(wire, cuts).flatMap((c) => f.push(c)).flatMap((o) => (o.type === 'frame' ? [o.frame] : []));
        expect(got).toHaveLength(1);
        expect(got[0]!.payload.equals(payload)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('survives random bytes: returns, throws nothing, every frame re-encodes to its raw bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 8 }), (junk, cuts) => {
        const f = new Framer(profile);
        for (const c of chunked(Buffer.from(junk), cuts)) {
          for (const o of f.push(c)) {
            if (o.type === 'error') expect(o.error).toBeInstanceOf(DriverError);
            else if (o.frame.literal === undefined) expect(f.encode(o.frame.payload, o.frame.header).equals(o.frame.raw)).toBe(true);
          }
        }
        expect(f.pending).toBeLessThanOrEqual(junk.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never accepts a frame with one byte changed inside the checked body', () => {
    if (profile.checksum === 'none') return;
    fc.assert(
      fc.property(payloadArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (payload, at, flip) => {
        const f = new Framer(profile);
        const wire = f.encode(payload);
        const i = profile.start.length + (at % (wire.length - profile.start.length - (profile.end === undefined ? 0 : 1)));
        const bad = Buffer.from(wire);
        bad[i] = (bad[i] ?? 0) ^ flip;
        const outs = f.push(bad);
        const good = outs.flatMap((o) => (o.type === 'frame' && o.frame.literal === undefined ? [o.frame] : []));
        expect(good.filter((g) => g.raw.length === wire.length && g.payload.equals(payload))).toHaveLength(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('finds a frame after garbage that holds no start byte', () => {
    fc.assert(
      fc.property(payloadArb, fc.uint8Array({ maxLength: 40 }), (payload, junk) => {
        const f = new Framer(profile);
        const clean = Buffer.from(junk.filter((b) => b !== profile.start[0]));
        const got = f.push(Buffer.concat([clean, f.encode(payload)])).flatMap((o) => (o.type === 'frame' ? [o.frame] : []));
        expect(got.map((g) => g.payload.equals(payload))).toEqual([true]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
