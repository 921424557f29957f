import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { BINDING, pinBlock } from './ssc/pin-helpers.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDriver, createTransport } from '../../drivers/factory.js';
import { Framer, type Frame } from '../../drivers/framing/framer.js';
import { stxLenBcc } from '../../drivers/framing/profiles.js';
import { FramerStream } from '../../drivers/framing/stream.js';
import { byIdContaining, byVidPid, firstExisting } from '../../drivers/transports/resolvers.js';
import { SscReaderModel } from '../../drivers/ssc/emulator.js';
import { SscStxReaderModel } from '../../drivers/ssc/emulator-stx.js';
import { hex, inSimulatedTime } from './helpers.js';

describe('driver factory', () => {
  it('runs a configured emulator port end to end, exposing its fault plan', async () => {
    const { driver, emulator } = createDriver('ssc', { type: 'emulator' });
    await driver.open();
    emulator?.faults.once('VERIFY', { kind: 'status', code: 0x6983 });
    expect(await driver.verifyPinBlock(pinBlock('123456'), BINDING)).toMatchObject({ ok: false, error: { code: 'PIN_BLOCKED' } });
    expect((await driver.readCard()).ok).toBe(true);
    await driver.close();
  });

  it('surfaces the line closing: lost (with a reason) on unplug, ours (none) on close, until unsubscribed', async () => {
    const built = createDriver('epp', { type: 'emulator' });
    const reasons: (string | undefined)[] = [];
    const off = built.onLineClosed((reason) => reasons.push(reason?.code));
    await built.driver.open();
    await built.emulator?.unplug();
    expect(reasons).toEqual(['DISCONNECTED']);
    await built.emulator?.replug();
    await built.driver.open();
    await built.driver.close();
    expect(reasons).toEqual(['DISCONNECTED', undefined]);
    off();
    await built.driver.open();
    await built.emulator?.unplug();
    expect(reasons).toHaveLength(2);
  });

  it('passes driver options: the card reader framing picks the emulator too, and timeouts apply', async () => {
    const stx = createDriver('ssc', { type: 'emulator' }, { framing: 'stx-len-bcc-nibble', timeouts: { status: 40 } });
    expect(stx.emulator?.model).toBeInstanceOf(SscStxReaderModel);
    expect(stx.emulator?.model.profile.name).toBe('stx-len-bcc-nibble');
    await stx.driver.open();
    const r = await stx.driver.readCard();
    expect(r.ok && r.value.sex).toBe('male');
    stx.emulator?.faults.always('SLOT_STATUS', { kind: 'swallow' });
    // On the simulated clock: three tries of 40 ms (the default would be three of 1000).
    const silentReader = await inSimulatedTime(() => stx.driver.status());
    expect(silentReader.value).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(silentReader.ms).toBeGreaterThanOrEqual(3 * 40);
    expect(silentReader.ms).toBeLessThan(1000);
    await stx.dispose();

    const ccid = createDriver('ssc', { type: 'emulator' });
    expect(ccid.emulator?.model).toBeInstanceOf(SscReaderModel);
    await ccid.dispose();

    const pad = createDriver('epp', { type: 'emulator' }, { commandTimeoutMs: 30 });
    await pad.driver.open();
    pad.emulator?.faults.always('*', { kind: 'swallow' });
    // Three tries of 30 ms (the default would be three of 1000).
    const silentPad = await inSimulatedTime(() => pad.driver.status());
    expect(silentPad.value).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(silentPad.ms).toBeGreaterThanOrEqual(3 * 30);
    expect(silentPad.ms).toBeLessThan(1000);
    await pad.dispose();
  });

  it('dispose closes the driver and the emulator front end, once', async () => {
    const built = createDriver('idcard', { type: 'emulator' }, { timeouts: { command: 40 } });
    const closes: (string | undefined)[] = [];
    built.onLineClosed((reason) => closes.push(reason?.code ?? 'ours'));
    await built.driver.open();
    expect((await built.driver.samId()).ok).toBe(true);
    await Promise.all([built.dispose(), built.dispose()]);
    await built.dispose();
    expect(closes).toEqual(['ours']);
    expect(await built.driver.samId()).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    // The emulator's end is gone too: reopening the driver's end reaches nobody.
    await built.driver.open();
    expect(await built.driver.samId()).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(built.emulator?.transcript.commands()).toHaveLength(1);
    await built.driver.close();
  });

  it('builds each transport kind from configuration', () => {
    expect(createTransport({ type: 'serial', path: '/dev/null', baudRate: 9600 }).kind).toBe('serial');
    expect(createTransport({ type: 'tcp', host: '127.0.0.1', port: 1 }).kind).toBe('tcp');
    expect(createTransport({ type: 'hid', path: '/dev/hidraw9', reportId: 0, reportSize: 64 }).kind).toBe('hid');
    expect(() => createTransport({ type: 'emulator' })).toThrow(RangeError);
    for (const kind of ['idcard', 'epp', 'printer'] as const) expect(createDriver(kind, { type: 'emulator' }).emulator).toBeDefined();
  });
});

describe('port resolvers', () => {
  it('find the first existing path or a by-id name, else PORT_NOT_FOUND', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'byid-'));
    try {
      writeFileSync(join(dir, 'usb-1a86_USB_Serial-if00-port0'), '');
      await expect(firstExisting([join(dir, 'nope'), join(dir, 'usb-1a86_USB_Serial-if00-port0')])()).resolves.toContain('usb-1a86');
      await expect(byIdContaining('1a86', dir)()).resolves.toBe(join(dir, 'usb-1a86_USB_Serial-if00-port0'));
      await expect(byIdContaining('ffff', dir)()).rejects.toMatchObject({ code: 'PORT_NOT_FOUND' });
      await expect(firstExisting([join(dir, 'nope')])()).rejects.toMatchObject({ code: 'PORT_NOT_FOUND' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('FramerStream', () => {
  it('turns a byte stream into frames and reports bad frames as events', async () => {
    const s = new FramerStream(new Framer(stxLenBcc));
    const errors: string[] = [];
    s.on('framingError', (e: { code: string }) => errors.push(e.code));
    Readable.from([hex('02 0002'), hex('3101 32 03 02 0002 3101 33 03'), hex('02 0001 41 40 03')]).pipe(s);
    const frames: Frame[] = [];
    for await (const f of s) frames.push(f as Frame);
    expect(frames.map((f) => f.payload.toString('hex'))).toEqual(['3101', '41']);
    expect(errors).toContain('CHECKSUM');
  });
});

describe('VID/PID resolver', () => {
  const ports = async () => [
    { path: '/dev/ttyS0' },
    { path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523', serialNumber: 'A1' },
    { path: '/dev/ttyUSB1', vendorId: '1a86', productId: '7523', serialNumber: 'B2' },
    { path: '/dev/ttyACM0', vendorId: '072f', productId: '90cc' },
  ];

  it('finds a USB serial port by vendor and product id, case and width insensitive', async () => {
    await expect(byVidPid(0x72f, 0x90cc, { list: ports })()).resolves.toBe('/dev/ttyACM0');
    await expect(byVidPid('1a86', '7523', { list: ports })()).resolves.toBe('/dev/ttyUSB0');
  });

  it('tells identical readers apart by serial number', async () => {
    await expect(byVidPid('1a86', '7523', { serialNumber: 'B2', list: ports })()).resolves.toBe('/dev/ttyUSB1');
  });

  it('rejects with PORT_NOT_FOUND when nothing matches or listing fails', async () => {
    await expect(byVidPid('ffff', '0001', { list: ports })()).rejects.toMatchObject({ code: 'PORT_NOT_FOUND' });
    await expect(byVidPid('1a86', '7523', { list: () => Promise.reject(new Error('no udev')) })()).rejects.toMatchObject({ code: 'PORT_NOT_FOUND' });
  });
});
