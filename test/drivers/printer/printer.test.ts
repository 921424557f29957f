import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../../drivers/core/errors.js';
import { EvolisPrinter } from '../../../drivers/printer/device.js';
import { startPrinterMemoryEmulator } from '../../../drivers/printer/emulator.js';
import { CommandDecoder, ReplyDecoder, command, panelBytes, panelCommand, parseReply } from '../../../drivers/printer/protocol.js';
import type { PrintJob } from '../../../drivers/printer/printer.js';

const printers: EvolisPrinter[] = [];
afterEach(async () => {
  for (const p of printers.splice(0)) await p.close();
});

async function setup() {
  const emu = startPrinterMemoryEmulator();
  // In memory the line is instant: no panel line time added to timeouts.
  const printer = new EvolisPrinter({ transport: emu.transport, timeouts: { command: 200, mechanical: 200 }, lineBaud: 1e9 });
  printers.push(printer);
  expect((await printer.open()).ok).toBe(true);
  return { emu, printer };
}

const k = Buffer.alloc(panelBytes(2));
const colour = Buffer.alloc(panelBytes(64));
const job = (over: Partial<PrintJob> = {}): PrintJob => ({ ribbon: 'ymcko', front: { y: colour, m: colour, c: colour, k, o: k }, back: { k }, ...over });
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('Evolis-style framing', () => {
  it('golden command and panel bytes', () => {
    expect(command('Pr', 'ymcko').toString('hex')).toBe('1b50723b796d636b6f0d');
    expect(panelBytes(2)).toBe(82296);
    expect(panelBytes(64)).toBe(493776);
    const db = panelCommand('k', 2, Buffer.of(1, 0x0d, 2));
    expect(db.subarray(0, 9).toString('latin1')).toBe('\x1bDb;k;2;\x01');
  });

  it('decodes panel data containing CR by its length, and reports a length mismatch', () => {
    const geometry = { width: 8, height: 2 };
    const d = new CommandDecoder(geometry);
    const frames = d.push(Buffer.concat([panelCommand('k', 2, Buffer.of(0x0d, 0x1b)), command('Se')]));
    expect(frames.map((f) => (f.type === 'frame' ? f.frame.payload.toString() : f.error.code))).toEqual(['Db;k;2', 'Se']);
    const bad = new CommandDecoder(geometry).push(Buffer.concat([panelCommand('k', 2, Buffer.of(1, 2, 3)), command('Se')]));
    expect(bad.some((o) => o.type === 'error' && o.error.code === 'BAD_LENGTH')).toBe(true);
  });

  it('reply and command decoders never throw and only yield typed errors (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (a) => {
        for (const o of [...new ReplyDecoder().push(a), ...new CommandDecoder({ width: 8, height: 8 }).push(a)]) {
          if (o.type === 'error') expect(o.error).toBeInstanceOf(DriverError);
          else {
            try {
              parseReply(o.frame);
            } catch (e) {
              expect(e).toBeInstanceOf(DriverError);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Evolis printer against the emulator', () => {
  it('prints a two-sided card in the documented command order', async () => {
    const { emu, printer } = await setup();
    expect(codeOf(await printer.printCard(job()))).toBe('ok');
    expect(emu.host.transcript.commands()).toEqual(['Pcom', 'Pr', 'Ss', 'Sr', 'Db', 'Db', 'Db', 'Db', 'Db', 'Sv', 'Db', 'Se']);
    expect(emu.model.output.printed).toEqual([{ front: ['y', 'm', 'c', 'k', 'o'], back: ['k'] }]);
  });

  it('encodes the chip at the contact station, and rejects the card when encoding fails', async () => {
    const { emu, printer } = await setup();
    expect(codeOf(await printer.printCard(job({ encodeChip: async () => true })))).toBe('ok');
    const r = await printer.printCard(job({ encodeChip: async () => false }));
    expect(r.ok ? undefined : r.error).toMatchObject({ code: 'CHIP_ENCODING_FAILED', state: 'chip-encoding-failed' });
    expect(emu.model.output.rejected).toBe(1);
    expect(await printer.status()).toMatchObject({ ok: true, value: { state: 'chip-encoding-failed', messageKey: 'printer.chipEncodingFailed' } });
  });

  it.each<[string, (m: ReturnType<typeof startPrinterMemoryEmulator>['model']) => void, string, string]>([
    ['feeder empty', (m) => (m.mech.cardsInFeeder = 0), 'FEEDER', 'feeder-empty'],
    ['cover open', (m) => (m.mech.coverOpen = true), 'COVER_OPEN', 'cover-open'],
    ['ribbon missing', (m) => (m.mech.ribbon = 'missing'), 'RIBBON', 'ribbon-missing'],
    ['ribbon wrong type', (m) => (m.mech.ribbon = 'k'), 'RIBBON', 'ribbon-wrong'],
    ['ribbon ended', (m) => (m.mech.ribbonPanelsLeft = 3), 'RIBBON', 'ribbon-ended'],
    ['jam', (m) => (m.mech.jam = true), 'MECHANICAL', 'jam'],
    ['hopper full', (m) => (m.mech.hopperFull = true), 'MECHANICAL', 'hopper-full'],
    ['head too hot', (m) => (m.mech.headHot = true), 'MECHANICAL', 'head-hot'],
  ])('reports %s as a typed error and a status with a message key', async (_n, setState, code, state) => {
    const { emu, printer } = await setup();
    setState(emu.model);
    const r = await printer.printCard(job());
    expect(codeOf(r)).toBe(code);
    const s = await printer.status();
    expect(s.ok && s.value.state).toBe(state);
  });

  it('reads the feeder state with Sk;f', async () => {
    const { emu, printer } = await setup();
    expect(await printer.feederHasCards()).toEqual({ ok: true, value: true });
    emu.model.mech.cardsInFeeder = 0;
    expect(await printer.feederHasCards()).toEqual({ ok: true, value: false });
  });

  it('reports ribbon low as a status, not an error', async () => {
    const { emu, printer } = await setup();
    emu.model.mech.ribbonPanelsLeft = 20;
    expect(codeOf(await printer.printCard(job()))).toBe('ok');
    expect(await printer.status()).toMatchObject({ ok: true, value: { state: 'ribbon-low', messageKey: 'printer.ribbonLow' } });
  });

  it('refuses wrong-size panels before sending, and maps a printer-side size mismatch to BITMAP_LENGTH', async () => {
    const { emu, printer } = await setup();
    expect(codeOf(await printer.printCard(job({ front: { k: Buffer.alloc(10) } })))).toBe('BITMAP_LENGTH');
    expect(emu.host.transcript.commands()).toEqual(['Pcom']);
    emu.model.mech.geometry.height = 1000;
    expect(codeOf(await printer.printCard({ ribbon: 'ymcko', front: { k } }))).toBe('BITMAP_LENGTH');
  });

  it.each([
    ['1', 'COMMAND_ERROR'],
    ['K', 'MAGNETIC'],
    ['Z', 'UNKNOWN_NACK'],
  ])('maps NACK %s to %s', async (c, code) => {
    const { emu, printer } = await setup();
    emu.host.faults.once('Ss', { kind: 'nack', code: c.charCodeAt(0) });
    expect(codeOf(await printer.printCard(job()))).toBe(code);
  });

  it('never resends a print-job command after a lost reply', async () => {
    const { emu, printer } = await setup();
    emu.host.faults.once('Db', { kind: 'drop' });
    expect(codeOf(await printer.printCard(job()))).toBe('TIMEOUT');
    expect(emu.host.transcript.commands().filter((c) => c === 'Db')).toHaveLength(1);
  });

  it('fails with CLOSED on unplug during a panel download', async () => {
    const { emu, printer } = await setup();
    emu.host.faults.once('Db', { kind: 'unplug' });
    expect(codeOf(await printer.printCard(job()))).toBe('CLOSED');
  });

  it('recovers read-only queries from garbage, splits and delays', async () => {
    const { emu, printer } = await setup();
    emu.host.faults.once('Rfv', { kind: 'garbage' }).once('Rsn', { kind: 'split', at: 3 }).once('Rlr', { kind: 'delay', ms: 10 });
    expect(await printer.identify()).toEqual({ ok: true, value: { firmware: 'EMU-1.0.0', serial: 'EMU000001' } });
    expect((await printer.status()).ok).toBe(true);
  });
});
