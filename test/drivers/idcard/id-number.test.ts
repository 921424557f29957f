import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidIdNumber } from '../../../drivers/idcard/id-number.js';

describe('ID number ISO 7064 MOD 11-2', () => {
  it('accepts the GB 11643 example and rejects a changed check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('1101051949123100AX')).toBe(false);
  });

  it('detects every single-digit substitution', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const id = body + (idCheckChar(body) ?? '');
        expect(isValidIdNumber(id)).toBe(true);
        const changed = body.slice(0, at) + String((Number(body[at]) + delta) % 10) + body.slice(at + 1);
        expect(isValidIdNumber(changed + id.slice(17))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
