/** Splits each byte into two bytes 0x30 + high nibble, 0x30 + low nibble; never fails. */
export function nibbleSplit(bytes: Uint8Array): Buffer {
  const out = Buffer.alloc(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    out[2 * i] = 0x30 + (b >> 4);
    out[2 * i + 1] = 0x30 + (b & 0x0f);
  }
  return out;
}

/** Joins nibble pairs back into bytes; undefined if the length is odd or a byte is outside 0x30..0x3F. */
export function nibbleJoin(bytes: Uint8Array): Buffer | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const out = Buffer.alloc(bytes.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = (bytes[2 * i] ?? 0) - 0x30;
    const lo = (bytes[2 * i + 1] ?? 0) - 0x30;
    if (hi < 0 || hi > 15 || lo < 0 || lo > 15) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}
