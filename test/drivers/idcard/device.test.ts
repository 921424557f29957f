import { afterEach, describe, expect, it } from 'vitest';
import { IdCardReader } from '../../../drivers/idcard/device.js';
import { DEMO_ID_CARD, startIdMemoryEmulator } from '../../../drivers/idcard/emulator.js';
import type { Fault } from '../../../drivers/emulator-kit/faults.js';

const readers: IdCardReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
});

async function setup(card = DEMO_ID_CARD) {
  const emu = startIdMemoryEmulator(card);
  const reader = new IdCardReader({ transport: emu.transport, timeouts: { command: 100, read: 100 } });
  readers.push(reader);
  expect((await reader.open()).ok).toBe(true);
  return { emu, reader };
}

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('resident ID card reader against the emulator', () => {
  it('reads the card: UCS-2 text, long-term validity, WLT photo', async () => {
    const { emu, reader } = await setup();
    const r = await reader.readCard();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      name: '李四',
      sex: 'female',
      nationCode: '01',
      birthDate: '1949-12-31',
      address: '北京市西城区示例路1号',
      idNumber: '11010519491231002X',
      issuingAuthority: '北京市公安局西城分局',
      validFrom: '2020-01-01',
      validTo: 'long-term',
    });
    expect(r.value.photoWlt.length).toBe(1024);
    expect(emu.host.transcript.commands()).toEqual(['FIND', 'SELECT', 'READ']);
    const answer = emu.host.transcript.entries.filter((e) => e.dir === 'out').at(-1);
    expect(answer?.bytes?.length).toBe(1295);
  });

  it('reads a dated validity and a lower-case check character', async () => {
    const { reader } = await setup({ ...DEMO_ID_CARD, validTo: '20400101', idNumber: '11010519491231002x' });
    const r = await reader.readCard();
    expect(r.ok && [r.value.validTo, r.value.idNumber]).toEqual(['2040-01-01', '11010519491231002X']);
  });

  it('rejects an ID number whose check digit is wrong', async () => {
    const { reader } = await setup({ ...DEMO_ID_CARD, idNumber: '110105194912310021' });
    expect(codeOf(await reader.readCard())).toBe('BAD_ID_NUMBER');
  });

  it('reports NO_CARD (SW3 80) on an empty antenna', async () => {
    const { emu, reader } = await setup();
    emu.model.card = undefined;
    expect(codeOf(await reader.readCard())).toBe('NO_CARD');
  });

  it('reports READ_FAILED when the card leaves between select and read', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ', { kind: 'device', name: 'remove-card' });
    expect(codeOf(await reader.readCard())).toBe('READ_FAILED');
  });

  it.each([
    [0x81, 'SELECT_FAILED', 'SELECT'],
    [0x41, 'READ_FAILED', 'READ'],
    [0x66, 'UNAUTHORISED', 'READ'],
    [0x21, 'UNKNOWN_COMMAND', 'FIND'],
    [0x33, 'UNEXPECTED_STATUS', 'FIND'],
  ])('maps SW3 %s to %s', async (sw3, code, command) => {
    const { emu, reader } = await setup();
    emu.host.faults.once(command, { kind: 'status', code: sw3 });
    const r = await reader.readCard();
    expect(r.ok ? undefined : r.error).toMatchObject({ code, detail: { sw3 } });
  });

  it('resends once when the SAM reports our frame corrupt (SW3 10/11)', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ', { kind: 'status', code: 0x10 }).once('FIND', { kind: 'status', code: 0x11 });
    expect(codeOf(await reader.readCard())).toBe('ok');
  });

  it.each<[string, Fault]>([
    ['drop', { kind: 'drop' }],
    ['corrupt', { kind: 'corrupt' }],
    ['split', { kind: 'split', at: 600 }],
    ['garbage', { kind: 'garbage', bytes: Buffer.from('AAAA0011', 'hex') }],
    ['delay', { kind: 'delay', ms: 20 }],
  ])('recovers the 1295-byte read from a %s', async (_n, fault) => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ', fault);
    expect(codeOf(await reader.readCard())).toBe('ok');
  });

  it.each<[string, Fault]>([
    ['lost', { kind: 'drop' }],
    ['corrupted', { kind: 'corrupt' }],
    ['corrupted inside the photo', { kind: 'corrupt', at: 900 }],
  ])('restarts find → select → read after a %s READ answer (the SAM will not read twice on one selection)', async (_n, fault) => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ', fault);
    const r = await reader.readCard();
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
    expect(emu.host.transcript.commands()).toEqual(['FIND', 'SELECT', 'READ', 'FIND', 'SELECT', 'READ']);
  });

  it('gives up after two restarts with the line error, not a read failure', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.always('READ', { kind: 'corrupt' });
    expect(codeOf(await reader.readCard())).toBe('CORRUPT_REPLY');
    expect(emu.host.transcript.commands().filter((c) => c === 'READ')).toHaveLength(3);
  });

  it('needs a new find and select for every read, as the real module does', async () => {
    const { emu, reader } = await setup();
    expect(codeOf(await reader.readCard())).toBe('ok');
    expect(codeOf(await reader.readCard())).toBe('ok');
    expect(emu.host.transcript.commands()).toEqual(['FIND', 'SELECT', 'READ', 'FIND', 'SELECT', 'READ']);
  });

  it('reads the SAM id and resets the SAM', async () => {
    const { reader } = await setup();
    const id = await reader.samId();
    expect(id.ok && id.value.length).toBe(32);
    expect((await reader.reset()).ok).toBe(true);
  });

  it('fails with CLOSED on unplug and works after replug', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('SELECT', { kind: 'unplug' });
    expect(codeOf(await reader.readCard())).toBe('CLOSED');
    await emu.host.replug();
    await reader.open();
    expect(codeOf(await reader.readCard())).toBe('ok');
  });
});
