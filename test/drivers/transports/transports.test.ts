import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../../drivers/core/errors.js';
import { HidTransport, decodeReport, encodeReports, type HidDeviceLike } from '../../../drivers/transports/hid.js';
import { createMemoryPair } from '../../../drivers/transports/memory.js';
import { classifyOpenError } from '../../../drivers/transports/serial.js';
import { TcpTransport } from '../../../drivers/transports/tcp.js';

const nextData = (t: { once(e: 'data', l: (b: Buffer) => void): void }) => new Promise<Buffer>((r) => t.once('data', r));

describe('memory transport', () => {
  it('delivers bytes to the peer and reports an unplug as DISCONNECTED', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const got = nextData(b);
    await a.write(Buffer.from('hi'));
    expect((await got).toString()).toBe('hi');
    const closed = new Promise((r) => a.once('close', r));
    a.drop();
    expect(await closed).toMatchObject({ code: 'DISCONNECTED' });
    await expect(a.write(Buffer.of(1))).rejects.toMatchObject({ code: 'NOT_OPEN' });
  });
});

describe('serial open errors', () => {
  it('maps "Cannot lock port" to PORT_LOCKED and a missing path to PORT_NOT_FOUND', () => {
    expect(classifyOpenError(new Error('Error Resource temporarily unavailable Cannot lock port')).code).toBe('PORT_LOCKED');
    expect(classifyOpenError(new Error('Error: No such file or directory, cannot open /dev/x')).code).toBe('PORT_NOT_FOUND');
    expect(classifyOpenError('weird')).toBeInstanceOf(TransportError);
  });
});

describe('tcp transport (ser2net-style)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it('exchanges bytes and reports the server going away as DISCONNECTED', async () => {
    let peer: Socket | undefined;
    server = createServer((s) => {
      peer = s;
      s.on('data', (d) => s.write(d));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const t = new TcpTransport({ host: '127.0.0.1', port });
    await t.open();
    const got = nextData(t);
    await t.write(Buffer.from('ab'));
    expect((await got).toString()).toBe('ab');
    const closed = new Promise((r) => t.once('close', r));
    peer?.destroy();
    expect(await closed).toMatchObject({ code: 'DISCONNECTED' });
  });

  it('fails to open with OPEN_FAILED when nothing listens', async () => {
    server = createServer();
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server!.close(r));
    server = undefined;
    await expect(new TcpTransport({ host: '127.0.0.1', port }).open()).rejects.toMatchObject({ code: 'OPEN_FAILED' });
  });
});

/** A fake HIDAsync device: records output reports, lets the test inject input reports and errors. */
class FakeHid extends EventEmitter implements HidDeviceLike {
  written: Buffer[] = [];
  closed = false;
  async write(values: number[] | Buffer): Promise<number> {
    this.written.push(Buffer.from(values));
    return values.length;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('hid transport', () => {
  it('splits writes into fixed-size reports with the report ID', async () => {
    const dev = new FakeHid();
    const t = new HidTransport({ open: async () => dev, reportId: 2, reportSize: 8 });
    await t.open();
    await t.write(Buffer.from('0123456789'));
    expect(dev.written.map((r) => r.length)).toEqual([9, 9]);
    expect(dev.written[0]!.subarray(0, 2)).toEqual(Buffer.of(2, 7));
    expect(dev.written[1]!.subarray(0, 5)).toEqual(Buffer.from([2, 3, ...Buffer.from('789')]));
  });

  it('reassembles input reports and ignores foreign report IDs', async () => {
    const dev = new FakeHid();
    const t = new HidTransport({ open: async () => dev, reportId: 2, reportSize: 8 });
    await t.open();
    const got: string[] = [];
    t.on('data', (b) => got.push(b.toString()));
    for (const r of encodeReports(Buffer.from('hello hid'), { reportId: 2, reportSize: 8 })) dev.emit('data', r);
    dev.emit('data', Buffer.of(9, 1, 0x41));
    expect(got.join('')).toBe('hello hid');
  });

  it('reports a read error as an unplug', async () => {
    const dev = new FakeHid();
    const t = new HidTransport({ open: async () => dev, reportId: 0, reportSize: 8 });
    await t.open();
    const closed = new Promise((r) => t.once('close', r));
    dev.emit('error', new Error('could not read from HID device'));
    expect(await closed).toMatchObject({ code: 'DISCONNECTED' });
    expect(t.isOpen).toBe(false);
    // node-hid may report again after the transport let go: heard and dropped, never an unhandled 'error'.
    expect(() => dev.emit('error', new Error('could not read from HID device'))).not.toThrow();
  });

  it('swallows a late read error from a device it closed', async () => {
    const dev = new FakeHid();
    const t = new HidTransport({ open: async () => dev, reportId: 0, reportSize: 8 });
    await t.open();
    await t.close();
    expect(() => dev.emit('error', new Error('could not read from HID device'))).not.toThrow();
  });

  it('decodeReport rejects impossible counts', () => {
    expect(decodeReport(Buffer.of(1, 200, 0), { reportId: 1, reportSize: 8 })).toBeUndefined();
  });

  it('maps an open failure to OPEN_FAILED', async () => {
    const t = new HidTransport({ open: () => Promise.reject(new Error('EACCES')), reportId: 0, reportSize: 8 });
    await expect(t.open()).rejects.toMatchObject({ code: 'OPEN_FAILED' });
  });
});
