import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries, importsOf } from '../../scripts/boundaries.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dirs: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('boundary check', () => {
  it('passes on this repository', () => {
    expect(checkBoundaries(projectRoot)).toEqual([]);
  });

  it('fails when drivers import electron or src-main', () => {
    const root = tree({
      'drivers/a.ts': "import { app } from 'electron';\nexport const x = app;",
      'drivers/b.ts': "import { createCore } from '../src-main/app/create-core.js';\nexport const y = createCore;",
      'drivers/c.ts': "const e = require('electron/main');",
    });
    const rules = checkBoundaries(root).map((v) => `${v.file}:${v.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining(['drivers/a.ts:drivers-imports-electron', 'drivers/b.ts:drivers-imports-src-main', 'drivers/c.ts:drivers-imports-electron']),
    );
  });

  it('fails when electron is imported outside src-main/shell/electron, and allows it inside', () => {
    const root = tree({
      'src-main/core/x.ts': "import { ipcMain } from 'electron';",
      'scripts/y.ts': "await import('electron');",
      'src-main/shell/electron/main.ts': "import { app } from 'electron';",
    });
    const found = checkBoundaries(root);
    expect(found.map((v) => v.file).sort()).toEqual(['scripts/y.ts', 'src-main/core/x.ts']);
    expect(found.every((v) => v.rule === 'electron-outside-shell')).toBe(true);
  });

  it('fails when the renderer imports src-main at run time but allows type-only imports', () => {
    const root = tree({
      'src-renderer/ok.ts': [
        "import type { KioskApi } from '../src-main/contract/index.js';",
        "import { type Catalog } from '../src-main/contract/index.js';",
        "export type { Settings } from '../src-main/contract/index.js';",
      ].join('\n'),
      'src-renderer/bad.ts': "import { CALLS } from '../src-main/contract/index.js';\nexport const c = CALLS;",
      'src-renderer/mixed.ts': "import { type Catalog, CALL_NAMES } from '../src-main/contract/index.js';",
    });
    const found = checkBoundaries(root);
    expect(found.map((v) => `${v.file}:${v.rule}`).sort()).toEqual([
      'src-renderer/bad.ts:renderer-imports-src-main',
      'src-renderer/mixed.ts:renderer-imports-src-main',
    ]);
  });

  it('fails when src-main reaches past drivers/index.ts, types included, and allows the index', () => {
    const root = tree({
      'src-main/devices/ok.ts': [
        "import { createDriver } from '../../drivers/index.js';",
        "import type { PortConfig } from '../../drivers/index.js';",
        "export { noopLogger } from '../../drivers/index.ts';",
        "import * as d from '../../drivers';",
      ].join('\n'),
      'src-main/devices/config.ts': "import { SSC_SERIAL } from '../../drivers/ssc/config.js';",
      'src-main/devices/types.ts': "import type { EmulatorHost } from '../../drivers/emulator-kit/host.js';",
      'src-main/app/late.ts': "const m = await import('../../drivers/transports/hid.js');",
      'drivers/ssc/device.ts': "import { Link } from '../link/link.js';",
      'scripts/bench.ts': "import { Framer } from '../drivers/framing/framer.js';",
    });
    const found = checkBoundaries(root);
    expect(found.map((v) => `${v.file}:${v.rule}`).sort()).toEqual([
      'src-main/app/late.ts:src-main-imports-driver-internals',
      'src-main/devices/config.ts:src-main-imports-driver-internals',
      'src-main/devices/types.ts:src-main-imports-driver-internals',
    ]);
  });

  it('reads re-exports, dynamic imports and requires', () => {
    const refs = importsOf('x.ts', "export * from './a.js';\nconst b = await import('./b.js');\nconst c = require('./c.js');");
    expect(refs.map((r) => r.specifier)).toEqual(['./a.js', './b.js', './c.js']);
  });
});
