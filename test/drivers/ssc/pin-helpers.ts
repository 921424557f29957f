import { format0Encipher } from '../../../drivers/epp/pinblock.js';
import { randomTestPinKeys, type PinBinding } from '../../../drivers/epp/pin-key.js';
import type { PinBlock } from '../../../drivers/epp/device.js';
import { SSC_TEST_MAC_KEY } from '../../../drivers/ssc/emulator.js';
import { reloadMacInput, retailMac } from '../../../drivers/ssc/mac.js';

// Tests stand in for the PIN pad and the county HSM here, so they may hold clear PINs.
const keys = randomTestPinKeys();

/** The account digits test blocks are bound to. */
export const TEST_PAN = '1101051949123100';
export const BINDING: PinBinding = { key: keys.key, pan: TEST_PAN };

/** The block the pad would return for these digits. */
export function pinBlock(pin: string, pan = TEST_PAN): PinBlock {
  return { format: 0, block: format0Encipher(keys.bytes, pin, pan) };
}

/** What the county HSM would answer for a reload to `pin`: the retail MAC over header‖PIN with the card's challenge. */
export function testAuthorizer(pin: string): (challenge: Buffer) => Promise<Buffer> {
  return async (challenge) => {
    const { iv, data } = reloadMacInput(challenge, Buffer.concat([Buffer.of(0x80, 0x5e, 0x00, 0x00, 7), Buffer.from(pin, 'hex')]));
    return retailMac(SSC_TEST_MAC_KEY, iv, data);
  };
}
