import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinPad } from '../../../drivers/epp/device.js';
import { startEppSerialEmulator, wrapTestKey } from '../../../drivers/epp/emulator.js';
import { format0Decipher } from '../../../drivers/epp/pinblock.js';
import { SerialTransport } from '../../../drivers/transports/serial.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('PIN pad over a PTY pair', () => {
  it('takes a PIN entry with unsolicited key events through the real serialport binding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'epp-pty-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const hostLink = join(dir, 'A');
    const emu = await startEppSerialEmulator({ hostLink, deviceLink: join(dir, 'B') });
    cleanups.push(() => emu.front.dispose());
    const pad = new PinPad({ transport: new SerialTransport({ path: hostLink, baudRate: 9600 }), commandTimeoutMs: 500 });
    cleanups.push(() => pad.close());
    expect((await pad.open()).ok).toBe(true);
    const wk = Buffer.from('11111111111111112222222222222222', 'hex');
    expect((await pad.loadWorkingKey({ slot: 1, alg: '3des', ...wrapTestKey('3des', wk) })).ok).toBe(true);
    const counts: number[] = [];
    pad.on('key', (e) => counts.push(e.count));
    const p = pad.enterPin({ minLength: 4, maxLength: 6, timeoutSec: 30, format: 0, pan: '6217001234567890123' });
    await vi.waitFor(() => expect(pad.entryActive).toBe(true));
    emu.type(['1', '3', '5', '7', '9', '0', 'enter']);
    const r = await p;
    expect(r.ok && format0Decipher(wk, r.value.block, '6217001234567890123')).toBe('135790');
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 6]);
  });
});
