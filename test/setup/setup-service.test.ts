import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core.js';
import { loadSiteConfig } from '../../src-main/config/site-config.js';
import { PROJECT_ROOT, loadCatalogFile } from '../../src-main/config/load.js';
import { ConfigSchema } from '../../src-main/config/schema.js';
import type { SetupDraft } from '../../src-main/contract/setup.js';
import { CountyError } from '../../src-main/county/errors.js';
import { demoEnrolmentCode, startCountyBackend, type CountyBackend } from '../../src-main/county/reference/index.js';
import { writeConfigAtomically } from '../../src-main/setup/config-writer.js';
import { discoverPorts, type FoundPort } from '../../src-main/setup/discover.js';
import { SetupService } from '../../src-main/setup/setup-service.js';
import { SETUP_CODE_FILE } from '../../src-main/setup/setup-code.js';

const PIN_PARAMS = { N: 16_384, r: 8, p: 1 };
const catalogFile = loadCatalogFile(ConfigSchema.parse({}), PROJECT_ROOT);
const READER: FoundPort = { id: 'serial-aaaa', type: 'serial', label: '/dev/serial/by-id/usb-Reader', vendorId: '1a86', productId: '7523', port: { type: 'serial', path: '/dev/serial/by-id/usb-Reader' } };
const PAD: FoundPort = { id: 'hid-bbbb', type: 'hid', label: 'PIN pad', vendorId: '0483', productId: '5750', port: { type: 'hid', path: '/dev/hidraw3', reportId: 0, reportSize: 64 } };

let dataDir = '';
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-setup-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const draft = (over: Partial<SetupDraft> = {}): SetupDraft => ({
  siteId: 'xa-hospital-01',
  countyUrl: 'https://county.example.cn',
  technicianPin: '583920',
  devices: [
    { kind: 'cardReader', port: READER.id },
    { kind: 'pinPad', port: PAD.id },
  ],
  language: 'zh-CN',
  volume: 0.6,
  idleWarnSeconds: 90,
  idleCountdownSeconds: 30,
  ...over,
});

function service(enrol: (o: { url: string; code: string; siteId: string }) => Promise<string> = async () => 'C-0001') {
  return new SetupService({ dataDir, catalogFile, listPorts: async () => [READER, PAD], enrol, pinParams: PIN_PARAMS });
}

describe('writeConfigAtomically', () => {
  it('numbers each version, keeps the one it replaces in config-history, and leaves no temporary file', () => {
    writeFileSync(join(dataDir, 'config.json'), '{"siteId": "hand-written"}');
    expect(writeConfigAtomically(dataDir, { siteId: 'a' })).toBe(1);
    expect(writeConfigAtomically(dataDir, { siteId: 'b' })).toBe(2);
    expect(JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8'))).toEqual({ siteId: 'b', configVersion: 2 });
    expect(readFileSync(join(dataDir, 'config-history', 'config.0.json'), 'utf8')).toBe('{"siteId": "hand-written"}');
    expect(JSON.parse(readFileSync(join(dataDir, 'config-history', 'config.1.json'), 'utf8'))).toEqual({ siteId: 'a', configVersion: 1 });
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'config.json')).mode & 0o777).toBe(0o600);
  });
});

describe('discoverPorts', () => {
  it('names a serial port by its /dev/serial/by-id link, keeps HID devices by path, and survives a lister that fails', async () => {
    const ports = await discoverPorts({
      serial: async () => [{ path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523', manufacturer: 'QinHeng' }, { path: '/dev/ttyS0' }],
      hid: async () => {
        throw new Error('no hidraw');
      },
      byId: () => [{ link: '/dev/serial/by-id/usb-1a86_USB_Serial-if00', target: '/dev/ttyUSB0' }],
    });
    expect(ports.map((p) => p.port)).toEqual([
      { type: 'serial', path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00' },
      { type: 'serial', path: '/dev/ttyS0' },
    ]);
    expect(ports[0]).toMatchObject({ vendorId: '1a86', productId: '7523', label: '/dev/serial/by-id/usb-1a86_USB_Serial-if00 · QinHeng' });
    // Ids are stable across listings, so a choice made on one screen still means the same port later.
    const again = await discoverPorts({ serial: async () => [{ path: '/dev/ttyS0' }], hid: async () => [{ path: '/dev/hidraw0', vendorId: 0x483, productId: 0x5750, product: 'Pad' }], byId: () => [] });
    expect(again[0]?.id).toBe(ports[1]?.id);
    expect(again[1]).toMatchObject({ type: 'hid', vendorId: '0483', productId: '5750', port: { type: 'hid', path: '/dev/hidraw0', reportId: 0, reportSize: 64 } });
  });
});

describe('SetupService', () => {
  it('a first setup offers the catalog sites and the ports found, and starts every device as not fitted', async () => {
    const options = await service().options();
    expect(options.sites.map((s) => s.id)).toEqual(catalogFile.sites.map((s) => s.id));
    expect(options.ports.map((p) => p.id)).toEqual([READER.id, PAD.id]);
    expect(options.ports[0]).not.toHaveProperty('port');
    expect(options.draft.devices.every((d) => d.port === null)).toBe(true);
    expect(options).toMatchObject({ hasTechnicianPin: false, configVersion: 0, draft: { siteId: '', countyUrl: '' } });
  });

  it('names every field that cannot be applied yet, and applies nothing while one remains', async () => {
    const s = service();
    await s.options();
    const bad = draft({ siteId: 'nowhere', countyUrl: 'http://county.example.cn', technicianPin: '123456', devices: [{ kind: 'cardReader', port: 'serial-gone' }, { kind: 'idReader', port: PAD.id }, { kind: 'pinPad', port: PAD.id }] });
    expect(s.preview(bad).problems).toEqual([
      { field: 'siteId', code: 'unknown_site' },
      { field: 'countyUrl', code: 'url_insecure' },
      { field: 'technicianPin', code: 'pin_weak' },
      { field: 'devices.cardReader', code: 'port_unknown' },
      { field: 'devices.pinPad', code: 'port_shared' },
    ]);
    const { technicianPin: _pin, ...noPin } = draft();
    expect(s.preview(noPin).problems).toEqual([
      { field: 'countyUrl', code: 'not_enrolled' },
      { field: 'technicianPin', code: 'pin_required' },
    ]);
    const refused = s.apply(bad);
    expect(refused).toMatchObject({ ok: false, error: { code: 'setup_invalid' } });
    expect(refused.ok ? '' : refused.error.detail).not.toContain('123456');
    expect(existsSync(join(dataDir, 'config.json'))).toBe(false);
  });

  it('previews what residents will see: services needing a device that is not fitted are off, with the reason', async () => {
    const s = service();
    await s.options();
    const withReader = s.preview(draft());
    const reset = withReader.services.find((x) => x.id === 'ssc.pin.reset');
    expect(reset).toMatchObject({ enabled: false, disabledReason: 'deviceMissing' });
    expect(withReader.services.find((x) => x.id === 'rating')).toMatchObject({ enabled: true });
    const all = s.preview(draft({ devices: (['cardReader', 'idReader', 'pinPad', 'cardPrinter', 'camera', 'docCamera'] as const).map((kind) => ({ kind, port: 'x' })) }));
    expect(all.services.find((x) => x.id === 'ssc.pin.reset')).toMatchObject({ enabled: true });
  });

  it('enrols with the county, then applies a configuration that a site terminal starts on, with the PIN hashed and never written in clear', async () => {
    const calls: unknown[] = [];
    const s = service(async (o) => (calls.push(o), 'C-7788'));
    await s.options();
    expect(await s.enrol({ url: 'https://county.example.cn', code: 'ONE-TIME-1', siteId: 'xa-hospital-01' })).toEqual({ ok: true, value: { countyTerminalId: 'C-7788' } });
    expect(calls).toEqual([{ url: 'https://county.example.cn', code: 'ONE-TIME-1', siteId: 'xa-hospital-01' }]);
    expect(s.preview(draft()).problems).toEqual([]);

    const applied = s.apply(draft());
    expect(applied).toMatchObject({ ok: true, value: { version: 1 } });
    const text = readFileSync(join(dataDir, 'config.json'), 'utf8');
    expect(text).not.toContain('583920');
    expect(text).not.toContain('ONE-TIME-1');
    const site = loadSiteConfig(dataDir, PROJECT_ROOT);
    expect(site.ok).toBe(true);
    if (!site.ok) return;
    expect(site.config).toMatchObject({
      mode: 'site',
      siteId: 'xa-hospital-01',
      county: { url: 'https://county.example.cn' },
      idle: { warnAfterMs: 90_000, countdownMs: 30_000 },
      settingsDefaults: { language: 'zh-CN', volume: 0.6 },
      devices: [
        { kind: 'cardReader', driver: 'serial', port: READER.port },
        { kind: 'pinPad', driver: 'hid', port: PAD.port },
      ],
    });
    // A re-run starts from what is configured: ports kept, the PIN kept unless a new one is given.
    const again = await s.options();
    expect(again).toMatchObject({ hasTechnicianPin: true, countyTerminalId: 'C-7788', configVersion: 1, draft: { siteId: 'xa-hospital-01', countyUrl: 'https://county.example.cn' } });
    expect(again.draft.devices.filter((d) => d.port === 'keep').map((d) => d.kind)).toEqual(['cardReader', 'pinPad']);
    const { technicianPin: _pin, ...keepPin } = { ...draft(), devices: again.draft.devices, volume: 0.9 };
    expect(s.apply(keepPin)).toMatchObject({ ok: true, value: { version: 2 } });
    const second = loadSiteConfig(dataDir, PROJECT_ROOT);
    expect(second.ok && second.config.admin.pinHash).toBe(site.config.admin.pinHash);
    expect(second.ok && second.config.devices).toEqual(site.config.devices);
    expect(second.ok && second.config.settingsDefaults.volume).toBe(0.9);
  });

  it('says whether the county refused the code or could not be reached, and refuses an http address to another host', async () => {
    const refusing = service(async () => {
      throw new CountyError('auth', 'enrol', { status: 403, code: 'enrolment_code_invalid' });
    });
    expect(await refusing.enrol({ url: 'https://county.example.cn', code: 'USED-CODE', siteId: 'xa-hospital-01' })).toMatchObject({ ok: false, error: { code: 'county_refused' } });
    const down = service(async () => {
      throw new CountyError('network', 'enrol');
    });
    expect(await down.enrol({ url: 'https://county.example.cn', code: 'SOME-CODE', siteId: 'xa-hospital-01' })).toMatchObject({ ok: false, error: { code: 'county_unreachable' } });
    expect(await down.enrol({ url: 'http://10.0.0.5', code: 'SOME-CODE', siteId: 'xa-hospital-01' })).toMatchObject({ ok: false, error: { code: 'setup_invalid', detail: 'countyUrl: url_insecure' } });
  });
});

describe('setup calls on the core', () => {
  let county: CountyBackend | undefined;
  afterEach(async () => {
    await county?.close();
    county = undefined;
  });

  it('out of service, only the setup code from the data directory opens the wizard, with a lockout; applying brings a real enrolment and a usable file', async () => {
    const core = await createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
    try {
      const code = readFileSync(join(dataDir, SETUP_CODE_FILE), 'utf8').trim();
      expect(code).toMatch(/^\d{8}$/);
      if (process.platform !== 'win32') expect(statSync(join(dataDir, SETUP_CODE_FILE)).mode & 0o777).toBe(0o600);
      expect(await core.call('getSetupOptions', {})).toMatchObject({ ok: false, error: { code: 'admin_not_authorized' } });
      const wrong = code === '00000000' ? '11111111' : '00000000';
      expect(await core.call('setupUnlock', { code: wrong })).toMatchObject({ ok: false, error: { code: 'admin_bad_pin', triesLeft: 4 } });
      expect(await core.call('adminLogin', { pin: code })).toMatchObject({ ok: false, error: { code: 'out_of_service' } });
      expect(await core.call('setupUnlock', { code })).toMatchObject({ ok: true });

      county = await startCountyBackend({ port: 0, dbFile: join(dataDir, 'test-county.db') });
      const options = await core.call('getSetupOptions', {});
      expect(options.ok).toBe(true);
      const enrolled = await core.call('setupEnrol', { url: county.url, code: demoEnrolmentCode('xa-hospital-01'), siteId: 'xa-hospital-01' });
      expect(enrolled).toMatchObject({ ok: true, value: { countyTerminalId: expect.any(String) } });
      // The code was used: the county refuses it a second time, and the terminal says so.
      expect(await core.call('setupEnrol', { url: county.url, code: demoEnrolmentCode('xa-hospital-01'), siteId: 'xa-hospital-01' })).toMatchObject({ ok: false, error: { code: 'county_refused' } });
      const d = draft({ countyUrl: county.url, devices: [] });
      expect(await core.call('previewSetup', { draft: d })).toMatchObject({ ok: true, value: { problems: [] } });
      expect(await core.call('applySetup', { draft: d })).toMatchObject({ ok: true, value: { version: 1 } });
      expect(loadSiteConfig(dataDir, PROJECT_ROOT).ok).toBe(true);
    } finally {
      await core.close();
    }
    // The terminal the file describes is in service, enrolled under the id the wizard showed.
    const next = await createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
    try {
      const info = await next.call('getTerminalInfo', {});
      expect(info).toMatchObject({ ok: true, value: { site: { id: 'xa-hospital-01' }, countyTerminalId: expect.any(String) } });
      expect((info as { value: { outOfService?: unknown } }).value.outOfService).toBeUndefined();
      expect(await next.call('setupUnlock', { code: '12345678' })).toMatchObject({ ok: false, error: { code: 'admin_not_authorized' } });
      expect(await next.call('getSetupOptions', {})).toMatchObject({ ok: false, error: { code: 'admin_not_authorized' } });
      expect((await next.call('adminLogin', { pin: '583920' })).ok).toBe(true);
      expect(await next.call('getSetupOptions', {})).toMatchObject({ ok: true, value: { hasTechnicianPin: true, configVersion: 1 } });
    } finally {
      await next.close();
    }
  });

  it('locks the setup code after five wrong tries, and the lockout survives a restart', async () => {
    const first = await createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
    const code = readFileSync(join(dataDir, SETUP_CODE_FILE), 'utf8').trim();
    const wrong = code === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 4; i++) await first.call('setupUnlock', { code: wrong });
    expect(await first.call('setupUnlock', { code: wrong })).toMatchObject({ ok: false, error: { code: 'admin_locked' } });
    await first.close();
    const second = await createCore({ dataDir, shell: 'browser', logToStderr: false, mode: 'site' });
    try {
      expect(await second.call('setupUnlock', { code })).toMatchObject({ ok: false, error: { code: 'admin_locked' } });
    } finally {
      await second.close();
    }
  });
});
