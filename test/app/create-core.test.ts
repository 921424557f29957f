import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core.js';
import type { KioskCore } from '../../src-main/core/kiosk-core.js';

let dataDir = '';
let core: KioskCore | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('composition root on embedded defaults', () => {
  it('starts with no configuration: outbox open, embedded county enrolled, ops view answering', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    expect(await core.call('getTerminalInfo', {})).toMatchObject({ ok: true, value: { site: { id: 'xa-hospital-01' }, emulatedDevices: true } });
    expect((await core.call('adminLogin', { pin: '246810' })).ok).toBe(true);
    const queue = await core.call('getQueueStatus', {});
    expect(queue).toMatchObject({ ok: true, value: { depth: 0, deadLetters: 0, accepting: true } });
    const devices = await core.call('getDeviceStatus', {});
    expect(devices.ok).toBe(true);
    if (devices.ok) expect((devices.value as { devices: unknown[] }).devices.length).toBeGreaterThan(0);
  });

  it('keeps its enrolment across a restart', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    await core.close();
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    expect((await core.call('adminLogin', { pin: '246810' })).ok).toBe(true);
    expect(await core.call('getQueueStatus', {})).toMatchObject({ ok: true, value: { sync: expect.not.stringMatching(/paused/) } });
  });
});
