import { createCipheriv, createDecipheriv } from 'node:crypto';

// The reference backend's stand-in for the county HSM (a real county keeps
// these keys in hardware). Written apart from drivers/ on purpose: the
// drivers and this file implement ISO 9564 format 0 and the reload MAC each
// on their own, so tests that pass across them check both.

/** Demo terminal PIN key: what the emulated pads are loaded with (drivers' DEMO_TERMINAL_PIN_KEY). */
const TERMINAL_PIN_KEY = Buffer.from('1F2E3D4C5B6A79880123456789ABCDEF', 'hex');
/** Demo card-issuer reload key: what the emulated cards check reload MACs with (drivers' SSC_TEST_MAC_KEY). */
const ISSUER_RELOAD_KEY = Buffer.from('404142434445464748494A4B4C4D4E4F', 'hex');

/** Why the HSM refuses a new PIN: not a 6-digit format 0 block for this account, or a weak PIN. */
export type PinRefusal = 'block' | 'repeated' | 'sequence';

/**
 * The PIN block's account field: the resident's ID number without its
 * check character (17 digits), as the terminal gives its pad. Kept in step
 * with src-main/flows/pin/account.ts by the PIN-reset tests.
 */
export function accountDigits(idNumber: string): string {
  return idNumber.slice(0, 17);
}

function tdes(key: Buffer, block: Buffer, decrypt: boolean): Buffer {
  const k = Buffer.concat([key, key.subarray(0, 8)]);
  const c = (decrypt ? createDecipheriv : createCipheriv)('des-ede3-ecb', k, null).setAutoPadding(false);
  return Buffer.concat([c.update(block), c.final()]);
}

/** Opens a format 0 block under the terminal PIN key into 3 BCD bytes, or says why it cannot be used. */
function openNewPin(pinBlock: Buffer, account: string): Buffer | PinRefusal {
  if (pinBlock.length !== 8 || !/^\d{13,19}$/.test(account)) return 'block';
  const pad = Buffer.from(`0000${account.slice(-13, -1)}`, 'hex');
  const clear = tdes(TERMINAL_PIN_KEY, pinBlock, true);
  for (let i = 0; i < 8; i++) clear[i] = (clear[i] ?? 0) ^ (pad[i] ?? 0);
  const nibbles = [...clear].flatMap((b) => [b >> 4, b & 0x0f]);
  const ok = nibbles[0] === 0 && nibbles[1] === 6 && nibbles.slice(2, 8).every((n) => n <= 9) && nibbles.slice(8).every((n) => n === 0xf);
  const digits = nibbles.slice(2, 8);
  clear.fill(0);
  if (!ok) return 'block';
  const steps = digits.slice(1).map((d, i) => d - (digits[i] ?? 0));
  if (steps.every((s) => s === 0)) return 'repeated';
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return 'sequence';
  return Buffer.from(digits.reduce<number[]>((acc, d, i) => (i % 2 ? [...acc.slice(0, -1), ((acc.at(-1) ?? 0) << 4) | d] : [...acc, d]), []));
}

/** ISO 9797-1 MAC algorithm 3 (DES-CBC, final 3DES), padding method 2, over `data` with `iv`. */
function retailMac(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const padded = Buffer.alloc(Math.ceil((data.length + 1) / 8) * 8);
  data.copy(padded);
  padded[data.length] = 0x80;
  const k1 = key.subarray(0, 8);
  let h: Buffer = Buffer.from(iv);
  for (let at = 0; at < padded.length; at += 8) {
    const x = Buffer.from(padded.subarray(at, at + 8).map((b, i) => b ^ (h[i] ?? 0)));
    const last = at + 8 === padded.length;
    // Single DES as 3DES with K1 three times (OpenSSL 3 no longer offers des-ecb).
    h = tdes(last ? key : Buffer.concat([k1, k1]), x, false);
  }
  return h;
}

/**
 * The reload authorization for a card: opens the new PIN's block, refuses
 * a weak PIN, and MACs the reload command header‖PIN with the card's
 * challenge as IV (the *unconfirmed* PBOC-style scheme the emulated card
 * checks). Returns the 8-byte MAC or the refusal.
 */
export function reloadMac(pinBlockHex: string, idNumber: string, challengeHex: string): Buffer | PinRefusal {
  const bcd = openNewPin(Buffer.from(pinBlockHex, 'hex'), accountDigits(idNumber));
  if (!Buffer.isBuffer(bcd)) return bcd;
  const header = Buffer.of(0x80, 0x5e, 0x00, 0x00, bcd.length + 4);
  const iv = Buffer.concat([Buffer.from(challengeHex, 'hex'), Buffer.alloc(4)]);
  const mac = retailMac(ISSUER_RELOAD_KEY, iv, Buffer.concat([header, bcd]));
  bcd.fill(0);
  return mac;
}
