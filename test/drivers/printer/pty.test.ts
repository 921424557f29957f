import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EvolisPrinter } from '../../../drivers/printer/device.js';
import { startPrinterSerialEmulator } from '../../../drivers/printer/emulator.js';
import { panelBytes } from '../../../drivers/printer/protocol.js';
import { SerialTransport } from '../../../drivers/transports/serial.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Evolis printer over a PTY pair', () => {
  it('prints a monochrome card (82 KB panel with arbitrary bytes) through the real serialport binding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prn-pty-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const hostLink = join(dir, 'A');
    const emu = await startPrinterSerialEmulator({ hostLink, deviceLink: join(dir, 'B') });
    cleanups.push(() => emu.front.dispose());
    const printer = new EvolisPrinter({ transport: new SerialTransport({ path: hostLink, baudRate: 9600 }), timeouts: { command: 2000, mechanical: 2000 }, lineBaud: 1e9 });
    cleanups.push(() => printer.close());
    expect((await printer.open()).ok).toBe(true);
    // Panel bytes include CR and ESC: the printer must size the panel by its command, not by delimiters.
    const k = Buffer.alloc(panelBytes(2), 0x0d);
    k.fill(0x1b, 0, 100);
    const r = await printer.printCard({ ribbon: 'k', front: { k } });
    emu.model.mech.ribbon = 'k';
    expect(r.ok ? 'ok' : r.error.code).toBe('RIBBON');
    expect((await printer.printCard({ ribbon: 'k', front: { k } })).ok).toBe(true);
    expect(emu.model.output.printed).toEqual([{ front: ['k'], back: [] }]);
  });
});
