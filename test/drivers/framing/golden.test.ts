import { describe, expect, it } from 'vitest';
import { Framer, type FramerOutput } from '../../../drivers/framing/framer.js';
import { ccidSerial, eppFrame, evolisCommand, idSam, stxLenBcc, stxLenBccNibble, tabCrNibble } from '../../../drivers/framing/profiles.js';
import type { FrameProfile } from '../../../drivers/framing/profile.js';
import { hex, toHex } from '../helpers.js';

interface Golden {
  profile: FrameProfile;
  wire: string;
  header: string;
  payload: string;
}

const goldens: Golden[] = [
  // CCID PC_to_RDR_IccPowerOn, slot 0, seq 1.
  { profile: ccidSerial, wire: '02 62 00000000 00 01 00 00 00 63 03', header: '62 00000000 00 01 00 00 00', payload: '' },
  // CCID XfrBlock with a 5-byte APDU (GET CHALLENGE), seq 2: XOR = 6F^05^02^84^04 = E8.
  { profile: ccidSerial, wire: '02 6F 05000000 00 02 00 00 00 0084000004 E8 03', header: '6F 05000000 00 02 00 00 00', payload: '0084000004' },
  // Host asks for the last response again: 02 + eleven zero bytes + 03.
  { profile: ccidSerial, wire: '02 0000000000000000000000 03', header: '00000000000000000000', payload: '' },
  { profile: stxLenBcc, wire: '02 0002 3101 32 03', header: '0002', payload: '3101' },
  { profile: stxLenBccNibble, wire: '02 30303032 33313031 3332 03', header: '0002', payload: '3101' },
  { profile: tabCrNibble, wire: '09 30303032 33313031 3332 0D', header: '0002', payload: '3101' },
  // The find-card command quoted in DEVICES.md.
  { profile: idSam, wire: 'AA AA AA 96 69 00 03 20 01 22', header: '0003', payload: '2001' },
  { profile: evolisCommand, wire: '1B 526676 0D', header: '', payload: '526676' },
  { profile: eppFrame, wire: '02 02 41 42 01 03', header: '02', payload: '4142' },
];

const frames = (outs: FramerOutput[]) => outs.flatMap((o) => (o.type === 'frame' ? [o.frame] : []));

describe('framer golden frames', () => {
  for (const g of goldens) {
    it(`${g.profile.name} decodes ${g.wire}`, () => {
      const got = frames(new Framer(g.profile).push(hex(g.wire)));
      expect(got).toHaveLength(1);
      expect(toHex(got[0]!.header)).toBe(toHex(hex(g.header)));
      expect(toHex(got[0]!.payload)).toBe(toHex(hex(g.payload)));
    });
    it(`${g.profile.name} encodes to ${g.wire}`, () => {
      const f = new Framer(g.profile);
      expect(toHex(f.encode(hex(g.payload), hex(g.header)))).toBe(toHex(hex(g.wire)));
    });
    it(`${g.profile.name} decodes byte by byte`, () => {
      const f = new Framer(g.profile);
      const got = [...hex(g.wire)].flatMap((b) => frames(f.push(Buffer.of(b))));
      expect(got.map((x) => toHex(x.raw))).toEqual([toHex(hex(g.wire))]);
    });
  }

  it('recognises the CCID reader status frames as literals', () => {
    const f = new Framer(ccidSerial);
    const got = frames(f.push(hex('02 00 00 03 02 FF FF 03 02 FE FE 03 02 FD FD 03 02 FC FC 03')));
    expect(got.map((x) => x.literal)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops garbage before a frame and reports it', () => {
    const out = new Framer(stxLenBcc).push(hex('FF 00 12 02 0002 3101 32 03'));
    expect(out[0]).toMatchObject({ type: 'error', error: { code: 'GARBAGE' } });
    expect(frames(out)).toHaveLength(1);
  });

  it('resyncs after a bad checksum onto the next good frame', () => {
    const out = new Framer(stxLenBcc).push(hex('02 0002 3101 33 03 02 0002 3101 32 03'));
    expect(out.some((o) => o.type === 'error' && o.error.code === 'CHECKSUM')).toBe(true);
    expect(frames(out)).toHaveLength(1);
  });

  it('rejects a bad end byte', () => {
    const out = new Framer(stxLenBcc).push(hex('02 0002 3101 32 04'));
    expect(out.some((o) => o.type === 'error' && o.error.code === 'BAD_END')).toBe(true);
    expect(frames(out)).toHaveLength(0);
  });

  it('rejects a declared length above maxFrame without waiting for it', () => {
    const f = new Framer(stxLenBcc);
    const out = f.push(hex('02 FFFF 00'));
    expect(out.some((o) => o.type === 'error' && o.error.code === 'TOO_LONG')).toBe(true);
  });

  it('rejects bad nibble escapes and resyncs on a new STX', () => {
    const out = new Framer(stxLenBccNibble).push(hex('02 3041 03 02 3030 02 30303032 33313031 3332 03'));
    const codes = out.flatMap((o) => (o.type === 'error' ? [o.error.code] : []));
    expect(codes).toContain('BAD_ESCAPE');
    expect(codes).toContain('BAD_END');
    expect(frames(out)).toHaveLength(1);
  });

  it('carries a 1295-byte ID card answer', () => {
    const f = new Framer(idSam);
    const body = Buffer.alloc(1288 - 1, 0x11);
    const wire = f.encode(body.subarray(0), undefined);
    expect(wire.length).toBe(1295);
    expect(wire.subarray(5, 7)).toEqual(hex('0508'));
    expect(frames(f.push(wire))[0]?.payload.length).toBe(1287);
  });
});
