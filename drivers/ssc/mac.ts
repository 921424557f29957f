import { createCipheriv } from 'node:crypto';

// PBOC-style MAC for PIN reload (*unconfirmed*: public PBOC/FMCOS code;
// production goes through the vendor's PSAM/HSM). ISO 9797-1 padding
// method 2, MAC algorithm 3 (DES-CBC with K1, final block 3DES K1-K2-K1),
// IV = challenge || 00 00 00 00, first 4 bytes kept.

/** Pads with 80 then zeros to a multiple of 8 (ISO 9797-1 method 2); never fails. */
export function pad80(data: Uint8Array): Buffer {
  const n = Math.ceil((data.length + 1) / 8) * 8;
  const out = Buffer.alloc(n);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** ISO 9797-1 algorithm 3 retail MAC over padding method 2, first 4 bytes; throws RangeError unless key is 16 bytes and iv 8. */
export function retailMac(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  return retailMacBlocks(key, iv, pad80(data)).subarray(0, 4);
}

/** ISO 9797-1 algorithm 3 over already-padded blocks, full 8 bytes; RangeError for a bad key, IV or block length. */
export function retailMacBlocks(key: Uint8Array, iv: Uint8Array, blocks: Uint8Array): Buffer {
  if (key.length !== 16 || iv.length !== 8) throw new RangeError('retailMac needs a 16-byte key and 8-byte IV');
  if (blocks.length === 0 || blocks.length % 8 !== 0) throw new RangeError('retailMac needs whole 8-byte blocks');
  const k1 = Buffer.from(key.subarray(0, 8));
  const k2 = Buffer.from(key.subarray(8, 16));
  let h = Buffer.from(iv);
  const single = Buffer.concat([k1, k1, k1]);
  const head = blocks.subarray(0, blocks.length - 8);
  if (head.length > 0) {
    const c = createCipheriv('des-ede3-cbc', single, h).setAutoPadding(false);
    const out = Buffer.concat([c.update(head), c.final()]);
    h = out.subarray(out.length - 8);
  }
  const last = Buffer.from(blocks.subarray(blocks.length - 8));
  for (let i = 0; i < 8; i++) last[i] = (last[i] ?? 0) ^ (h[i] ?? 0);
  const c = createCipheriv('des-ede3-ecb', Buffer.concat([k1, k2, k1]), null).setAutoPadding(false);
  return Buffer.concat([c.update(last), c.final()]);
}

/** The MAC input and IV for a PIN reload: command header + new PIN block, IV from the card's challenge. */
export function reloadMacInput(challenge: Uint8Array, command: Uint8Array): { iv: Buffer; data: Buffer } {
  return { iv: Buffer.concat([Buffer.from(challenge.subarray(0, 4)), Buffer.alloc(4)]), data: Buffer.from(command) };
}
