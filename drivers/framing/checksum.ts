/** XOR (BCC) of bytes; never fails. */
export function xor8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = 0;
  for (let i = from; i < to; i++) c ^= bytes[i] ?? 0;
  return c;
}

/** Sum of bytes modulo 256; never fails. */
export function sum8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = 0;
  for (let i = from; i < to; i++) c = (c + (bytes[i] ?? 0)) & 0xff;
  return c;
}

/** Checksum of the given kind, or undefined for 'none'. */
export function checksumOf(kind: 'xor' | 'sum' | 'none', bytes: Uint8Array, from?: number, to?: number): number | undefined {
  if (kind === 'xor') return xor8(bytes, from, to);
  if (kind === 'sum') return sum8(bytes, from, to);
  return undefined;
}
