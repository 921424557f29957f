// Byte helpers for the still: base64 without a data: prefix, hex digests. Pure (no DOM).

/** Standard base64 of `bytes`, in chunks so large images do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Lower-case hex of a digest. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 (WebCrypto) of `bytes` as hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** JPEG qualities tried in turn until the base64 fits the limit. */
export const JPEG_QUALITIES = [0.8, 0.7, 0.6, 0.5, 0.4] as const;

/** The base64 length of `byteLength` bytes. */
export const base64Length = (byteLength: number): number => 4 * Math.ceil(byteLength / 3);

/**
 * Encodes at the first quality whose base64 fits `maxBase64` characters; the last quality's
 * result if none does (the county still gets a picture, just a larger one).
 */
export async function encodeWithinLimit(
  encode: (quality: number) => Promise<Uint8Array>,
  maxBase64: number,
): Promise<{ bytes: Uint8Array; quality: number }> {
  let last: { bytes: Uint8Array; quality: number } | undefined;
  for (const quality of JPEG_QUALITIES) {
    last = { bytes: await encode(quality), quality };
    if (base64Length(last.bytes.length) <= maxBase64) return last;
  }
  return last!;
}
