import { mkdtempSync, rmSync } from 'node:fs';
import { BINDING, pinBlock } from './pin-helpers.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdPortLock } from '../../../drivers/emulator-kit/serial-front.js';
import { SocialSecurityCardReader } from '../../../drivers/ssc/device.js';
import { startSscSerialEmulator } from '../../../drivers/ssc/emulator.js';
import { SerialTransport } from '../../../drivers/transports/serial.js';

// Integration: the real serialport binding on both ends of a socat PTY pair.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ssc-pty-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const hostLink = join(dir, 'A');
  const emu = await startSscSerialEmulator({ hostLink, deviceLink: join(dir, 'B') });
  cleanups.push(() => emu.front.dispose());
  const transport = new SerialTransport({ path: async () => hostLink, baudRate: 9600 });
  const reader = new SocialSecurityCardReader({ transport, timeouts: { powerOn: 500, apdu: 500 } });
  cleanups.push(() => reader.close());
  return { emu, reader, hostLink, transport };
}

describe('social-security card reader over a PTY pair', () => {
  it('reads the card and verifies the PIN through the real serialport binding', async () => {
    const { reader } = await setup();
    expect((await reader.open()).ok).toBe(true);
    const r = await reader.readCard();
    expect(r.ok && r.value.name).toBe('张三');
    expect((await reader.verifyPinBlock(pinBlock('123456'), BINDING)).ok).toBe(true);
  });

  it('refuses a second open of a locked port with PORT_LOCKED ("Cannot lock port")', async () => {
    const { reader, hostLink } = await setup();
    const release = await holdPortLock(hostLink);
    cleanups.push(release);
    const r = await reader.open();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('PORT_LOCKED');
      expect(String((r.error.cause as Error).message)).toContain('Cannot lock port');
    }
  });

  it('survives an unplug mid-command and works again after replug on the same path', async () => {
    const { emu, reader, transport } = await setup();
    expect((await reader.open()).ok).toBe(true);
    const closed = new Promise((resolve) => transport.once('close', resolve));
    emu.host.faults.once('READ_RECORD', { kind: 'unplug' });
    const r = await reader.readCard();
    expect(r.ok ? undefined : r.error.code).toBe('CLOSED');
    expect(await closed).toMatchObject({ code: 'DISCONNECTED' });
    await emu.host.replug();
    expect((await reader.open()).ok).toBe(true);
    expect((await reader.readCard()).ok).toBe(true);
  });

  it('recovers from corruption and garbage on the real line', async () => {
    const { emu, reader } = await setup();
    expect((await reader.open()).ok).toBe(true);
    emu.host.faults.once('SELECT', { kind: 'corrupt' }).once('READ_RECORD', { kind: 'garbage' }).once('GET_RESPONSE', { kind: 'split' });
    expect((await reader.readCard()).ok).toBe(true);
  });
});
