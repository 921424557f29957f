import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createCore } from '../../src-main/app/create-core.js';
import { ConfigSchema } from '../../src-main/config/schema.js';
import type { KioskCore } from '../../src-main/core/kiosk-core.js';
import { configForBundle, listBundleTargets, writeLogBundle } from '../../src-main/logs/bundle.js';
import { createLogger, flushLogs } from '../../src-main/logs/logger.js';

/** Every entry of a zip file, by name. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
let dir = '';
let core: KioskCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('log bundle', () => {
  it('holds the logs, status and configuration, with a manifest whose sizes and SHA-256 match every file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-bundle-'));
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    writeFileSync(join(logs, 'kiosk.2026-12-06.1.log'), '{"msg":"older"}\n');
    writeFileSync(join(logs, 'kiosk.2026-12-07.1.log'), '{"msg":"newer"}\n');
    writeFileSync(join(logs, 'notes.txt'), 'not a log file');
    const result = await writeLogBundle({ logsDir: logs, outDir: join(dir, 'out'), terminalId: 'T-1', appVersion: '1.0.0', documents: { status: { ok: true }, config: { a: 1 } }, now: () => Date.UTC(2026, 11, 7, 3, 4, 5) });
    expect(result.name).toBe('kiosk-logs-T-1-20261207-030405Z.zip');
    expect(readdirSync(join(dir, 'out'))).toEqual([result.name]); // renamed into place, nothing partial left
    const entries = await unzip(result.path);
    expect([...entries.keys()].sort()).toEqual(['config.json', 'logs/kiosk.2026-12-06.1.log', 'logs/kiosk.2026-12-07.1.log', 'manifest.json', 'status.json']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as { terminalId: string; files: { name: string; bytes: number; sha256: string }[]; omitted: string[] };
    expect(manifest.terminalId).toBe('T-1');
    expect(manifest.files).toHaveLength(4);
    for (const file of manifest.files) {
      expect(entries.get(file.name)?.length, file.name).toBe(file.bytes);
      expect(sha256(entries.get(file.name)!), file.name).toBe(file.sha256);
    }
    expect(result.files).toBe(4);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stays under its size cap, keeping the newest logs and listing the ones left out', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-bundle-'));
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    for (let i = 1; i <= 5; i++) {
      const file = join(logs, `kiosk.2026-12-0${i}.1.log`);
      writeFileSync(file, 'x'.repeat(1000));
    }
    const result = await writeLogBundle({ logsDir: logs, outDir: join(dir, 'out'), terminalId: 'T-1', appVersion: '1', documents: { status: {}, config: {} }, maxBytes: 2_500 });
    const entries = await unzip(result.path);
    const kept = [...entries.keys()].filter((n) => n.startsWith('logs/'));
    expect(kept).toHaveLength(2);
    const uncompressed = [...entries.entries()].filter(([n]) => n !== 'manifest.json').reduce((sum, [, d]) => sum + d.length, 0);
    expect(uncompressed).toBeLessThanOrEqual(2_500);
    expect(result.omitted).toHaveLength(3);
    expect(JSON.parse(entries.get('manifest.json')!.toString()).omitted).toEqual(result.omitted);
  });

  it('leaves the technician PIN hash and the enrolment code out of the configuration', () => {
    const config = ConfigSchema.parse({ county: { url: 'https://county.example/', enrolmentCode: 'CANARY-ENROL-9' } });
    const text = JSON.stringify(configForBundle(config));
    expect(text).not.toContain('CANARY-ENROL-9');
    expect(text).not.toContain(config.admin.pinHash);
    expect(text).toContain('https://county.example/');
    // The terminal's own configuration is untouched.
    expect(config.county.enrolmentCode).toBe('CANARY-ENROL-9');
  });

  it('offers the terminal folder always, and only mount points as drives', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-bundle-'));
    mkdirSync(join(dir, 'media', 'not-a-drive'), { recursive: true });
    expect(listBundleTargets(join(dir, 'data'), [join(dir, 'media')])).toEqual([{ id: 'local', kind: 'local', label: 'bundles', path: join(dir, 'data', 'bundles') }]);
  });

  it('from the core: technicians only, a target by id only, and no resident data inside even when it was offered to the logger', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-bundle-'));
    core = await createCore({ dataDir: dir, shell: 'browser', logToStderr: false });
    createLogger('canary').info('resident details offered to the logger', { cardNo: '6222021234567890', holderName: '张三丰', pin: '135792', idNumber: '420102199002031234', faceImage: 'data:image/jpeg;base64,CANARYFACE' } as never);
    flushLogs();
    expect(await core.call('exportLogBundle', { targetId: 'local' })).toMatchObject({ ok: false, error: { code: 'admin_not_authorized' } });
    expect((await core.call('adminLogin', { pin: '246810' })).ok).toBe(true);
    expect(await core.call('listBundleTargets', {})).toMatchObject({ ok: true, value: { targets: [{ id: 'local', kind: 'local' }] } });
    expect(await core.call('exportLogBundle', { targetId: 'usb-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const written = await core.call('exportLogBundle', { targetId: 'local' });
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    const { name, sha256: sum } = written.value as { name: string; sha256: string };
    const entries = await unzip(join(dir, 'bundles', name));
    expect([...entries.keys()].some((n) => n.startsWith('logs/kiosk.'))).toBe(true);
    const all = Buffer.concat([...entries.values()]).toString();
    expect(all).toContain('resident details offered to the logger');
    for (const canary of ['6222021234567890', '张三丰', '135792', '420102199002031234', 'CANARYFACE']) expect(all).not.toContain(canary);
    expect(JSON.parse(entries.get('status.json')!.toString())).toMatchObject({ terminal: { mode: 'demo' }, queue: { accepting: true } });
    expect(sha256(readFileSync(join(dir, 'bundles', name)))).toBe(sum);
  });
});
