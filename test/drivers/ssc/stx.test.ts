import { mkdtempSync, rmSync } from 'node:fs';
import { BINDING, pinBlock } from './pin-helpers.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../drivers/emulator-kit/faults.js';
import { SocialSecurityCardReader } from '../../../drivers/ssc/device.js';
import { startSscSerialEmulator, startSscStxMemoryEmulator } from '../../../drivers/ssc/emulator.js';
import { isIdempotentApdu } from '../../../drivers/ssc/reader.js';
import { SerialTransport } from '../../../drivers/transports/serial.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe.each(['stx-len-bcc', 'stx-len-bcc-nibble'] as const)('SSC reader of the %s family', (framing) => {
  async function setup() {
    const emu = startSscStxMemoryEmulator(framing);
    const reader = new SocialSecurityCardReader({ transport: emu.transport, framing, timeouts: { powerOn: 300, apdu: 300, recovery: 300 } });
    cleanups.push(() => reader.close());
    await reader.open();
    return { emu, reader };
  }

  it('reads the card and verifies the PIN', async () => {
    const { reader } = await setup();
    const r = await reader.readCard();
    expect(r.ok && r.value.name).toBe('张三');
    expect(codeOf(await reader.verifyPinBlock(pinBlock('000000'), BINDING))).toBe('PIN_WRONG');
  });

  it.each<[string, Fault]>([
    ['drop', { kind: 'drop' }],
    ['corrupt', { kind: 'corrupt' }],
    ['split', { kind: 'split' }],
    ['garbage', { kind: 'garbage' }],
    ['bad-frame status', { kind: 'nack', code: 1 }],
  ])('recovers an idempotent READ RECORD from %s by resending it', async (_n, fault) => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ_RECORD', fault);
    expect(codeOf(await reader.readCard())).toBe('ok');
  });

  it('never resends VERIFY after a lost reply (no repeat-last in this family): TIMEOUT, one try used', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('VERIFY', { kind: 'drop' });
    expect(codeOf(await reader.verifyPinBlock(pinBlock('000000'), BINDING))).toBe('TIMEOUT');
    expect(emu.host.transcript.commands().filter((c) => c === 'VERIFY')).toHaveLength(1);
    expect(emu.model.card?.triesLeft).toBe(2);
  });

  it('maps an unknown ATR and a 6988 status word', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('POWER_ON', { kind: 'device', name: 'unknown-atr' });
    expect(codeOf(await reader.readCard())).toBe('UNKNOWN_ATR');
    emu.host.faults.once('PIN_CHANGE_RELOAD', { kind: 'status', code: 0x6988 });
    expect(codeOf(await reader.reloadPinBlock(pinBlock('111111'), BINDING, async () => Buffer.alloc(4)))).toBe('MAC_INVALID');
  });

  it('reports the slot status (unconfirmed command 44) without touching the card', async () => {
    const { emu, reader } = await setup();
    expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-inactive' } });
    expect((await reader.readCard()).ok).toBe(true);
    emu.host.transcript.clear();
    expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-active' } });
    expect(emu.host.transcript.commands()).toEqual(['SLOT_STATUS']);
    emu.host.faults.once('SLOT_STATUS', { kind: 'drop' });
    expect(await reader.status()).toEqual({ ok: true, value: { card: 'present-active' } });
    emu.host.faults.once('SLOT_STATUS', { kind: 'status', code: 0x10 });
    expect(await reader.status()).toMatchObject({ ok: false, error: { code: 'READER_ERROR' } });
    emu.model.remove();
    expect(await reader.status()).toEqual({ ok: true, value: { card: 'absent' } });
    expect(emu.model.card).toBeUndefined();
  });

  it('maps a card pulled mid-APDU, then an empty slot', async () => {
    const { emu, reader } = await setup();
    emu.host.faults.once('READ_RECORD', { kind: 'device', name: 'pull-card' });
    expect(codeOf(await reader.readCard())).toBe('CARD_REMOVED');
    expect(codeOf(await reader.readCard())).toBe('NO_CARD');
  });
});

describe('STX family over a PTY pair', () => {
  it('reads the card through the nibble-split framing on the real serialport binding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stx-pty-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const hostLink = join(dir, 'A');
    const emu = await startSscSerialEmulator({ hostLink, deviceLink: join(dir, 'B'), framing: 'stx-len-bcc-nibble' });
    cleanups.push(() => emu.front.dispose());
    const reader = new SocialSecurityCardReader({ transport: new SerialTransport({ path: hostLink, baudRate: 9600 }), framing: 'stx-len-bcc-nibble', timeouts: { powerOn: 500, apdu: 500 } });
    cleanups.push(() => reader.close());
    await reader.open();
    expect(codeOf(await reader.readCard())).toBe('ok');
  });
});

describe('APDU resend classification', () => {
  it('marks SELECT/READ/GET RESPONSE idempotent and VERIFY, PIN change, GET CHALLENGE not', () => {
    const yes = ['00A4040000', '00B2010400', '00C0000010', '00B0000000'];
    const no = ['0020000003123456', '805E010007', '805E000007', '0084000004'];
    for (const h of yes) expect(isIdempotentApdu(Buffer.from(h, 'hex'))).toBe(true);
    for (const h of no) expect(isIdempotentApdu(Buffer.from(h, 'hex'))).toBe(false);
  });
});
