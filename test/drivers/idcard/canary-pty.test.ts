import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DriverLogger, LogFields } from '../../../drivers/core/logger.js';
import type { Fault } from '../../../drivers/emulator-kit/faults.js';
import { IdCardReader } from '../../../drivers/idcard/device.js';
import { DEMO_ID_CARD, startIdMemoryEmulator, startIdSerialEmulator } from '../../../drivers/idcard/emulator.js';
import { SerialTransport } from '../../../drivers/transports/serial.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('ID card personal-data canary', () => {
  it('keeps name, address and ID number out of errors and logs on every failing path', async () => {
    const canary = { name: '金丝雀', address: '金丝雀路99号', idNumber: '110105194912319990' };
    const lines: string[] = [];
    const rec = (m: string, f?: LogFields) => lines.push(`${m} ${JSON.stringify(f ?? {})}`);
    const logger: DriverLogger = { debug: rec, info: rec, warn: rec, error: rec };
    const messages: string[] = [];
    const faults: [string, Fault | undefined][] = [
      ['READ', undefined], // the canary ID number's check digit is wrong: BAD_ID_NUMBER
      ['READ', { kind: 'corrupt' }],
      ['READ', { kind: 'status', code: 0x41 }],
      ['SELECT', { kind: 'unplug' }],
    ];
    for (const [command, fault] of faults) {
      const emu = startIdMemoryEmulator({ ...DEMO_ID_CARD, ...canary });
      const reader = new IdCardReader({ transport: emu.transport, logger, timeouts: { command: 30, read: 30 } });
      await reader.open();
      if (fault) emu.host.faults.always(command, fault);
      const r = await reader.readCard();
      expect(r.ok).toBe(false);
      if (!r.ok) messages.push(r.error.message, String(r.error.stack), JSON.stringify(r.error.detail));
      await reader.close();
    }
    const hay = [...messages, ...lines].join('\n');
    for (const v of Object.values(canary)) {
      expect(hay).not.toContain(v);
      expect(hay.toLowerCase()).not.toContain(Buffer.from(v, 'utf16le').toString('hex'));
    }
  });
});

describe('ID card reader over a PTY pair', () => {
  it('reads the 1295-byte answer at 115200 and refuses a locked port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'id-pty-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const hostLink = join(dir, 'A');
    const emu = await startIdSerialEmulator({ hostLink, deviceLink: join(dir, 'B') });
    cleanups.push(() => emu.front.dispose());
    const reader = new IdCardReader({ transport: new SerialTransport({ path: hostLink, baudRate: 115200 }), timeouts: { command: 500, read: 500 } });
    cleanups.push(() => reader.close());
    expect((await reader.open()).ok).toBe(true);
    const r = await reader.readCard();
    expect(r.ok && r.value.name).toBe('李四');
    const second = new IdCardReader({ transport: new SerialTransport({ path: hostLink, baudRate: 115200 }) });
    const o = await second.open();
    expect(o.ok ? 'ok' : o.error.code).toBe('PORT_LOCKED');
  });
});
