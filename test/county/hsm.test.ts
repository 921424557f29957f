import { describe, expect, it } from 'vitest';
import { format0Encipher } from '../../drivers/epp/pinblock.js';
import { DEMO_TERMINAL_PIN_KEY, demoPinKeys } from '../../drivers/epp/pin-key.js';
import { SocialSecurityCardReader } from '../../drivers/ssc/device.js';
import { DEMO_SSC_CARD, startSscMemoryEmulator } from '../../drivers/ssc/emulator.js';
import { reloadMac } from '../../src-main/county/reference/hsm.js';

// The drivers (card emulator, PIN key) and the reference HSM implement format 0 and the reload MAC apart:
// a reload the HSM authorizes must be one the emulated card accepts.
const idNumber = '99000019500101011X'.slice(0, 17) + '8';
const account = idNumber.slice(0, 17);

describe('reference HSM', () => {
  it('authorizes a reload that the emulated card accepts, and the card then takes the new PIN', async () => {
    const emu = startSscMemoryEmulator({ ...DEMO_SSC_CARD, pin: '000000' });
    const reader = new SocialSecurityCardReader({ transport: emu.transport, timeouts: { powerOn: 200, apdu: 200 } });
    await reader.open();
    const { key } = demoPinKeys();
    const binding = { key, pan: account };
    const block = { format: 0 as const, block: format0Encipher(DEMO_TERMINAL_PIN_KEY, '864213', account) };
    const hex = block.block.toString('hex').toUpperCase();
    const r = await reader.reloadPinBlock(block, binding, async (challenge) => {
      const mac = reloadMac(hex, idNumber, challenge.toString('hex').toUpperCase());
      if (!Buffer.isBuffer(mac)) throw new Error(mac);
      return mac;
    });
    expect(r.ok).toBe(true);
    expect((await reader.verifyPinBlock(block, binding)).ok).toBe(true);
    await reader.close();
  });

  it('refuses weak PINs and blocks bound to another account', () => {
    const hex = (pin: string, acct = account) => format0Encipher(DEMO_TERMINAL_PIN_KEY, pin, acct).toString('hex');
    expect(reloadMac(hex('111111'), idNumber, '01020304')).toBe('repeated');
    expect(reloadMac(hex('654321'), idNumber, '01020304')).toBe('sequence');
    expect(reloadMac(hex('864213', '12345678901234567'), idNumber, '01020304')).toBe('block');
    expect(Buffer.isBuffer(reloadMac(hex('864213'), idNumber, '01020304'))).toBe(true);
  });
});
