import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core.js';
import type { KioskCore } from '../../src-main/core/kiosk-core.js';
import { createLogger, flushLogs } from '../../src-main/logs/logger.js';
import { listLogFiles } from '../../src-main/logs/files.js';
import { KeyMissingError } from '../../src-main/outbox/errors.js';
import { hashPin } from '../../src-main/config/pin-hash.js';
import { demoEnrolmentCode, startCountyBackend } from '../../src-main/county/reference/index.js';

const ROOT = join(import.meta.dirname, '../..');
let dataDir = '';
let core: KioskCore | undefined;
const umaskBefore = process.umask();

afterEach(async () => {
  await core?.close();
  core = undefined;
  process.umask(umaskBefore);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every entry under `dir` (symlinks not followed) with its permission bits. */
function modes(dir: string): Map<string, { mode: number; dir: boolean; link: boolean }> {
  const out = new Map<string, { mode: number; dir: boolean; link: boolean }>();
  const walk = (path: string, rel: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const st = lstatSync(full);
      out.set(`${rel}${name}`, { mode: st.mode & 0o777, dir: st.isDirectory(), link: st.isSymbolicLink() });
      if (st.isDirectory()) walk(full, `${rel}${name}/`);
    }
  };
  walk(dir, '');
  return out;
}

/** Loosens a whole tree to what a copy or an older build would leave: dirs 0755, files 0644. */
function loosen(dir: string): void {
  chmodSync(dir, 0o755);
  for (const [rel, e] of modes(dir)) if (!e.link) chmodSync(join(dir, rel), e.dir ? 0o755 : 0o644);
}

describe('composition root on embedded defaults', () => {
  it('starts with no configuration: outbox open, embedded county enrolled, ops view answering', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    expect(await core.call('getTerminalInfo', {})).toMatchObject({ ok: true, value: { site: { id: 'xa-hospital-01' }, emulatedDevices: true } });
    expect((await core.call('adminLogin', { pin: '246810' })).ok).toBe(true);
    const queue = await core.call('getQueueStatus', {});
    expect(queue).toMatchObject({ ok: true, value: { deadLetters: 0, accepting: true } });
    // The only record is the sign-in's own audit entry, which may already have reached the county.
    expect((queue as { value: { depth: number } }).value.depth).toBeLessThanOrEqual(1);
    const devices = await core.call('getDeviceStatus', {});
    expect(devices.ok).toBe(true);
    if (devices.ok) expect((devices.value as { devices: unknown[] }).devices.length).toBeGreaterThan(0);
  });

  it('keeps its enrolment across a restart', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    // The embedded county's own record of enrolments: a second enrolment would add a row.
    const enrolments = () => {
      const db = new Database(join(dataDir, 'county-reference.db'), { readonly: true });
      try {
        return db.prepare('SELECT terminal_id AS id, hex(credential) AS credential FROM terminals').all();
      } finally {
        db.close();
      }
    };
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    await core.close();
    const first = enrolments();
    expect(first).toHaveLength(1);
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    await core.close();
    expect(enrolments()).toEqual(first);
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    expect((await core.call('adminLogin', { pin: '246810' })).ok).toBe(true);
    expect(await core.call('getQueueStatus', {})).toMatchObject({ ok: true, value: { sync: expect.not.stringMatching(/paused/) } });
  });
});

describe('technician lockout at the composition root', () => {
  it('keeps a lockout across a restart of the terminal, in a private file', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    for (let i = 0; i < 5; i += 1) await core.call('adminLogin', { pin: '000000' });
    await core.close();
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    expect(await core.call('adminLogin', { pin: '246810' })).toMatchObject({ ok: false, error: { code: 'admin_locked' } });
    expect(statSync(join(dataDir, 'admin-lockout.json')).mode & 0o777).toBe(0o600);
  });
});

describe('data directory privacy', () => {
  it('makes an existing data directory and every file in it private at each start, leaving symlink targets alone', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    await core.close();
    core = undefined;
    mkdirSync(join(dataDir, 'notes'));
    writeFileSync(join(dataDir, 'notes', 'site.txt'), 'left by a technician');
    const outside = mkdtempSync(join(tmpdir(), 'kiosk-outside-'));
    writeFileSync(join(outside, 'shared.txt'), 'not ours');
    symlinkSync(join(outside, 'shared.txt'), join(dataDir, 'link-out'));
    process.umask(0o022);
    loosen(dataDir);
    chmodSync(join(outside, 'shared.txt'), 0o644);
    expect(statSync(join(dataDir, 'outbox.db')).mode & 0o777).toBe(0o644);

    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    const entries = modes(dataDir);
    for (const name of ['outbox.db', 'outbox.db-wal', 'outbox.db-shm', 'outbox.key', 'county-reference.db', 'terminal.json', 'logs', 'notes/site.txt']) {
      expect(entries.has(name), name).toBe(true);
    }
    expect([...entries.keys()].some((name) => /^logs\/kiosk\.[\d-]+\.\d+\.log$/.test(name))).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const [name, e] of entries) {
      if (e.link) continue;
      expect([name, e.mode]).toEqual([name, e.dir ? 0o700 : 0o600]);
    }
    expect(statSync(join(outside, 'shared.txt')).mode & 0o777).toBe(0o644);
    rmSync(outside, { recursive: true, force: true });
  });

  it('creates later files private whatever the umask was before the start', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    process.umask(0o022);
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    // The log file is opened after the sweep, so its mode comes from the umask the start set.
    createLogger('privacy-test').info('a line after the start');
    flushLogs();
    const [current] = listLogFiles(join(dataDir, 'logs'));
    expect(current && readFileSync(current.path, 'utf8')).toContain('a line after the start');
    expect(statSync(current!.path).mode & 0o777).toBe(0o600);
    writeFileSync(join(dataDir, 'later.txt'), 'x');
    expect(statSync(join(dataDir, 'later.txt')).mode & 0o777).toBe(0o600);
  });
});

describe('a deleted outbox key', () => {
  const KEY_MISSING = /outbox key .*outbox\.key is missing, but the outbox .*outbox\.db exists.*cannot be read/s;

  it('stops the start with a key-missing error and creates no new key over the existing outbox', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    await core.close();
    core = undefined;
    rmSync(join(dataDir, 'outbox.key'));
    const error = await createCore({ dataDir, shell: 'browser', logToStderr: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyMissingError);
    expect((error as Error).message).toMatch(KEY_MISSING);
    expect(existsSync(join(dataDir, 'outbox.key'))).toBe(false);
  });

  it('is printed plainly by the CLI, which exits 1', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-app-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
    await core.close();
    core = undefined;
    rmSync(join(dataDir, 'outbox.key'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/app/cli.ts'), '--headless', '--quiet', '--data-dir', dataDir], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(KEY_MISSING);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 40_000);
});

describe('site mode', () => {
  it('with no configuration: out of service, and none of the demo defaults (no embedded county, no emulators, no demo PIN)', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-site-'));
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
    const info = await core.call('getTerminalInfo', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'site', emulatedDevices: false, outOfService: { reason: 'unconfigured', problems: [{ field: '(file)', code: 'missing_file' }] } } });
    expect(info.ok && (info.value as { site?: unknown }).site).toBeUndefined();
    // No embedded county was started and no outbox opened: nothing of theirs is in the data directory.
    expect(existsSync(join(dataDir, 'county-reference.db'))).toBe(false);
    expect(existsSync(join(dataDir, 'outbox.db'))).toBe(false);
    expect(await core.call('startSession', {})).toMatchObject({ ok: false, error: { code: 'out_of_service' } });
    expect(await core.call('adminLogin', { pin: '246810' })).toMatchObject({ ok: false, error: { code: 'out_of_service' } });
    expect(await core.call('getCatalog', {})).toMatchObject({ ok: true, value: { services: [] } });
    expect(await core.call('demoDevice', { action: { type: 'removeCard' } })).toMatchObject({ ok: false, error: { code: 'not_demo' } });
  });

  it('with a configuration that is not JSON: out of service with that reason, never a crash', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-site-'));
    writeFileSync(join(dataDir, 'config.json'), '{"mode": "site", ');
    core = await createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
    expect(await core.call('getTerminalInfo', {})).toMatchObject({ ok: true, value: { outOfService: { problems: [{ field: '(file)', code: 'invalid_json' }] } } });
  });

  it('with a complete configuration: serves on it, in site mode, with no demo hardware control', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-site-'));
    const county = await startCountyBackend({ port: 0, dbFile: join(dataDir, 'test-county.db') });
    try {
      writeFileSync(
        join(dataDir, 'config.json'),
        JSON.stringify({
          siteId: 'xa-hospital-01',
          county: { url: county.url, enrolmentCode: demoEnrolmentCode('xa-hospital-01') },
          admin: { pinHash: hashPin('135792', { N: 16_384, r: 8, p: 1 }) },
          devices: [],
        }),
      );
      core = await createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
      const info = await core.call('getTerminalInfo', {});
      expect(info).toMatchObject({ ok: true, value: { mode: 'site', site: { id: 'xa-hospital-01' }, emulatedDevices: false } });
      expect(info.ok && (info.value as { outOfService?: unknown }).outOfService).toBeUndefined();
      expect(existsSync(join(dataDir, 'county-reference.db'))).toBe(false);
      expect((await core.call('adminLogin', { pin: '246810' })).ok).toBe(false);
      expect((await core.call('adminLogin', { pin: '135792' })).ok).toBe(true);
      expect((await core.call('startSession', {})).ok).toBe(true);
      expect(await core.call('demoDevice', { action: { type: 'removeCard' } })).toMatchObject({ ok: false, error: { code: 'not_demo' } });
    } finally {
      await core?.close();
      core = undefined;
      await county.close();
    }
  });
});
