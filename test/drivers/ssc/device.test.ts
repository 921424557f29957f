import { afterEach, describe, expect, it } from 'vitest';
import { BINDING, pinBlock, testAuthorizer } from './pin-helpers.js';
import { SocialSecurityCardReader } from '../../../drivers/ssc/device.js';
import { SSC_TIMEOUTS } from '../../../drivers/ssc/config.js';
import { DEMO_SSC_CARD, startSscMemoryEmulator, startSscStxMemoryEmulator } from '../../../drivers/ssc/emulator.js';
import { inSimulatedTime } from '../helpers.js';

const timeouts = { powerOn: 300, apdu: 300, status: 300, ack: 100, recovery: 300 };
const opened: SocialSecurityCardReader[] = [];
afterEach(async () => {
  for (const r of opened.splice(0)) await r.close();
});

async function setup(card = DEMO_SSC_CARD) {
  const emu = startSscMemoryEmulator(card);
  const reader = new SocialSecurityCardReader({ transport: emu.transport, timeouts, lineBaud: 115200 });
  opened.push(reader);
  expect((await reader.open()).ok).toBe(true);
  return { emu, reader };
}


/** Status words of the card's answers (the last two data bytes of each CCID data block the reader sent). */
const replySws = (emu: ReturnType<typeof startSscMemoryEmulator>) =>
  emu.host.transcript.entries.flatMap((e) => {
    const b = e.bytes;
    if (e.dir !== 'out' || !b || b.length < 14 || b[1] !== 0x80) return [];
    return [b.readUInt16BE(b.length - 4)];
  });

const errorOf = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }) => (r.ok ? undefined : r.error);

describe('social-security card reader against the emulator', () => {
  it('reads the SSSE record through 61XX in the minimal 14 exchanges, each record asked with its size from the layout', async () => {
    const { emu, reader } = await setup();
    const r = await reader.readCard();
    expect(r).toEqual({
      ok: true,
      value: {
        cardId: DEMO_SSC_CARD.cardId.toString('hex').toUpperCase(),
        specVersion: '3.00',
        issueDate: '2020-01-15',
        expiryDate: '2030-01-15',
        cardNumber: 'A00000001',
        ssn: '11010519491231002X',
        name: '张三',
        sex: 'male',
        birthDate: '1949-12-31',
      },
    });
    const read5 = new Array<string>(5).fill('READ_RECORD');
    const read4 = new Array<string>(4).fill('READ_RECORD');
    expect(emu.host.transcript.commands()).toEqual(['POWER_ON', 'SELECT', 'GET_RESPONSE', 'SELECT', ...read5, 'SELECT', ...read4]);
    // No answer said 6CXX: every Le was right the first time.
    expect(replySws(emu).filter((sw) => sw >> 8 === 0x6c)).toEqual([]);
  });

  it('falls back on 6CXX for a card whose layout differs, and learns it for the next card of its type', async () => {
    const odd = { ...DEMO_SSC_CARD, atr: Buffer.from('3B6D000080318065B0872701BC83089001', 'hex'), widths: { cardNumber: 12, name: 20 } };
    const { emu, reader } = await setup(odd);
    const first = await reader.readCard();
    expect(first.ok && [first.value.cardNumber, first.value.name, first.value.ssn]).toEqual(['A00000001', '张三', '11010519491231002X']);
    // Card number and name: asked with the spec's size, corrected by the card, asked again.
    expect(replySws(emu).filter((sw) => sw >> 8 === 0x6c)).toEqual([0x6c0e, 0x6c16]);
    expect(emu.host.transcript.commands().filter((c) => c === 'READ_RECORD')).toHaveLength(11);
    emu.host.transcript.clear();
    emu.model.insert({ ...odd, name: '李四' });
    const second = await reader.readCard();
    expect(second.ok && second.value.name).toBe('李四');
    expect(emu.host.transcript.commands().filter((c) => c === 'READ_RECORD')).toHaveLength(9);
    // Another card type keeps the spec's layout.
    emu.host.transcript.clear();
    emu.model.insert(DEMO_SSC_CARD);
    expect((await reader.readCard()).ok).toBe(true);
    expect(emu.host.transcript.commands().filter((c) => c === 'READ_RECORD')).toHaveLength(9);
  });

  it("in 'probe' mode asks Le 00 for every record and follows each 6CXX", async () => {
    const emu = startSscMemoryEmulator();
    const reader = new SocialSecurityCardReader({ transport: emu.transport, timeouts, lineBaud: 115200, recordSizes: 'probe' });
    opened.push(reader);
    await reader.open();
    expect((await reader.readCard()).ok).toBe(true);
    expect(emu.host.transcript.commands().filter((c) => c === 'READ_RECORD')).toHaveLength(18);
    expect(replySws(emu).filter((sw) => sw >> 8 === 0x6c)).toHaveLength(9);
  });

  it('follows chained 61XX responses in small pieces', async () => {
    const { emu, reader } = await setup({ ...DEMO_SSC_CARD, responseChunk: 4 });
    expect((await reader.readCard()).ok).toBe(true);
    expect(emu.host.transcript.commands().filter((c) => c === 'GET_RESPONSE').length).toBeGreaterThan(3);
  });

  it('gives up on a card that never ends its 61XX chain: CHAINING_FAILED', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.always('GET_RESPONSE', { kind: 'status', code: 0x6110 });
    expect(errorOf(await reader.readCard())).toMatchObject({ code: 'CHAINING_FAILED', detail: { sw: 0x6110 } });
  });

  it('counts PIN tries down 63C2 → 63C1 → 6983 and stays blocked', async () => {
    const { reader } = await setup();
    expect(errorOf(await reader.verifyPinBlock(pinBlock('000000'), BINDING))).toMatchObject({ code: 'PIN_WRONG', detail: { sw: 0x63c2, triesLeft: 2 } });
    expect(errorOf(await reader.verifyPinBlock(pinBlock('000000'), BINDING))).toMatchObject({ code: 'PIN_WRONG', detail: { triesLeft: 1 } });
    expect(errorOf(await reader.verifyPinBlock(pinBlock('000000'), BINDING))).toMatchObject({ code: 'PIN_BLOCKED', detail: { sw: 0x6983 } });
    expect(errorOf(await reader.verifyPinBlock(pinBlock('123456'), BINDING))).toMatchObject({ code: 'PIN_BLOCKED' });
  });

  it('verifies, changes and reloads the PIN (reload authorised by MAC)', async () => {
    const { emu, reader } = await setup();
    expect((await reader.verifyPinBlock(pinBlock('123456'), BINDING)).ok).toBe(true);
    expect((await reader.changePinBlocks(pinBlock('123456'), pinBlock('654321'), BINDING)).ok).toBe(true);
    expect(emu.model.card?.pin).toBe('654321');
    expect((await reader.reloadPinBlock(pinBlock('111111'), BINDING, testAuthorizer('111111'))).ok).toBe(true);
    expect(emu.model.card?.pin).toBe('111111');
  });

  it('refuses a reload with a wrong MAC as MAC_INVALID (6988)', async () => {
    const { reader } = await setup();
    const r = await reader.reloadPinBlock(pinBlock('111111'), BINDING, async () => Buffer.alloc(4));
    expect(errorOf(r)).toMatchObject({ code: 'MAC_INVALID', detail: { sw: 0x6988 } });
  });

  it('rejects a malformed PIN before it reaches the card', async () => {
    const { emu, reader } = await setup();
    expect(errorOf(await reader.verifyPinBlock(pinBlock('12345'), BINDING))).toMatchObject({ code: 'PIN_LENGTH' });
    expect(emu.host.transcript.commands()).not.toContain('VERIFY');
  });

  it('reports NO_CARD when the slot is empty', async () => {
    const { emu, reader } = await setup();
    emu.model.remove();
    expect(errorOf(await reader.readCard())).toMatchObject({ code: 'NO_CARD' });
  });

  it('reports CARD_REMOVED when the card is pulled mid-APDU', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ_RECORD', { kind: 'device', name: 'pull-card' });
    expect(errorOf(await reader.readCard())).toMatchObject({ code: 'CARD_REMOVED' });
  });

  it('reports UNKNOWN_ATR', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('POWER_ON', { kind: 'device', name: 'unknown-atr' });
    expect(errorOf(await reader.readCard())).toMatchObject({ code: 'UNKNOWN_ATR' });
  });

  it.each([
    [0x6a82, 'FILE_NOT_FOUND'],
    [0x6a83, 'RECORD_NOT_FOUND'],
    [0x6988, 'MAC_INVALID'],
    [0x6982, 'SECURITY_NOT_SATISFIED'],
    [0x6984, 'REFERENCE_DATA_UNUSABLE'],
    [0x6985, 'CONDITIONS_NOT_SATISFIED'],
    [0x6d00, 'INS_NOT_SUPPORTED'],
    [0x6f00, 'UNEXPECTED_STATUS'],
  ])('maps status word %s to %s', async (sw, code) => {
    const { emu, reader } = await setup();
    emu.host.faults.once('SELECT', { kind: 'status', code: sw });
    expect(errorOf(await reader.readCard())).toMatchObject({ code, detail: { sw } });
  });

  it.each([
    ['drop', { kind: 'drop' } as const],
    ['corrupt', { kind: 'corrupt' } as const],
    ['split', { kind: 'split' } as const],
    ['garbage', { kind: 'garbage' } as const],
    ['delay', { kind: 'delay', ms: 20 } as const],
    ['nack checksum', { kind: 'nack', code: 1 } as const],
    ['nack timeout', { kind: 'nack', code: 4 } as const],
  ])('recovers a read from a %s on READ_RECORD', async (_name, fault) => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ_RECORD', fault);
    const r = await reader.readCard();
    expect(r.ok).toBe(true);
  });

  it('recovers each corrupted answer holding 0x02 bytes (a February birth date) with one repeat request', async () => {
    const { emu, reader } = await setup({ ...DEMO_SSC_CARD, birthDate: '19490202' });
    emu.host.faults.always('READ_RECORD', { kind: 'corrupt' });
    const r = await reader.readCard();
    expect(r.ok && r.value.birthDate).toBe('1949-02-02');
    const cmds = emu.host.transcript.commands();
    expect(cmds.filter((c) => c === 'REPEAT')).toHaveLength(cmds.filter((c) => c === 'READ_RECORD').length);
  });

  it('never executes VERIFY twice when its reply is lost: asks the reader to repeat instead', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('VERIFY', { kind: 'drop' });
    expect(errorOf(await reader.verifyPinBlock(pinBlock('000000'), BINDING))).toMatchObject({ code: 'PIN_WRONG', detail: { triesLeft: 2 } });
    const cmds = emu.host.transcript.commands();
    expect(cmds.filter((c) => c === 'VERIFY')).toHaveLength(1);
    expect(cmds).toContain('REPEAT');
    expect(emu.model.card?.triesLeft).toBe(2);
  });

  it('resends an idempotent command the reader never acknowledged, without asking for a repeat', async () => {
    const { emu, reader } = await setup();
    expect((await reader.readCard()).ok).toBe(true);
    const clean = emu.host.transcript.commands().filter((c) => c === 'READ_RECORD').length;
    emu.host.transcript.clear();
    emu.host.faults.once('READ_RECORD', { kind: 'swallow' });
    expect((await reader.readCard()).ok).toBe(true);
    const cmds = emu.host.transcript.commands();
    expect(cmds).not.toContain('REPEAT');
    expect(cmds.filter((c) => c === 'READ_RECORD')).toHaveLength(clean + 1);
  });

  it('resends an idempotent command whose repeated answer is for the previous command (a reader that sends no acknowledgement)', async () => {
    const emu = startSscMemoryEmulator();
    const reader = new SocialSecurityCardReader({ transport: emu.transport, timeouts: { ...timeouts, ack: 0 }, lineBaud: 115200 });
    opened.push(reader);
    await reader.open();
    expect((await reader.status()).ok).toBe(true);
    emu.host.faults.once('POWER_ON', { kind: 'swallow' });
    expect((await reader.readCard()).ok).toBe(true);
    expect(emu.host.transcript.commands().slice(1, 4)).toEqual(['POWER_ON', 'REPEAT', 'POWER_ON']);
  });

  describe('time a lost command costs, on the simulated clock with the default (hardware) timeouts', () => {
    async function real(card = DEMO_SSC_CARD, framing?: 'stx-len-bcc') {
      const emu = framing ? startSscStxMemoryEmulator(framing, card) : startSscMemoryEmulator(card);
      const reader = new SocialSecurityCardReader({ transport: emu.transport, ...(framing ? { framing } : {}) });
      opened.push(reader);
      await reader.open();
      return { emu, reader };
    }

    it('resends the first command after open, lost on the way in, after the ack allowance (not 4 × 3 s of repeat requests)', async () => {
      const { emu, reader } = await real();
      const clean = await inSimulatedTime(() => reader.readCard());
      emu.host.faults.once('POWER_ON', { kind: 'swallow' });
      const { value, ms } = await inSimulatedTime(() => reader.readCard());
      expect(value.ok).toBe(true);
      expect(emu.host.transcript.commands().filter((c) => c === 'POWER_ON')).toHaveLength(3);
      // 250 ms of allowance plus the 17-byte command and the 4-byte acknowledgement at 9600 baud.
      expect(ms - clean.ms).toBeLessThanOrEqual(SSC_TIMEOUTS.ack! + 22 * (10_000 / 9600));
    });

    it('fails a VERIFY the reader never received with TIMEOUT well within a second, PIN counter untouched', async () => {
      const { emu, reader } = await real();
      expect((await reader.verifyPinBlock(pinBlock('123456'), BINDING)).ok).toBe(true);
      emu.host.faults.once('VERIFY', { kind: 'swallow' });
      const { value, ms } = await inSimulatedTime(() => reader.verifyPinBlock(pinBlock('000000'), BINDING));
      expect(errorOf(value)).toMatchObject({ code: 'TIMEOUT' });
      expect(emu.host.transcript.commands().filter((c) => c === 'VERIFY')).toHaveLength(2);
      expect(emu.model.card?.triesLeft).toBe(3);
      expect(ms).toBeLessThan(1000);
    });

    it('gives up on a silent reader within the command timeout plus the allowances', async () => {
      const { emu, reader } = await real();
      emu.host.faults.always('*', { kind: 'swallow' });
      const { value, ms } = await inSimulatedTime(() => reader.readCard());
      expect(errorOf(value)).toMatchObject({ code: 'TIMEOUT' });
      expect(ms).toBeLessThanOrEqual(SSC_TIMEOUTS.powerOn + SSC_TIMEOUTS.ack! + SSC_TIMEOUTS.recovery! + 50);
    });

    it('bounds a lost STX command (no acknowledgement there) to one timeout plus the recovery allowance', async () => {
      const { emu, reader } = await real(DEMO_SSC_CARD, 'stx-len-bcc');
      emu.host.faults.always('*', { kind: 'swallow' });
      const { value, ms } = await inSimulatedTime(() => reader.readCard());
      expect(errorOf(value)).toMatchObject({ code: 'TIMEOUT' });
      expect(ms).toBeLessThanOrEqual(SSC_TIMEOUTS.powerOn + SSC_TIMEOUTS.recovery!);
    });
  });

  it('does not resend a VERIFY the reader never received: TIMEOUT, PIN counter untouched', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('VERIFY', { kind: 'swallow' });
    expect(errorOf(await reader.verifyPinBlock(pinBlock('000000'), BINDING))).toMatchObject({ code: 'TIMEOUT' });
    expect(emu.host.transcript.commands().filter((c) => c === 'VERIFY')).toHaveLength(1);
    expect(emu.model.card?.triesLeft).toBe(3);
  });

  it('resends VERIFY only when the reader refused the frame (not executed)', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('VERIFY', { kind: 'nack', code: 1 });
    expect((await reader.verifyPinBlock(pinBlock('123456'), BINDING)).ok).toBe(true);
    expect(emu.host.transcript.commands().filter((c) => c === 'VERIFY')).toHaveLength(2);
  });

  it('times out with a typed LinkError when the reader stays silent', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.always('*', { kind: 'drop' });
    expect(errorOf(await reader.readCard())).toMatchObject({ code: 'TIMEOUT', layer: 'link' });
  });

  describe('slot status (GetSlotStatus 65 → 81)', () => {
    it('reports inactive, active and absent without touching the card', async () => {
      const { emu, reader } = await setup();
      expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-inactive' } });
      expect((await reader.readCard()).ok).toBe(true);
      emu.host.transcript.clear();
      expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-active' } });
      // Only the reader was asked: no power cycle, no APDU reached the card.
      expect(emu.host.transcript.commands()).toEqual(['SLOT_STATUS']);
      const frame = emu.host.transcript.entries.find((e) => e.dir === 'in')?.bytes;
      expect(frame?.[1]).toBe(0x65);
      const reply = emu.host.transcript.entries.filter((e) => e.dir === 'out').at(-1)?.bytes;
      expect(reply?.[1]).toBe(0x81);
      emu.model.remove();
      expect(await reader.status()).toEqual({ ok: true, value: { card: 'absent' } });
    });

    it('is repeatable and leaves the PIN counter and session alone', async () => {
      const { emu, reader } = await setup();
      expect((await reader.verifyPinBlock(pinBlock('123456'), BINDING)).ok).toBe(true);
      for (let i = 0; i < 3; i++) expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-active' } });
      expect(emu.model.card?.triesLeft).toBe(3);
      emu.host.transcript.clear();
      // The session survived: the next VERIFY needs no new power-on.
      expect((await reader.verifyPinBlock(pinBlock('123456'), BINDING)).ok).toBe(true);
      expect(emu.host.transcript.commands()).toEqual(['VERIFY']);
    });

    it.each([
      ['drop', { kind: 'drop' }],
      ['corrupt', { kind: 'corrupt' }],
      ['swallow', { kind: 'swallow' }],
      ['nack', { kind: 'nack', code: 1 }],
    ] as const)('recovers from a %s fault', async (_n, fault) => {
      const { emu, reader } = await setup();
      // A first exchange, so the reader has an answer to repeat (for a swallowed command: the previous one's).
      expect((await reader.status()).ok).toBe(true);
      emu.host.faults.once('SLOT_STATUS', fault);
      expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-inactive' } });
    });

    it('maps a mute card, a pulled card, a reader error and a silent reader', async () => {
      const { emu, reader } = await setup();
      expect((await reader.readCard()).ok).toBe(true);
      emu.host.faults.once('SLOT_STATUS', { kind: 'device', name: 'mute' });
      expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-inactive' } });
      emu.host.faults.once('SLOT_STATUS', { kind: 'status', code: 0x05 });
      expect(await reader.status()).toMatchObject({ ok: false, error: { code: 'READER_ERROR', detail: { error: 5 } } });
      emu.host.faults.once('SLOT_STATUS', { kind: 'device', name: 'pull-card' });
      expect(await reader.status()).toEqual({ ok: true, value: { card: 'absent' } });
      emu.host.faults.always('*', { kind: 'swallow' });
      expect(await reader.status()).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    });

    it('reports CLOSED once the reader is unplugged', async () => {
      const { emu, reader } = await setup();
      await emu.host.unplug();
      expect(await reader.status()).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    });
  });

  it('reports an unplug mid-command as CLOSED, then works again after replug and reopen', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ_RECORD', { kind: 'unplug' });
    expect(errorOf(await reader.readCard())).toMatchObject({ code: 'CLOSED', detail: { disconnected: true } });
    await emu.host.replug();
    expect((await reader.open()).ok).toBe(true);
    expect((await reader.readCard()).ok).toBe(true);
  });
});
