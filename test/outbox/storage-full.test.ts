import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboxFullError, StorageFullError } from '../../src-main/outbox/errors.js';
import { openOutboxDb, quickCheck } from '../../src-main/outbox/open-db.js';
import { manualClock, openTestOutbox, sampleTx, tempDir, useTempDir } from './helpers.js';

describe('SQLITE_FULL', () => {
  const t = useTempDir();

  it('max_page_count: a typed error, nothing half-written, committed rows intact, usable after', async () => {
    const clock = manualClock();
    const ob = await openTestOutbox(t.dir, { now: clock.now });
    const pages = ob.db.pragma('page_count', { simple: true }) as number;
    ob.db.pragma(`max_page_count = ${pages + 4}`);
    const ids: string[] = [];
    let caught: unknown;
    for (let i = 0; i < 1_000 && caught === undefined; i++) {
      try {
        ids.push(ob.record({ ...sampleTx(i), payload: { blob: 'y'.repeat(1500) } }).id);
      } catch (err) {
        caught = err;
      }
    }
    expect(caught).toBeInstanceOf(StorageFullError);
    expect((caught as StorageFullError).code).toBe('storage_full');
    // The terminal now stops offering outbox services instead of failing residents one by one...
    expect(ob.capacity()).toMatchObject({ state: 'full', reason: 'disk' });
    expect(() => ob.record(sampleTx(5000))).toThrow(OutboxFullError);
    expect(ob.stats().depth).toBe(ids.length);
    expect(ob.db.prepare('SELECT count(*) AS n FROM service_tx').get()).toEqual({ n: ids.length });
    quickCheck(ob.db);
    ob.db.pragma('max_page_count = 1000000');
    // ...until the cool-down has passed and a write is tried again.
    clock.advance(60_000);
    expect(ob.capacity().state).toBe('ok');
    ob.record(sampleTx(9999));
    ob.close();
    const again = await openTestOutbox(t.dir);
    expect(again.stats().depth).toBe(ids.length + 1);
    again.close();
  });
});

const canMount = process.platform === 'linux' && process.getuid?.() === 0 && probeMount();

function probeMount(): boolean {
  const t = tempDir('tmpfs-probe-');
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', t.dir]).status === 0;
  if (ok) spawnSync('umount', [t.dir]);
  t.cleanup();
  return ok;
}

function withTmpfs(sizeKb: number, fn: (dir: string) => void): void {
  const base = tempDir('tmpfs-');
  const dir = join(base.dir, 'mnt');
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=700`, 'tmpfs', dir]);
  try {
    fn(dir);
  } finally {
    execFileSync('umount', [dir]);
    rmdirSync(dir);
    base.cleanup();
  }
}

function fill(dir: string, minFree: number): { committed: string[]; error: { name: string; code: string } | null; depth: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'children/fill-disk.ts'), dir, String(minFree)], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(out) as { committed: string[]; error: { name: string; code: string } | null; depth: number };
}

// Skipped, and the title says why, where a small tmpfs cannot be mounted (not root, or no CAP_SYS_ADMIN).
describe.skipIf(!canMount)(`a full tmpfs${canMount ? '' : ' [skipped: mounting a tmpfs needs root with CAP_SYS_ADMIN]'}`, () => {
  it('without a disk floor: SQLITE_FULL becomes StorageFullError and the database stays sound', () => {
    withTmpfs(768, (dir) => {
      const r = fill(dir, 0);
      expect(r.error).toEqual({ name: 'StorageFullError', code: 'storage_full' });
      expect(r.committed.length).toBeGreaterThan(0);
      expect(r.depth).toBe(r.committed.length);
      // Give the file system room again: the database opens, passes quick_check and kept every commit.
      execFileSync('mount', ['-o', 'remount,size=4m', dir]);
      const db = openOutboxDb(join(dir, 'outbox.db'));
      const ids = (db.prepare('SELECT id FROM outbox ORDER BY seq').all() as { id: string }[]).map((x) => x.id);
      expect(ids).toEqual(r.committed);
      db.close();
    });
  });

  it('with the disk floor: refused up front with OutboxFullError before SQLite fails', () => {
    withTmpfs(1024, (dir) => {
      const r = fill(dir, 512 * 1024);
      expect(r.error).toEqual({ name: 'OutboxFullError', code: 'outbox_full' });
      expect(r.depth).toBe(r.committed.length);
    });
  });
});
