import { describe, expect, it } from 'vitest';
import { LinkError, OPERATOR_MESSAGE, PrinterError, ProtocolError, TransportError } from '../../drivers/index.js';
import { EppError } from '../../drivers/epp/errors.js';
import { ConfigSchema } from '../../src-main/config/schema.js';
import { DEVICE_MESSAGE_KEYS, backoffDelay, messageKeyFor } from '../../src-main/devices/index.js';
import { classifyError } from '../../src-main/devices/messages.js';

describe('device messages', () => {
  it('maps typed driver errors to message keys', () => {
    expect(messageKeyFor(new TransportError('PORT_NOT_FOUND'))).toBe('portNotFound');
    expect(messageKeyFor(new TransportError('PORT_LOCKED'))).toBe('portLocked');
    expect(messageKeyFor(new TransportError('DISCONNECTED'))).toBe('disconnected');
    expect(messageKeyFor(new LinkError('TIMEOUT'))).toBe('noAnswer');
    expect(messageKeyFor(new LinkError('CORRUPT_REPLY'))).toBe('badReply');
    expect(messageKeyFor(new ProtocolError('MALFORMED_REPLY'))).toBe('badReply');
    expect(messageKeyFor(new PrinterError('COVER_OPEN', 'cover-open'))).toBe('printer.coverOpen');
    expect(messageKeyFor(new EppError('BAD_COMMAND'))).toBe('deviceError');
    expect(messageKeyFor(new Error('surprise'))).toBe('deviceError');
  });

  it('knows every printer operator message the driver can report', () => {
    for (const key of Object.values(OPERATOR_MESSAGE)) expect(DEVICE_MESSAGE_KEYS).toContain(key);
  });

  it('treats a closed line as lost, a timeout as a miss, and a device answer as a fault', () => {
    expect(classifyError(new TransportError('NOT_OPEN'))).toBe('lost');
    expect(classifyError(new LinkError('CLOSED'))).toBe('lost');
    expect(classifyError(new LinkError('TIMEOUT'))).toBe('timeout');
    expect(classifyError(new EppError('BAD_COMMAND'))).toBe('fault');
  });
});

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const p = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 7, 8, 50].map((n) => backoffDelay(n, p))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });
});

describe('devices config', () => {
  it('keeps old entries valid and defaults to emulators', () => {
    const c = ConfigSchema.parse({ devices: [{ kind: 'cardReader' }, { kind: 'pinPad', driver: 'emulator' }] });
    expect(c.devices).toEqual([
      { kind: 'cardReader', driver: 'emulator' },
      { kind: 'pinPad', driver: 'emulator' },
    ]);
    expect(ConfigSchema.parse({}).devices.every((d) => d.driver === 'emulator' && d.port === undefined)).toBe(true);
  });

  it('accepts serial, tcp and hid ports and rejects a port that does not match the driver', () => {
    const c = ConfigSchema.parse({
      devices: [
        { kind: 'cardReader', driver: 'serial', port: { type: 'serial', path: '/dev/serial/by-id/usb-reader' } },
        { kind: 'cardPrinter', driver: 'tcp', port: { type: 'tcp', host: '10.0.0.5', port: 9100 } },
        { kind: 'docCamera', driver: 'hid', port: { type: 'hid', path: '/dev/hidraw3', reportId: 1, reportSize: 64 } },
      ],
    });
    expect(c.devices[0]?.port).toEqual({ type: 'serial', path: '/dev/serial/by-id/usb-reader' });
    expect(() => ConfigSchema.parse({ devices: [{ kind: 'pinPad', driver: 'serial', port: { type: 'tcp', host: 'x', port: 1 } }] })).toThrow();
  });
});
