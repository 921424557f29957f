import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../drivers/core/errors.js';
import { createMemoryPair } from '../../../drivers/transports/memory.js';
import { parseResponse } from '../../../drivers/ssc/apdu.js';
import { parseCcidReply } from '../../../drivers/ssc/ccid.js';
import { SocialSecurityCardReader } from '../../../drivers/ssc/device.js';
import { bcdDate, paddedText, parseTlv, sexOf } from '../../../drivers/ssc/record.js';
import { Framer } from '../../../drivers/framing/framer.js';
import { ccidSerial } from '../../../drivers/framing/profiles.js';

const NUM_RUNS = 300;
const bytes = (max = 64) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));

/** Runs fn; passes if it returns or throws a DriverError, fails on anything else. */
function onlyTyped(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DriverError);
  }
}

describe('SSC decoders under fuzzing', () => {
  it('parseResponse, parseTlv, bcdDate, paddedText and sexOf throw only typed errors', () => {
    fc.assert(
      fc.property(bytes(), fc.integer({ min: 0, max: 255 }), (b, tag) => {
        onlyTyped(() => parseResponse(b));
        onlyTyped(() => parseTlv(tag, b));
        onlyTyped(() => bcdDate(tag, b));
        onlyTyped(() => paddedText(tag, b, true));
        onlyTyped(() => paddedText(tag, b, false));
        onlyTyped(() => sexOf(b));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('parseCcidReply throws only typed errors on any decoded frame', () => {
    fc.assert(
      fc.property(bytes(10), bytes(), (header, payload) => {
        const h = Buffer.concat([header, Buffer.alloc(10)]).subarray(0, 10);
        onlyTyped(() => parseCcidReply({ header: h, payload, raw: Buffer.alloc(0) }));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the whole reader answers random and mutated reader bytes with a typed Result, and never hangs', async () => {
    const framer = new Framer(ccidSerial);
    // Replies that are valid frames with random headers/payloads, or mutations of them, or noise.
    const reply = fc.oneof(
      bytes(40),
      fc.tuple(bytes(10), bytes(24)).map(([h, p]) => framer.encode(p, Buffer.concat([h, Buffer.alloc(10)]))),
      fc.tuple(bytes(24), fc.nat(), fc.integer({ min: 1, max: 255 })).map(([p, at, x]) => {
        const w = framer.encode(p, Buffer.from([0x80, 0, 0, 0, 0, 0, 1, 0, 0, 0]));
        w[at % w.length] = (w[at % w.length] ?? 0) ^ x;
        return w;
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { minLength: 1, maxLength: 6 }), async (replies) => {
        const [host, dev] = createMemoryPair();
        await dev.open();
        const queue = [...replies];
        dev.on('data', () => {
          const next = queue.shift();
          if (next) void dev.write(next);
        });
        const reader = new SocialSecurityCardReader({ transport: host, timeouts: { powerOn: 5, apdu: 5, ack: 5, recovery: 10 }, lineBaud: 1_000_000 });
        await reader.open();
        const r = await reader.readCard();
        if (!r.ok) expect(r.error).toBeInstanceOf(DriverError);
        await reader.close();
        await dev.close();
      }),
      { numRuns: 60 },
    );
  });
});
