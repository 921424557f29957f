import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src-main/config/load.js';
import { hashPin } from '../../src-main/config/pin-hash.js';
import { DEMO_PIN_HASH } from '../../src-main/config/schema.js';
import { fileMode, loadSiteConfig, readRawConfig, resolveMode } from '../../src-main/config/site-config.js';

const LOW_COST = { N: 16_384, r: 8, p: 1 };
const SITE_PIN_HASH = hashPin('135792', LOW_COST);

/** A complete site configuration: its own site, an https county, its own PIN, and its devices (none emulated). */
const complete = () => ({
  mode: 'site',
  siteId: 'xa-hospital-01',
  county: { url: 'https://county.example.gov.cn/', enrolmentCode: 'SITE-CODE-1' },
  admin: { pinHash: SITE_PIN_HASH },
  devices: [{ kind: 'cardReader', driver: 'serial', port: { type: 'serial', path: '/dev/serial/by-id/usb-reader' } }],
});

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const withFile = (content: string | null) => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-site-'));
  if (content !== null) writeFileSync(join(dir, 'config.json'), content);
  return dir;
};
const problemsOf = (content: string | null) => {
  const result = loadSiteConfig(withFile(content), PROJECT_ROOT);
  return result.ok ? [] : result.problems;
};

describe('terminal mode', () => {
  it('is demo for a checkout with nothing said, and site when the configuration file says so', () => {
    expect(resolveMode({ packaged: false })).toBe('demo');
    expect(resolveMode({ packaged: false, fileMode: 'site' })).toBe('site');
    expect(resolveMode({ packaged: false, fileMode: 'something' })).toBe('demo');
  });

  it('follows an explicit request over the file', () => {
    expect(resolveMode({ packaged: false, requested: 'site', fileMode: 'demo' })).toBe('site');
    expect(resolveMode({ packaged: false, requested: 'demo', fileMode: 'site' })).toBe('demo');
    expect(resolveMode({ packaged: false, requested: '' , fileMode: 'site' })).toBe('site');
  });

  it('is always site for a packaged build, whatever it is told', () => {
    expect(resolveMode({ packaged: true, requested: 'demo', fileMode: 'demo' })).toBe('site');
  });

  it('refuses a mode it does not know, naming the value', () => {
    expect(() => resolveMode({ packaged: false, requested: 'production' })).toThrow(/demo or site, not "production"/);
  });

  it('reads the mode from a file that is otherwise invalid, and nothing from one that is not JSON', () => {
    expect(fileMode(readRawConfig(withFile('{"mode":"site","siteId":42}')))).toBe('site');
    rmSync(dir, { recursive: true, force: true });
    expect(fileMode(readRawConfig(withFile('{"mode":"site"')))).toBeUndefined();
  });
});

describe('site configuration', () => {
  it('accepts a complete site configuration', () => {
    const result = loadSiteConfig(withFile(JSON.stringify(complete())), PROJECT_ROOT);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.county.url).toBe('https://county.example.gov.cn/');
  });

  it('reports a missing, unreadable as JSON, or non-object file as such', () => {
    expect(problemsOf(null)).toEqual([{ field: '(file)', code: 'missing_file' }]);
    rmSync(dir, { recursive: true, force: true });
    expect(problemsOf('{"siteId": ')).toEqual([{ field: '(file)', code: 'invalid_json' }]);
    rmSync(dir, { recursive: true, force: true });
    expect(problemsOf('[1,2]')).toEqual([{ field: '(file)', code: 'invalid_value' }]);
  });

  it('never fills in a demo default: an empty file lacks the site, the county, the PIN and the devices', () => {
    expect(problemsOf('{}')).toEqual([
      { field: 'siteId', code: 'required_on_site' },
      { field: 'county.url', code: 'required_on_site' },
      { field: 'admin.pinHash', code: 'required_on_site' },
      { field: 'devices', code: 'required_on_site' },
    ]);
  });

  it('refuses the embedded county, the demo PIN (in any hashing) and emulated devices', () => {
    const demoish = {
      ...complete(),
      county: { url: 'embedded' },
      admin: { pinHash: DEMO_PIN_HASH },
      devices: [{ kind: 'cardReader' }, { kind: 'pinPad', driver: 'emulator' }, complete().devices[0]],
    };
    expect(problemsOf(JSON.stringify(demoish))).toEqual([
      { field: 'county.url', code: 'demo_only' },
      { field: 'admin.pinHash', code: 'demo_only' },
      { field: 'devices.0.driver', code: 'demo_only' },
      { field: 'devices.1.driver', code: 'demo_only' },
    ]);
    rmSync(dir, { recursive: true, force: true });
    // The demo PIN hashed afresh, with another salt, is still the demo PIN.
    expect(problemsOf(JSON.stringify({ ...complete(), admin: { pinHash: hashPin('246810', LOW_COST) } }))).toEqual([{ field: 'admin.pinHash', code: 'demo_only' }]);
  });

  it('names each invalid field once, without its value', () => {
    const bad = { ...complete(), county: { url: 'http://county.example.gov.cn/' }, idle: { warnAfterMs: 1 }, secretCanary: 'PIN-135792' };
    const problems = problemsOf(JSON.stringify(bad));
    expect(problems).toEqual(expect.arrayContaining([{ field: 'county.url', code: 'invalid_value' }, { field: 'idle.warnAfterMs', code: 'invalid_value' }, { field: 'secretCanary', code: 'invalid_value' }]));
    expect(problems.every((p) => p.code === 'invalid_value')).toBe(true);
    expect(JSON.stringify(problems)).not.toContain('135792');
  });

  it('reports a site the catalog does not have as a problem of siteId', () => {
    expect(problemsOf(JSON.stringify({ ...complete(), siteId: 'nowhere-01' }))).toEqual([{ field: 'siteId', code: 'invalid_value' }]);
  });
});
