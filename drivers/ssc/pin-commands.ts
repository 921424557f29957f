import { withCardPin, type PinBinding } from '../epp/pin-key.js';
import type { PinBlock } from '../epp/device.js';
import { buildApdu } from './apdu.js';
import { CardError } from './errors.js';
import type { SscReaderProtocol } from './protocol.js';

// The card's PIN commands, built from PIN blocks. The digits exist only in
// the BCD buffer withCardPin opens and in the APDU built from it; both are
// zeroed as soon as the command has been written (PIN.md).

/**
 * Gets the reload MAC for a card challenge from the issuer's authority
 * (the county HSM), which opens the new PIN's block itself; the terminal
 * never hands it digits. Rejects with whatever the authority failed with.
 */
export type ReloadAuthorizer = (challenge: Buffer) => Promise<Buffer>;

async function sendPinApdu(p: SscReaderProtocol, cla: number, ins: number, p1: number, data: Buffer): Promise<void> {
  const apdu = buildApdu({ cla, ins, p1, p2: 0, data });
  try {
    await p.transmitOk(apdu);
  } finally {
    apdu.fill(0);
    data.fill(0);
  }
}

/** VERIFY `00 20 00 00 03` + PIN as BCD; CardError PIN_WRONG (detail.triesLeft), PIN_BLOCKED. */
export async function verifyPinBlock(p: SscReaderProtocol, block: PinBlock, binding: PinBinding): Promise<void> {
  await withCardPin(binding, block, (bcd) => sendPinApdu(p, 0x00, 0x20, 0x00, Buffer.from(bcd)));
}

/** Change PIN `80 5E 01 00` old‖FF‖new (*unconfirmed*, PBOC/FMCOS style); same errors as VERIFY. */
export async function changePinBlocks(p: SscReaderProtocol, old: PinBlock, next: PinBlock, binding: PinBinding): Promise<void> {
  await withCardPin(binding, old, (oldBcd) =>
    withCardPin(binding, next, (newBcd) => sendPinApdu(p, 0x80, 0x5e, 0x01, Buffer.concat([oldBcd, Buffer.of(0xff), newBcd]))),
  );
}

/** GET CHALLENGE for 4 random bytes; CardError on any status but 9000 or a short answer. */
export async function getChallenge(p: SscReaderProtocol): Promise<Buffer> {
  const r = await p.transmitOk(buildApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 4 }));
  if (r.length < 4) throw new CardError('BAD_RECORD', { length: r.length });
  return Buffer.from(r.subarray(0, 4));
}

/**
 * Reload (reset) `80 5E 00 00` new‖MAC (*unconfirmed* scheme: retail MAC
 * over header‖new PIN, IV = challenge‖00000000). The card's challenge goes
 * to the authorizer first; the PIN is opened only after it answered, for
 * the one APDU. CardError MAC_INVALID; the authorizer's rejection as-is.
 */
export async function reloadPinBlock(p: SscReaderProtocol, next: PinBlock, binding: PinBinding, authorize: ReloadAuthorizer): Promise<void> {
  const challenge = await getChallenge(p);
  const mac = await authorize(challenge);
  if (mac.length < 4) throw new CardError('MAC_INVALID', { length: mac.length });
  await withCardPin(binding, next, (bcd) => sendPinApdu(p, 0x80, 0x5e, 0x00, Buffer.concat([bcd, mac.subarray(0, 4)])));
}
