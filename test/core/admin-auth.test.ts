import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src-main/config/load.js';
import { hashPin } from '../../src-main/config/pin-hash.js';
import { ConfigSchema } from '../../src-main/config/schema.js';
import { AdminAuth, InvalidPinHashError, type AdminAuthOptions } from '../../src-main/core/admin-auth.js';
import { FileLockoutStore } from '../../src-main/core/lockout-store.js';
import { configureLogging } from '../../src-main/logs/logger.js';

const DEMO = ConfigSchema.parse({}).admin;
const MIN = 60_000;
let dir = '';
let logs: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-admin-'));
  logs = [];
  configureLogging({ sinks: [{ write: (line) => void logs.push(line) }] });
});
afterEach(() => {
  configureLogging({ sinks: [] });
  rmSync(dir, { recursive: true, force: true });
});

function auth(extra: Partial<AdminAuthOptions> & { at: { t: number } }): AdminAuth {
  const { at, ...rest } = extra;
  return new AdminAuth({ ...DEMO, store: new FileLockoutStore(join(dir, 'admin-lockout.json')), now: () => at.t, ...rest });
}

const failTimes = (a: AdminAuth, n: number) => Array.from({ length: n }, () => a.login('000000'));

describe('technician PIN hash in configuration', () => {
  const write = (pinHash: string) => writeFileSync(join(dir, 'config.json'), JSON.stringify({ admin: { pinHash } }));
  const salt16 = 'aa'.repeat(16);
  const hash32 = 'bb'.repeat(32);

  it.each([
    ['the short form that used to accept every PIN', 'scrypt$00$a'],
    ['the old form without parameters', `scrypt$${salt16}$${hash32}`],
    ['a salt under 16 bytes', `scrypt$N=16384,r=8,p=1$${'aa'.repeat(15)}$${hash32}`],
    ['a hash that is not 32 bytes', `scrypt$N=16384,r=8,p=1$${salt16}$${'bb'.repeat(16)}`],
    ['an N that is not a power of 2', `scrypt$N=20000,r=8,p=1$${salt16}$${hash32}`],
    ['an N below 16384', `scrypt$N=1024,r=8,p=1$${salt16}$${hash32}`],
    ['parameters that need too much memory', `scrypt$N=1048576,r=8,p=1$${salt16}$${hash32}`],
    ['upper-case hex', `scrypt$N=16384,r=8,p=1$${salt16.toUpperCase()}$${hash32}`],
  ])('refuses %s as a config error naming admin.pinHash, and AdminAuth refuses it too', (_, pinHash) => {
    write(pinHash);
    expect(() => loadConfig(dir)).toThrow(ConfigError);
    try {
      loadConfig(dir);
    } catch (error) {
      expect((error as ConfigError).issues.join()).toMatch(/^admin\.pinHash: /);
    }
    expect(() => new AdminAuth({ ...DEMO, pinHash })).toThrow(InvalidPinHashError);
  });

  it('keeps the demo default working with the demo PIN only', () => {
    const a = new AdminAuth(DEMO);
    expect(a.login('246811')).toMatchObject({ ok: false, error: { code: 'admin_bad_pin' } });
    expect(a.login('246810')).toMatchObject({ ok: true });
  });

  it('verifies with the parameters stored in the string', () => {
    const pinHash = hashPin('73915824', { N: 32_768, r: 4, p: 2 });
    write(pinHash);
    expect(loadConfig(dir).admin.pinHash).toBe(pinHash);
    expect(new AdminAuth({ ...DEMO, pinHash }).login('73915824').ok).toBe(true);
    // The same salt and hash under other parameters is another function: it must not verify.
    const relabelled = pinHash.replace('N=32768,r=4,p=2', 'N=16384,r=8,p=1');
    expect(new AdminAuth({ ...DEMO, pinHash: relabelled }).login('73915824').ok).toBe(false);
  });
});

describe('technician lockout', () => {
  it('survives a restart: the tries used before it still count', () => {
    const at = { t: 1_000_000 };
    expect(failTimes(auth({ at }), 3).at(-1)).toMatchObject({ error: { code: 'admin_bad_pin', triesLeft: 2 } });
    const restarted = auth({ at });
    expect(restarted.login('000000')).toMatchObject({ error: { code: 'admin_bad_pin', triesLeft: 1 } });
    expect(restarted.login('000000')).toMatchObject({ error: { code: 'admin_locked', retryAfterMs: 5 * MIN } });
    expect(auth({ at }).login('246810')).toMatchObject({ ok: false, error: { code: 'admin_locked' } });
  });

  it('grows with each round (5, 10, 20 minutes …) up to the cap, across restarts, and resets on success', () => {
    const at = { t: 1_000_000 };
    const seen: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      const last = failTimes(auth({ at, maxLockoutMs: 60 * MIN }), 5).at(-1) as { error: { retryAfterMs: number } };
      seen.push(last.error.retryAfterMs / MIN);
      at.t += last.error.retryAfterMs;
    }
    expect(seen).toEqual([5, 10, 20, 40, 60, 60]);
    expect(auth({ at }).login('246810').ok).toBe(true);
    expect(failTimes(auth({ at }), 5).at(-1)).toMatchObject({ error: { code: 'admin_locked', retryAfterMs: 5 * MIN } });
  });

  it('writes the state atomically, mode 0600, with no PIN in it', () => {
    const at = { t: 1_000_000 };
    const a = auth({ at });
    a.login('918273645');
    const file = join(dir, 'admin-lockout.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('918273645');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ v: 1, failures: 1, rounds: 0, lockedUntil: 0 });
    expect(readdirSync(dir)).toEqual(['admin-lockout.json']);
  });

  it.each([
    ['garbage', 'PIN=246810 \u0000\u0001'],
    ['truncated JSON', '{"v":1,"failures":4,"rou'],
    ['a state that says "no failures" in the wrong shape', '{"failures":0}'],
    ['negative counts', '{"v":1,"failures":-5,"rounds":0,"lockedUntil":0}'],
  ])('fails safe on a corrupted file (%s): locked for one round, logged without its content', (_, content) => {
    writeFileSync(join(dir, 'admin-lockout.json'), content, { mode: 0o600 });
    const at = { t: 1_000_000 };
    expect(auth({ at }).login('246810')).toMatchObject({ ok: false, error: { code: 'admin_locked', retryAfterMs: 5 * MIN } });
    // A restart during that round does not start a new one, nor end it.
    at.t += MIN;
    expect(auth({ at }).login('246810')).toMatchObject({ ok: false, error: { code: 'admin_locked', retryAfterMs: 4 * MIN } });
    at.t += 4 * MIN;
    expect(auth({ at }).login('246810').ok).toBe(true);
    expect(logs.join('\n')).toMatch(/lockout state unreadable/);
    expect(logs.join('\n')).not.toContain('246810');
    expect(logs.join('\n')).not.toContain(content.slice(0, 12));
  });

  it('never stays locked longer than the cap, even if a wrong clock wrote a far-future time', () => {
    writeFileSync(join(dir, 'admin-lockout.json'), JSON.stringify({ v: 1, failures: 0, rounds: 3, lockedUntil: 9_000_000_000_000 }), { mode: 0o600 });
    const at = { t: 1_000_000 };
    expect(auth({ at, maxLockoutMs: 60 * MIN }).login('246810')).toMatchObject({ error: { code: 'admin_locked', retryAfterMs: 60 * MIN } });
    at.t += 30 * MIN;
    expect(auth({ at, maxLockoutMs: 60 * MIN }).login('246810')).toMatchObject({ error: { code: 'admin_locked', retryAfterMs: 30 * MIN } });
  });
});
