import { describe, expect, it } from 'vitest';
import { Framer, type FramerOutput } from '../../../drivers/framing/framer.js';
import { ccidSerial, eppFrame, idSam, stxLenBcc, stxLenBccNibble } from '../../../drivers/framing/profiles.js';
import type { FrameProfile } from '../../../drivers/framing/profile.js';

// One line error must cost one framing error, whatever the bad frame holds:
// a payload full of start bytes (a February birth date is BCD 02) must not
// turn into a string of errors, nor into a false frame start that waits
// for bytes and swallows the next (good) frame.

const errors = (outs: FramerOutput[]) => outs.flatMap((o) => (o.type === 'error' && o.error.code !== 'GARBAGE' ? [o.error.code] : []));
const payloads = (outs: FramerOutput[]) => outs.flatMap((o) => (o.type === 'frame' ? [o.frame.payload.toString('hex')] : []));

/**
 * A payload stuffed with the profile's first start byte and plausible
 * lengths after it (a whole multi-byte preamble inside a payload is taken
 * for a frame: the ID SAM's five bytes do not occur by chance).
 */
function nasty(p: FrameProfile): Buffer {
  const start = Buffer.from(p.start.slice(0, 1));
  return Buffer.concat([Buffer.from('0d041949', 'hex'), start, Buffer.of(0x02, 0x00, 0x10), start, Buffer.of(0x00, 0x05, 0x02, 0x02), start, Buffer.from('9000', 'hex')]);
}

const HEADERS: Partial<Record<string, Buffer>> = { 'ccid-serial': Buffer.from('80000000000002000000', 'hex') };

const cases = [ccidSerial, stxLenBcc, eppFrame, idSam, stxLenBccNibble];

describe.each(cases)('framer $name after one bad frame', (profile) => {
  const f0 = new Framer(profile);
  const good = f0.encode(Buffer.from('c0ffee', 'hex'), HEADERS[profile.name]);
  const bad = f0.encode(nasty(profile), HEADERS[profile.name]);

  const checksumBroken = (): Buffer => {
    const b = Buffer.from(bad);
    // The checksum byte (or, nibble-split, its low nibble) sits just before the end byte, or last without one.
    const at = b.length - (profile.end === undefined ? 1 : 2);
    b[at] = profile.escape === 'nibble' ? 0x30 + (((b[at] ?? 0x30) - 0x30 + 1) & 0x0f) : (b[at] ?? 0) ^ 0x5a;
    return b;
  };

  it('reports a bad checksum once and delivers the next frame, in one chunk', () => {
    const outs = new Framer(profile).push(Buffer.concat([checksumBroken(), good]));
    expect(errors(outs)).toEqual(['CHECKSUM']);
    expect(payloads(outs)).toEqual(['c0ffee']);
  });

  it('reports a bad checksum once and delivers the next frame, byte by byte', () => {
    const f = new Framer(profile);
    const outs = [...Buffer.concat([checksumBroken(), good])].flatMap((b) => f.push(Buffer.of(b)));
    expect(errors(outs)).toEqual(['CHECKSUM']);
    expect(payloads(outs)).toEqual(['c0ffee']);
    expect(f.pending).toBe(0);
  });

  it('reports a bad end byte once and delivers the next frame', () => {
    if (profile.end === undefined || profile.escape === 'nibble') return;
    const b = Buffer.from(bad);
    b[b.length - 1] = 0x7e;
    const f = new Framer(profile);
    const outs = [...f.push(b), ...f.push(good)];
    expect(errors(outs)).toEqual(['BAD_END']);
    expect(payloads(outs)).toEqual(['c0ffee']);
  });
});
