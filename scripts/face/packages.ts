// Where the face model packages sit on disk (they do not export their package.json).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of an installed package: up from its resolved entry to the package.json naming it. */
export function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`package ${name} not found above ${require.resolve(name)}`);
    dir = up;
  }
}

export const HUMAN_DIR = packageDir('@vladmandic/human');
export const TFJS_WASM_DIST = join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
