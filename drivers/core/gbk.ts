// GBK text on cards (names, the SSSE AID). Node and Electron ship full ICU,
// where TextDecoder knows 'gbk'; a small-ICU build falls back to 'gb18030'
// and then to an ASCII-only decode that marks other bytes as U+FFFD.

function makeDecoder(): ((b: Uint8Array) => string) | undefined {
  for (const label of ['gbk', 'gb18030']) {
    try {
      const d = new TextDecoder(label, { fatal: false });
      return (b) => d.decode(b);
    } catch {
      // try the next label
    }
  }
  return undefined;
}

const native = makeDecoder();

/** True when the runtime decodes GBK natively (full ICU). */
export const hasNativeGbk = native !== undefined;

/** Decodes GBK bytes; never throws (invalid sequences become U+FFFD). */
export function decodeGbk(bytes: Uint8Array): string {
  if (native) return native(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) s += String.fromCharCode(b);
    else {
      s += '\ufffd';
      i++;
    }
  }
  return s;
}

let table: Map<string, number> | undefined;

/** Encodes text as GBK (for emulators and tests); throws RangeError for a character GBK lacks. */
export function encodeGbk(text: string): Buffer {
  if (!native) throw new RangeError('GBK encoding needs full ICU');
  if (!table) {
    table = new Map();
    const pair = new Uint8Array(2);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        pair[0] = lead;
        pair[1] = trail;
        const ch = native(pair);
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else {
      const code = table.get(ch);
      if (code === undefined) throw new RangeError('character not in GBK');
      out.push(code >> 8, code & 0xff);
    }
  }
  return Buffer.from(out);
}
