import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core.js';
import { CoreSupervisor, configFileOf } from '../../src-main/app/core-supervisor.js';
import { hashPin } from '../../src-main/config/pin-hash.js';
import type { KioskEvent } from '../../src-main/contract/events.js';
import { demoEnrolmentCode, startCountyBackend, type CountyBackend } from '../../src-main/county/reference/index.js';

let dataDir = '';
let supervisor: CoreSupervisor | undefined;
let county: CountyBackend | undefined;

afterEach(async () => {
  await supervisor?.close();
  supervisor = undefined;
  await county?.close();
  county = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-supervisor-'));
  supervisor = await CoreSupervisor.start({ build: () => createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' }), configFile: configFileOf(dataDir), pollMs: 20 });
  return supervisor;
};

const problemsNow = async (s: CoreSupervisor) => {
  const info = await s.call('getTerminalInfo', {});
  return info.ok ? ((info.value as { outOfService?: { problems: { code: string }[] } }).outOfService?.problems.map((p) => p.code) ?? 'in service') : 'failed';
};

describe('core supervisor', () => {
  it('takes a repaired configuration without a restart: out of service, then still out with the new problem, then in service', async () => {
    const s = await start();
    const events: KioskEvent[] = [];
    s.events.subscribe((e) => events.push(e));
    await s.call('rendererReady', {});
    expect(await problemsNow(s)).toEqual(['missing_file']);
    const first = s.core;

    writeFileSync(join(dataDir, 'config.json'), '{"mode": "site",');
    await expect.poll(() => problemsNow(s)).toEqual(['invalid_json']);
    expect(s.core).not.toBe(first);
    expect(events.filter((e) => e.type === 'terminal.changed')).toHaveLength(1);

    county = await startCountyBackend({ port: 0, dbFile: join(dataDir, 'test-county.db') });
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({
        mode: 'site',
        siteId: 'xa-hospital-01',
        county: { url: county.url, enrolmentCode: demoEnrolmentCode('xa-hospital-01') },
        admin: { pinHash: hashPin('135792', { N: 16_384, r: 8, p: 1 }) },
        devices: [],
      }),
    );
    await expect.poll(() => problemsNow(s), { timeout: 10_000 }).toBe('in service');
    await s.settled();
    expect(events.filter((e) => e.type === 'terminal.changed')).toHaveLength(2);
    expect((await s.call('startSession', {})).ok).toBe(true);
    expect(s.watchingConfig).toBe(true);
  });

  it('in service, takes a change between resident sessions, never during one, and never a broken one', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-supervisor-'));
    county = await startCountyBackend({ port: 0, dbFile: join(dataDir, 'test-county.db') });
    const siteConfig = (siteId: string) =>
      JSON.stringify({ mode: 'site', siteId, county: { url: county!.url, enrolmentCode: demoEnrolmentCode('xa-hospital-01') }, admin: { pinHash: hashPin('135792', { N: 16_384, r: 8, p: 1 }) }, devices: [] });
    writeFileSync(join(dataDir, 'config.json'), siteConfig('xa-hospital-01'));
    const build = () => createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
    const { configUsable } = await import('../../src-main/config/site-config.js');
    const { PROJECT_ROOT } = await import('../../src-main/config/load.js');
    supervisor = await CoreSupervisor.start({ build, configFile: configFileOf(dataDir), pollMs: 20, configUsable: () => configUsable(dataDir, PROJECT_ROOT, 'site') });
    const s = supervisor;
    const siteNow = async () => ((await s.call('getTerminalInfo', {})) as { value: { site?: { id: string } } }).value.site?.id;
    expect(await siteNow()).toBe('xa-hospital-01');
    const first = s.core;

    const session = (await s.call('startSession', {})) as { ok: true; value: { sessionId: string } };
    writeFileSync(join(dataDir, 'config.json'), siteConfig('xa-community-01'));
    await expect.poll(() => s.changePending).toBe(true);
    expect(s.core).toBe(first);
    expect(await siteNow()).toBe('xa-hospital-01');

    await s.call('endSession', { sessionId: session.value.sessionId, reason: 'completed' });
    await expect.poll(() => siteNow(), { timeout: 10_000 }).toBe('xa-community-01');
    expect(s.changePending).toBe(false);
    const second = s.core;

    // A hand edit that breaks the file is not taken: the terminal keeps serving.
    const seen = s.changesSeen;
    writeFileSync(join(dataDir, 'config.json'), '{"mode": "site", "siteId": ');
    await expect.poll(() => s.changesSeen).toBe(seen + 1);
    await s.settled();
    expect(s.core).toBe(second);
    expect(await siteNow()).toBe('xa-community-01');
    expect((await s.call('startSession', {})).ok).toBe(true);
  });

  it('on a demo terminal in service from the start, forwards calls to the core it built', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-supervisor-'));
    supervisor = await CoreSupervisor.start({ build: () => createCore({ dataDir, shell: 'browser', logToStderr: false }), configFile: configFileOf(dataDir), pollMs: 20 });
    expect(await supervisor.call('getTerminalInfo', {})).toMatchObject({ ok: true, value: { mode: 'demo' } });
  });
});
