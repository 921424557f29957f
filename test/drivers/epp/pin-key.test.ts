import { describe, expect, it } from 'vitest';
import { format0Encipher } from '../../../drivers/epp/pinblock.js';
import { PinKey, judgeNewPin, randomTestPinKeys, sameEntry, withCardPin } from '../../../drivers/epp/pin-key.js';

const { key, bytes } = randomTestPinKeys();
const pan = '9900001950010101';
const binding = { key, pan };
const block = (pin: string, p = pan) => ({ format: 0 as const, block: format0Encipher(bytes, pin, p) });

describe('PIN key handle', () => {
  it('opens a block into the card BCD and zeroes it once the command is done', async () => {
    let seen: Buffer | undefined;
    const copy = await withCardPin(binding, block('864213'), async (bcd) => {
      seen = bcd;
      return bcd.toString('hex');
    });
    expect(copy).toBe('864213');
    expect(seen?.equals(Buffer.alloc(3))).toBe(true);
  });

  it('zeroes the digits even when the command fails', async () => {
    let seen: Buffer | undefined;
    await expect(
      withCardPin(binding, block('864213'), async (bcd) => {
        seen = bcd;
        throw new Error('line lost');
      }),
    ).rejects.toThrow('line lost');
    expect(seen?.equals(Buffer.alloc(3))).toBe(true);
  });

  it('refuses a block for another account or of another length, naming no digits', async () => {
    await expect(withCardPin(binding, block('864213', '9900001950010199'), async () => 0)).rejects.toMatchObject({ code: 'BLOCK_FORMAT' });
    await expect(withCardPin(binding, block('8642'), async () => 0)).rejects.toMatchObject({ code: 'PIN_LENGTH' });
  });

  it('refuses use after destroy', async () => {
    const k = PinKey.fromBytes(bytes);
    k.destroy();
    await expect(withCardPin({ key: k, pan }, block('864213'), async () => 0)).rejects.toMatchObject({ code: 'KEY_DESTROYED' });
  });

  it.each([
    ['111111', 'repeated'],
    ['000000', 'repeated'],
    ['123456', 'sequence'],
    ['654321', 'sequence'],
    ['345678', 'sequence'],
    ['864213', 'ok'],
    ['123457', 'ok'],
    ['890123', 'ok'],
  ])('judges %s as %s', async (pin, verdict) => {
    expect(await judgeNewPin(binding, block(pin))).toBe(verdict);
  });

  it('tells equal entries from different ones by their blocks alone', () => {
    expect(sameEntry(block('864213'), block('864213'))).toBe(true);
    expect(sameEntry(block('864213'), block('864212'))).toBe(false);
  });
});
