import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let out: string;
let main: string;
let preload: string;
let cli: string;

const requiresOf = (source: string) => [...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
const isBuiltin = (id: string) => id.startsWith('node:') || builtinModules.includes(id);

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'kiosk-electron-build-'));
  // The real script, as `npm run build:electron` runs it, into a temp dir (no Electron binary needed).
  execFileSync(process.execPath, ['scripts/build-electron.mjs', out], { cwd: root, stdio: 'pipe' });
  main = readFileSync(join(out, 'main.cjs'), 'utf8');
  preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
  cli = readFileSync(join(out, 'cli.cjs'), 'utf8');
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('scripts/build-electron.mjs', () => {
  it('produces the main, preload and browser-host (cli) bundles', () => {
    expect(existsSync(join(out, 'main.cjs'))).toBe(true);
    expect(existsSync(join(out, 'preload.cjs'))).toBe(true);
    expect(existsSync(join(out, 'cli.cjs'))).toBe(true);
  });

  it('emits CommonJS that parses as a Node module body, with no import.meta left', () => {
    for (const source of [main, preload, cli]) {
      expect(() => new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`)).not.toThrow();
      expect(source).not.toMatch(/\bimport\.meta\b/);
      expect(source).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it('keeps the preload free of zod and of everything but electron', () => {
    expect(preload).not.toMatch(/zod/i);
    expect(requiresOf(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("kiosk"');
  });

  it('bundles the core into main, leaving only electron, natives and Node built-ins external', () => {
    const external = requiresOf(main).filter((id) => !isBuiltin(id));
    const allowed = new Set(['electron', 'better-sqlite3', 'serialport', 'node-hid', 'sharp']);
    expect(external).toContain('electron');
    expect(external.filter((id) => !allowed.has(id))).toEqual([]);
    expect(main).toMatch(/["']kiosk:call["']/);
    expect(main).toContain("default-src 'self'");
  });
});

describe('the browser-host bundle (what npm start runs)', () => {
  it('bundles the core, leaving only natives and Node built-ins external (never electron, never tsx)', () => {
    const external = requiresOf(cli).filter((id) => !isBuiltin(id));
    const allowed = new Set(['better-sqlite3', 'serialport', 'node-hid', 'sharp']);
    expect(external.filter((id) => !allowed.has(id))).toEqual([]);
    expect(cli).toContain('KIOSK_READY');
    expect(cli).not.toMatch(/require\("(electron|tsx)"\)/);
  });
});
