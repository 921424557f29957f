// `npm start` runs the core from the bundle, rebuilds only what is stale, and leaves no process behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, isStale } from '../../scripts/ensure-built.mjs';

describe('ensure-built staleness', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function tree(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-stale-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'src', 'a.ts'), '');
    writeFileSync(join(dir, 'src', 'deep', 'b.ts'), '');
    return dir;
  }
  const target = { inputs: ['src', 'missing-input'], outputs: ['out/one.js', 'out/two.js'] };
  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

  it('is stale while an output is missing', () => {
    const dir = tree();
    writeFileSync(join(dir, 'out', 'one.js'), '');
    expect(isStale(target, dir)).toBe(true);
  });

  it('is fresh when every output is newer than every input, stale when a nested input changes', () => {
    const dir = tree();
    for (const f of ['src/a.ts', 'src/deep/b.ts']) at(join(dir, f), 1_000);
    for (const f of ['out/one.js', 'out/two.js']) {
      writeFileSync(join(dir, f), '');
      at(join(dir, f), 2_000);
    }
    expect(isStale(target, dir)).toBe(false);
    at(join(dir, 'src', 'deep', 'b.ts'), 3_000);
    expect(isStale(target, dir)).toBe(true);
  });

  it('compares against the oldest output', () => {
    const dir = tree();
    for (const f of ['src/a.ts', 'src/deep/b.ts']) at(join(dir, f), 2_000);
    writeFileSync(join(dir, 'out', 'one.js'), '');
    writeFileSync(join(dir, 'out', 'two.js'), '');
    at(join(dir, 'out', 'one.js'), 3_000);
    at(join(dir, 'out', 'two.js'), 1_000);
    expect(isStale(target, dir)).toBe(true);
  });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');

describe('npm start', () => {
  const started: { npm: ChildProcess; host?: number; dataDir: string }[] = [];
  afterEach(() => {
    for (const run of started.splice(0)) {
      if (run.host && alive(run.host)) process.kill(run.host, 'SIGKILL');
      if (run.npm.exitCode === null) run.npm.kill('SIGKILL');
      rmSync(run.dataDir, { recursive: true, force: true });
    }
  });

  /** `npm start -- --headless` (detached: its own process group, like a terminal's foreground job). */
  async function start() {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-start-'));
    const npm = spawn('npm', ['start', '--silent', '--', '--headless', '--quiet', '--data-dir', dataDir], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const run: (typeof started)[number] = { npm, dataDir };
    started.push(run);
    const ready = await new Promise<{ pid: number; url: string }>((ok, fail) => {
      npm.once('exit', (code) => fail(new Error(`npm start exited (${code})`)));
      createInterface({ input: npm.stdout! }).on('line', (line) => {
        if (line.startsWith('KIOSK_READY ')) ok(JSON.parse(line.slice('KIOSK_READY '.length)) as { pid: number; url: string });
      });
    });
    run.host = ready.pid;
    return { npm, host: ready.pid, url: ready.url };
  }

  it('runs the core from the bundle in npm\'s own child, with no TypeScript loader and no further process', async () => {
    const { npm, host, url } = await start();
    expect(childrenOf(npm.pid!)).toEqual([host]);
    expect(cmdline(host)).toContain('scripts/start.mjs');
    expect(childrenOf(host)).toEqual([]);
    expect(readFileSync(`/proc/${host}/maps`, 'utf8')).not.toMatch(/tsx|esbuild/);
    expect(existsSync(join(ROOT, 'dist', 'electron', 'cli.cjs'))).toBe(true);
    const res = await fetch(new URL('/', url));
    expect(res.status).toBe(200);
  }, 120_000);

  it('stops the host when npm gets SIGTERM (npm forwards it; the shell in between is gone)', async () => {
    const { npm, host } = await start();
    npm.kill('SIGTERM');
    await expect.poll(() => alive(host), { timeout: 10_000 }).toBe(false);
  }, 120_000);

  it('stops the host on Ctrl-C (SIGINT to the whole process group)', async () => {
    const { npm, host } = await start();
    process.kill(-npm.pid!, 'SIGINT');
    await expect.poll(() => alive(host), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => alive(npm.pid!), { timeout: 10_000 }).toBe(false);
  }, 120_000);

  it('stops the host when npm is killed outright and cannot forward anything', async () => {
    const { npm, host } = await start();
    npm.kill('SIGKILL');
    await expect.poll(() => alive(host), { timeout: 10_000 }).toBe(false);
  }, 120_000);
});
