import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadCatalogFile, loadConfig, loadOrCreateIdentity } from '../../src-main/config/load.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('runs on embedded defaults when there is no config file', () => {
    const config = loadConfig(dir);
    expect(config.siteId).toBe('xa-hospital-01');
    expect(config.idle.countdownMs).toBeGreaterThanOrEqual(20_000);
    expect(config.devices.every((d) => d.driver === 'emulator')).toBe(true);
    expect(loadCatalogFile(config).services.length).toBeGreaterThan(0);
  });

  it('rejects a countdown shorter than 20 seconds with a typed error naming the field', () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ idle: { warnAfterMs: 30_000, countdownMs: 5_000 } }));
    expect(() => loadConfig(dir)).toThrow(ConfigError);
    try {
      loadConfig(dir);
    } catch (error) {
      expect((error as ConfigError).issues.join()).toContain('idle.countdownMs');
    }
  });

  it('takes the screen mounting for the reach rule and rejects an impossible one naming the field', () => {
    expect(loadConfig(dir).display).toBeUndefined();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ display: { topEdgeMm: 1_500, heightMm: 600 } }));
    expect(loadConfig(dir).display).toEqual({ topEdgeMm: 1_500, heightMm: 600 });
    for (const display of [{ topEdgeMm: 9_000, heightMm: 600 }, { topEdgeMm: 1_700, heightMm: 600 }, { topEdgeMm: 1_500 }, { topEdgeMm: 1_500, heightMm: 600, tilt: 10 }]) {
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ display }));
      expect(() => loadConfig(dir), JSON.stringify(display)).toThrow(ConfigError);
      try {
        loadConfig(dir);
      } catch (error) {
        expect((error as ConfigError).issues.join()).toContain('display');
      }
    }
  });

  it('rejects broken JSON, unknown keys and a site missing from the catalog', () => {
    writeFileSync(join(dir, 'config.json'), '{ not json');
    expect(() => loadConfig(dir)).toThrow(/not valid JSON/);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ colour: 'red' }));
    expect(() => loadConfig(dir)).toThrow(ConfigError);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ siteId: 'nowhere' }));
    expect(() => loadCatalogFile(loadConfig(dir))).toThrow(/nowhere is not a site/);
  });

  it('creates the terminal identity once, readable by its owner only, and keeps it', () => {
    const first = loadOrCreateIdentity(dir);
    expect(first.terminalId).toMatch(/^T-[0-9A-F]{8}$/);
    expect(statSync(join(dir, 'terminal.json')).mode & 0o077).toBe(0);
    expect(loadOrCreateIdentity(dir)).toEqual(first);
    expect(JSON.parse(readFileSync(join(dir, 'terminal.json'), 'utf8'))).toEqual(first);
  });
});

describe('device ports in configuration', () => {
  const serialReader = (port: Record<string, unknown>) => ({ devices: [{ kind: 'cardReader', driver: 'serial', port: { type: 'serial', ...port } }] });

  it('takes a serial port by path or by USB vendor/product id', () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(serialReader({ usb: { vendorId: '072f', productId: '90cc' } })));
    expect(loadConfig(dir).devices[0]?.port).toEqual({ type: 'serial', usb: { vendorId: '072f', productId: '90cc' } });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(serialReader({ path: '/dev/serial/by-id/usb-ACS-if00' })));
    expect(loadConfig(dir).devices[0]?.port).toMatchObject({ path: '/dev/serial/by-id/usb-ACS-if00' });
  });

  it('refuses a serial port with both or neither of path and usb', () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(serialReader({ path: '/dev/ttyUSB0', usb: { vendorId: '1a86', productId: '7523' } })));
    expect(() => loadConfig(dir)).toThrow(/exactly one of path or usb/);
    writeFileSync(join(dir, 'config.json'), JSON.stringify(serialReader({})));
    expect(() => loadConfig(dir)).toThrow(ConfigError);
  });
});

describe('county URL in configuration', () => {
  const withUrl = (url: string) => writeFileSync(join(dir, 'config.json'), JSON.stringify({ county: { url } }));

  it.each(['http://county.example/api', 'http://10.0.0.5:8787', 'ftp://county.example'])('stops the start for %s with a message naming county.url', (url) => {
    withUrl(url);
    expect(() => loadConfig(dir)).toThrow(ConfigError);
    try {
      loadConfig(dir);
    } catch (error) {
      expect((error as ConfigError).issues.join()).toMatch(/^county\.url: .*https/);
    }
  });

  it.each(['https://county.example/api', 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'embedded'])('accepts %s', (url) => {
    withUrl(url);
    expect(loadConfig(dir).county.url).toBe(url);
  });
});
