import { describe, expect, it } from 'vitest';
import { BINDING, pinBlock } from './ssc/pin-helpers.js';
import { Mutex } from '../../drivers/core/mutex.js';
import { IdCardReader } from '../../drivers/idcard/device.js';
import { startIdMemoryEmulator } from '../../drivers/idcard/emulator.js';
import { EvolisPrinter } from '../../drivers/printer/device.js';
import { startPrinterMemoryEmulator } from '../../drivers/printer/emulator.js';
import { panelBytes } from '../../drivers/printer/protocol.js';
import { SocialSecurityCardReader } from '../../drivers/ssc/device.js';
import { startSscMemoryEmulator } from '../../drivers/ssc/emulator.js';

// Each device serialises its own operations: two callers that share a
// device can never interleave their exchanges on its line.

describe('Mutex', () => {
  it('runs jobs one at a time in call order, and a failure does not block the next', async () => {
    const m = new Mutex();
    const log: string[] = [];
    const job = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await Promise.resolve();
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([m.run(job('a')), m.run(job('b', true)), m.run(job('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });
});

describe('one device, two callers', () => {
  it('social-security card reader: a VERIFY asked for during a card read waits for the read to finish', async () => {
    const solo = startSscMemoryEmulator();
    const alone = new SocialSecurityCardReader({ transport: solo.transport });
    await alone.open();
    expect((await alone.readCard()).ok).toBe(true);
    const readSequence = solo.host.transcript.commands();
    await alone.close();

    const emu = startSscMemoryEmulator();
    const reader = new SocialSecurityCardReader({ transport: emu.transport });
    await reader.open();
    const [read, verify, status] = await Promise.all([reader.readCard(), reader.verifyPinBlock(pinBlock('123456'), BINDING), reader.status()]);
    expect([read.ok, verify.ok, status.ok]).toEqual([true, true, true]);
    // The read's session carries the VERIFY: no second power-on in the middle of the read.
    expect(emu.host.transcript.commands()).toEqual([...readSequence, 'VERIFY', 'SLOT_STATUS']);
    await reader.close();
  });

  it('ID card reader: a SAM id query asked for during a read waits for find → select → read', async () => {
    const emu = startIdMemoryEmulator();
    const reader = new IdCardReader({ transport: emu.transport });
    await reader.open();
    const [read, sam] = await Promise.all([reader.readCard(), reader.samId()]);
    expect([read.ok, sam.ok]).toEqual([true, true]);
    expect(emu.host.transcript.commands()).toEqual(['FIND', 'SELECT', 'READ', 'SAM_ID']);
    await reader.close();
  });

  it('card printer: a status query asked for during a print job waits for the job to end', async () => {
    const emu = startPrinterMemoryEmulator();
    const printer = new EvolisPrinter({ transport: emu.transport, lineBaud: 1e9 });
    await printer.open();
    emu.host.transcript.clear();
    const k = Buffer.alloc(panelBytes(2));
    const colour = Buffer.alloc(panelBytes(64));
    const job = { ribbon: 'ymcko', front: { y: colour, m: colour, c: colour, k, o: k } } as const;
    const [printed, status] = await Promise.all([printer.printCard(job), printer.status()]);
    expect([printed.ok, status.ok]).toEqual([true, true]);
    const cmds = emu.host.transcript.commands();
    expect(cmds.at(-1)).toBe('Rlr');
    expect(cmds.indexOf('Se')).toBe(cmds.length - 2);
    await printer.close();
  });
});
