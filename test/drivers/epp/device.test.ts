import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DriverError } from '../../../drivers/core/errors.js';
import type { DriverLogger, LogFields } from '../../../drivers/core/logger.js';
import { PinPad, type KeyEvent } from '../../../drivers/epp/device.js';
import { startEppMemoryEmulator, wrapTestKey } from '../../../drivers/epp/emulator.js';
import { format0Decipher, format4Decipher } from '../../../drivers/epp/pinblock.js';
import { parseKeyEvent, parseReply, parseStatus } from '../../../drivers/epp/protocol.js';

const WK3 = Buffer.from('11111111111111112222222222222222', 'hex');
const WKA = Buffer.from('00112233445566778899AABBCCDDEEFF', 'hex');
const PAN = '6217001234567890123';
const pads: PinPad[] = [];
afterEach(async () => {
  for (const p of pads.splice(0)) await p.close();
});

async function setup(logger?: DriverLogger) {
  const emu = startEppMemoryEmulator();
  const pad = new PinPad({ transport: emu.transport, commandTimeoutMs: 100, ...(logger ? { logger } : {}) });
  pads.push(pad);
  expect((await pad.open()).ok).toBe(true);
  expect((await pad.loadWorkingKey({ slot: 1, alg: '3des', ...wrapTestKey('3des', WK3) })).ok).toBe(true);
  expect((await pad.loadWorkingKey({ slot: 2, alg: 'aes', ...wrapTestKey('aes', WKA) })).ok).toBe(true);
  const events: KeyEvent[] = [];
  pad.on('key', (e) => events.push(e));
  return { emu, pad, events };
}

/** Resolves once the pad reports the PIN entry started (polled by vi.waitFor: state, not time). */
const entryStarted = (pad: PinPad) => vi.waitFor(() => expect(pad.entryActive).toBe(true));

const entry = (format: 0 | 4) => ({ minLength: 4, maxLength: 6, timeoutSec: 30, format, pan: PAN });

describe('encrypting PIN pad against the emulator', () => {
  it('returns a format 0 3DES block bound to the PAN; key events carry counts, never digits', async () => {
    const { emu, pad, events } = await setup();
    const p = pad.enterPin(entry(0));
    await entryStarted(pad);
    emu.type(['8', '6', '4', 'clear', '2', '4', '6', '8', '0', 'enter']);
    const r = await p;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe(0);
    expect(format0Decipher(WK3, r.value.block, PAN)).toBe('24680');
    expect(events.map((e) => `${e.kind}:${e.count}`)).toEqual(['digit:1', 'digit:2', 'digit:3', 'clear:0', 'digit:1', 'digit:2', 'digit:3', 'digit:4', 'digit:5', 'enter:5']);
    for (const e of events) expect(Object.keys(e).sort()).toEqual(['count', 'kind']);
  });

  it('returns a format 4 AES block', async () => {
    const { emu, pad } = await setup();
    const p = pad.enterPin(entry(4));
    await entryStarted(pad);
    emu.type(['1', '2', '3', '4', 'enter']);
    const r = await p;
    expect(r.ok && format4Decipher(WKA, r.value.block, PAN)).toBe('1234');
  });

  it('ignores ENTER below the minimum length and digits beyond the maximum', async () => {
    const { emu, pad, events } = await setup();
    const p = pad.enterPin(entry(0));
    await entryStarted(pad);
    emu.type(['1', '2', 'enter', '3', '4', '5', '6', '7', '8', 'enter']);
    const r = await p;
    expect(r.ok && format0Decipher(WK3, r.value.block, PAN)).toBe('123456');
    expect(events.filter((e) => e.kind === 'digit')).toHaveLength(6);
  });

  it('ends CANCELLED when the resident presses cancel, ENTRY_TIMEOUT when the pad times out', async () => {
    const { emu, pad } = await setup();
    let p = pad.enterPin(entry(0));
    await entryStarted(pad);
    emu.type(['1', 'cancel']);
    expect(await p).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    emu.host.transcript.clear();
    p = pad.enterPin(entry(0));
    await entryStarted(pad);
    emu.model.expire();
    expect(await p).toMatchObject({ ok: false, error: { code: 'ENTRY_TIMEOUT' } });
  });

  it('cancels from the host', async () => {
    const { pad } = await setup();
    const p = pad.enterPin(entry(0));
    await entryStarted(pad);
    expect((await pad.cancel()).ok).toBe(true);
    expect(await p).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('refuses a working key whose check value does not match', async () => {
    const { pad } = await setup();
    const w = wrapTestKey('3des', WK3);
    const r = await pad.loadWorkingKey({ slot: 1, alg: '3des', encryptedKey: w.encryptedKey, kcv: Buffer.from('000000', 'hex') });
    expect(r).toMatchObject({ ok: false, error: { code: 'KCV_MISMATCH', detail: { status: 4 } } });
  });

  it.each([
    [0x03, 'KEY_NOT_LOADED'],
    [0x06, 'BUSY'],
    [0x07, 'TAMPERED'],
    [0x42, 'UNEXPECTED_STATUS'],
  ])('maps status %s to %s', async (status, code) => {
    const { emu, pad } = await setup();
    emu.host.faults.once('START_ENTRY', { kind: 'status', code: status });
    expect(await pad.enterPin(entry(0))).toMatchObject({ ok: false, error: { code } });
  });

  it('resends READ_BLOCK after a lost reply, but never START_ENTRY', async () => {
    const { emu, pad } = await setup();
    emu.host.faults.once('START_ENTRY', { kind: 'drop' });
    expect(await pad.enterPin(entry(0))).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(emu.host.transcript.commands().filter((c) => c === 'START_ENTRY')).toHaveLength(1);
    await pad.reset();
    emu.host.faults.once('READ_BLOCK', { kind: 'drop' });
    const p = pad.enterPin(entry(4));
    await entryStarted(pad);
    emu.type(['9', '9', '9', '9', 'enter']);
    const r = await p;
    expect(r.ok && format4Decipher(WKA, r.value.block, PAN)).toBe('9999');
    expect(emu.host.transcript.commands().filter((c) => c === 'READ_BLOCK')).toHaveLength(2);
  });

  it('reports STATUS flags without changing the pad: idle, entry in progress, PIN ready, keys loaded', async () => {
    const emu = startEppMemoryEmulator();
    const bare = new PinPad({ transport: emu.transport, commandTimeoutMs: 100 });
    pads.push(bare);
    expect((await bare.open()).ok).toBe(true);
    expect(await bare.status()).toEqual({ ok: true, value: { idle: true, entryInProgress: false, pinReady: false, keyLoaded: { '3des': false, aes: false } } });
    await bare.close();

    const { emu: e2, pad } = await setup();
    expect(await pad.status()).toEqual({ ok: true, value: { idle: true, entryInProgress: false, pinReady: false, keyLoaded: { '3des': true, aes: true } } });
    const p = pad.enterPin(entry(0));
    await entryStarted(pad);
    e2.type(['1', '2']);
    // Asking mid-entry ends nothing: the resident goes on typing and gets the PIN block.
    expect(await pad.status()).toMatchObject({ ok: true, value: { idle: false, entryInProgress: true, pinReady: false } });
    e2.type(['3', '4', 'enter']);
    const r = await p;
    expect(r.ok && format0Decipher(WK3, r.value.block, PAN)).toBe('1234');
    expect(await pad.status()).toMatchObject({ ok: true, value: { idle: false, entryInProgress: false, pinReady: true } });
    expect(e2.host.transcript.commands()).not.toContain('RESET');
  });

  it('resends STATUS after a lost or corrupt reply, and maps a refusal to a typed error', async () => {
    const { emu, pad } = await setup();
    emu.host.faults.once('STATUS', { kind: 'drop' });
    expect((await pad.status()).ok).toBe(true);
    emu.host.faults.once('STATUS', { kind: 'corrupt' });
    expect((await pad.status()).ok).toBe(true);
    expect(emu.host.transcript.commands().filter((c) => c === 'STATUS')).toHaveLength(4);
    emu.host.faults.once('STATUS', { kind: 'status', code: 0x07 });
    expect(await pad.status()).toMatchObject({ ok: false, error: { code: 'TAMPERED' } });
    expect(() => parseStatus(Buffer.alloc(0))).toThrow(DriverError);
  });

  it('ends an entry CANCELLED when the pad is unplugged', async () => {
    const { emu, pad } = await setup();
    const p = pad.enterPin(entry(0));
    await entryStarted(pad);
    await emu.host.unplug();
    expect(await p).toMatchObject({ ok: false, error: { code: 'CANCELLED', detail: { disconnected: true } } });
  });

  it('keeps PIN digits out of logs and errors (canary)', async () => {
    const lines: string[] = [];
    const rec = (m: string, f?: LogFields) => lines.push(`${m} ${JSON.stringify(f ?? {})}`);
    const { emu, pad } = await setup({ debug: rec, info: rec, warn: rec, error: rec });
    emu.host.faults.once('READ_BLOCK', { kind: 'status', code: 0x05 });
    const p = pad.enterPin(entry(0));
    await entryStarted(pad);
    emu.type(['9', '7', '5', '3', '1', '8', 'enter']);
    const r = await p;
    expect(r.ok).toBe(false);
    const hay = [...lines, r.ok ? '' : r.error.message].join('\n');
    expect(hay).not.toContain('975318');
    expect(hay).not.toContain(PAN);
  });

  it('key-event and reply decoders throw only typed errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (a) => {
        const frame = { header: Buffer.alloc(1), payload: Buffer.from(a), raw: Buffer.alloc(0) };
        for (const f of [() => parseKeyEvent(frame), () => parseReply(frame)]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(DriverError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
