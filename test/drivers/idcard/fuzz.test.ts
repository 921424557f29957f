import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../drivers/core/errors.js';
import { parseSamReply } from '../../../drivers/idcard/protocol.js';
import { parseReadBody } from '../../../drivers/idcard/record.js';
import { DEMO_ID_CARD, encodeIdText } from '../../../drivers/idcard/emulator.js';

const onlyTyped = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DriverError);
  }
};

describe('ID card decoders under fuzzing', () => {
  it('parseSamReply and parseReadBody throw only typed errors on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1400 }), (a) => {
        const b = Buffer.from(a);
        onlyTyped(() => parseSamReply(b));
        onlyTyped(() => parseReadBody(b));
      }),
      { numRuns: 300 },
    );
  });

  it('parseReadBody throws only typed errors on mutated valid bodies', () => {
    const text = encodeIdText(DEMO_ID_CARD);
    const good = Buffer.concat([Buffer.from([1, 0, 4, 0]), text, DEMO_ID_CARD.photo]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (edits) => {
        const b = Buffer.from(good);
        for (const [at, v] of edits) b[at] = v;
        onlyTyped(() => parseReadBody(b));
      }),
      { numRuns: 300 },
    );
  });
});
