import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../drivers/core/errors.js';
import {
  format0Clear,
  format0Decipher,
  format0Encipher,
  format4Decipher,
  format4Encipher,
  format4PanField,
  format4PinField,
} from '../../../drivers/epp/pinblock.js';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('ISO 9564 PIN blocks', () => {
  it('format 0 clear block matches published examples', () => {
    // PAN 43219876543210987 / PIN 1234 → 0412AC89ABCDEF67 (ID TECH knowledge base, EFTlab BP-Tools output).
    expect(format0Clear('1234', '43219876543210987').toString('hex').toUpperCase()).toBe('0412AC89ABCDEF67');
    // psec doctest: PIN 1234, PAN 5544332211009966 → 041277CDDEEFF669.
    expect(format0Clear('1234', '5544332211009966').toString('hex').toUpperCase()).toBe('041277CDDEEFF669');
  });

  it('format 0 under 3DES opens back to the PIN with the right PAN only', () => {
    const key = hex('0123456789ABCDEFFEDCBA9876543210');
    const block = format0Encipher(key, '123456', '6217001234567890123');
    expect(block.length).toBe(8);
    expect(format0Decipher(key, block, '6217001234567890123')).toBe('123456');
    expect(() => format0Decipher(key, block, '6217009999999990123')).toThrow(DriverError);
  });

  it('format 4 fields and AES block match the psec published vectors', () => {
    const key = hex('00112233445566778899AABBCCDDEEFF');
    expect(format4PanField('112233445566778899').toString('hex').toUpperCase()).toBe('61122334455667788990000000000000');
    expect(format4PinField('1234', hex('1122334455667788')).toString('hex').toUpperCase()).toBe('441234AAAAAAAAAA1122334455667788');
    expect(format4Encipher(key, '1234', '1234567890123456', hex('1122334455667788')).toString('hex').toUpperCase()).toBe(
      '7CDF645C86CAF763AE34637A66997534',
    );
    expect(format4Decipher(key, hex('E4BE5B623AF7E006AC319E5B93544564'), '1234567890123456')).toBe('1234');
    expect(format4Decipher(key, hex('7CDF645C86CAF763AE34637A66997534'), '1234567890123456')).toBe('1234');
  });

  it('format 4 uses a fresh random pad: the same PIN gives different blocks', () => {
    const key = hex('00112233445566778899AABBCCDDEEFF');
    expect(format4Encipher(key, '1234', '1234567890123456').equals(format4Encipher(key, '1234', '1234567890123456'))).toBe(false);
  });

  it('round-trips any PIN and PAN, and decoders throw only typed errors on random blocks', () => {
    const key3 = hex('0123456789ABCDEFFEDCBA9876543210');
    const keyA = hex('000102030405060708090A0B0C0D0E0F');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4,12}$/), fc.stringMatching(/^\d{13,19}$/), fc.uint8Array({ minLength: 16, maxLength: 16 }), (pin, pan, junk) => {
        expect(format0Decipher(key3, format0Encipher(key3, pin, pan), pan)).toBe(pin);
        expect(format4Decipher(keyA, format4Encipher(keyA, pin, pan), pan)).toBe(pin);
        for (const f of [() => format0Decipher(key3, Buffer.from(junk.subarray(0, 8)), pan), () => format4Decipher(keyA, Buffer.from(junk), pan)]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(DriverError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
