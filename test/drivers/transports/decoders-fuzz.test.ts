import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGbk, encodeGbk } from '../../../drivers/core/gbk.js';
import { decodeReport, encodeReports } from '../../../drivers/transports/hid.js';

describe('byte-level decoders under fuzzing', () => {
  it('HID reports: random reports never throw; any stream survives encode → decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 2, max: 64 }), (report, stream, size) => {
        const opts = { reportId: 3, reportSize: size };
        const got = decodeReport(Buffer.from(report), opts);
        if (got) expect(got.length).toBeLessThan(size);
        const back = Buffer.concat(encodeReports(stream, opts).map((r) => decodeReport(r, opts) ?? Buffer.alloc(0)));
        expect(back.equals(Buffer.from(stream))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('GBK: decoding random bytes never throws; CJK names round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        expect(typeof decodeGbk(b)).toBe('string');
      }),
      { numRuns: 300 },
    );
    expect(decodeGbk(encodeGbk('社会保障 张三 欧阳娜娜'))).toBe('社会保障 张三 欧阳娜娜');
  });
});
