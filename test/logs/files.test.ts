import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, createLogger } from '../../src-main/logs/logger.js';
import { listLogFiles, openLogFiles, pruneLogFiles, type LogFileStream } from '../../src-main/logs/files.js';

const ROOT = join(import.meta.dirname, '../..');
let dir: string | undefined;
let file: (LogFileStream & NodeJS.EventEmitter) | undefined;

afterEach(() => {
  configureLogging({ sinks: [] });
  file?.end();
  file = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const readAll = (folder: string) => listLogFiles(folder).map((f) => readFileSync(f.path, 'utf8')).join('');

describe('rolling log files', () => {
  it('rolls by size and keeps the folder under the file count and total cap', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-roll-'));
    const limits = { maxFileBytes: 2048, maxFiles: 3, maxAgeMs: 3600_000, maxTotalBytes: 8 * 1024 };
    file = (await openLogFiles(dir, limits)) as LogFileStream & NodeJS.EventEmitter;
    configureLogging({ streams: [file], level: 'info' });
    const log = createLogger('roll');
    for (let i = 0; i < 400; i += 1) {
      log.info('a line that fills the log file with a fixed sentence', { count: i });
      // pino-roll rolls when a write burst has drained, as it does between records on a terminal.
      if (i % 10 === 9) await once(file, 'drain');
    }
    await expect.poll(() => listLogFiles(dir!).length).toBeGreaterThan(1);
    await expect.poll(() => listLogFiles(dir!).length).toBeLessThanOrEqual(limits.maxFiles);
    const total = listLogFiles(dir).reduce((sum, f) => sum + f.bytes, 0);
    expect(total).toBeLessThanOrEqual(limits.maxTotalBytes);
    for (const f of listLogFiles(dir)) expect(f.name).toMatch(/^kiosk\.\d{4}-\d{2}-\d{2}\.\d+\.log$/);
    // The newest record is in the newest file.
    await expect.poll(() => readFileSync(listLogFiles(dir!)[0]!.path, 'utf8')).toContain('"count":399');
  });

  it('prunes files past the age limit and the oldest ones over the total cap, never the current file', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-prune-'));
    const now = Date.UTC(2026, 11, 5);
    const day = 24 * 3600_000;
    const make = (name: string, ageDays: number, bytes: number) => {
      const path = join(dir!, name);
      writeFileSync(path, 'x'.repeat(bytes));
      utimesSync(path, (now - ageDays * day) / 1000, (now - ageDays * day) / 1000);
    };
    make('kiosk.2026-10-01.1.log', 65, 10);
    make('kiosk.2026-11-20.1.log', 15, 400);
    make('kiosk.2026-12-01.1.log', 4, 400);
    make('kiosk.2026-12-05.1.log', 0, 400);
    make('other.txt', 90, 10);
    const removed = pruneLogFiles(dir, { maxAgeMs: 30 * day, maxTotalBytes: 800, maxFileBytes: 50, maxFiles: 5 }, join(dir, 'kiosk.2026-12-05.1.log'), now);
    expect(removed).toEqual(['kiosk.2026-10-01.1.log', 'kiosk.2026-11-20.1.log']);
    expect(listLogFiles(dir).map((f) => f.name)).toEqual(['kiosk.2026-12-05.1.log', 'kiosk.2026-12-01.1.log']);
  });
});

describe('crash logging', () => {
  for (const how of ['throw', 'reject'] as const) {
    it(`logs an ${how === 'throw' ? 'uncaught exception' : 'unhandled rejection'} with everything before it, flushed, and exits non-zero`, async () => {
      dir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'children/crash-child.ts'), dir, how], { cwd: ROOT, stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code).toBe(1);
      const lines = readAll(dir).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.filter((l) => l['msg'] === 'busy line before the failure')).toHaveLength(200);
      expect(lines.at(-1)).toMatchObject({
        level: 'fatal',
        module: 'process',
        msg: how === 'throw' ? 'uncaught exception' : 'unhandled rejection',
        error: how === 'throw' ? 'TypeError' : 'RangeError',
      });
      const text = readAll(dir);
      expect(text).not.toContain('11010119900307451X');
      expect(text).not.toContain('246813');
    }, 30_000);
  }
});
