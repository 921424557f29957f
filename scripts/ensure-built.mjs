// Builds the renderer and the core bundles only when they are missing or older than their sources.
// Used by `npm start` (scripts/start.mjs), `npm run measure:startup` and the e2e global setup.
// Staleness is a cheap mtime comparison: the newest file under the inputs against the oldest output
// (a few hundred stat calls, a few milliseconds). A checkout or an edit makes files newer, so it rebuilds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The browser-host entry that `npm start` runs (Node, CommonJS, natives external). */
export const CLI_BUNDLE = join(ROOT, 'dist', 'electron', 'cli.cjs');

const CORE = {
  label: 'core',
  inputs: ['src-main', 'drivers', 'package.json', 'package-lock.json', 'scripts/build-electron.mjs'],
  outputs: ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/cli.cjs'],
  command: [join(ROOT, 'scripts', 'build-electron.mjs')],
};

const RENDERER = {
  label: 'touch UI',
  // The renderer imports the contract's types and the locales; the face assets plugin lives in scripts/.
  inputs: ['src-renderer', 'src-main/contract', 'scripts/vite-face-assets.ts', 'scripts/face/packages.ts', 'scripts/vite-voice-assets.ts', 'assets/voice', 'package.json', 'package-lock.json'],
  outputs: ['dist/renderer/index.html'],
  command: [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'],
};

/** Newest mtime of a file, or of every file under a directory (0 when the path does not exist). */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** True when any output is missing or older than the newest input. */
export function isStale(target, root = ROOT) {
  let oldestOutput = Infinity;
  for (const output of target.outputs) {
    const full = join(root, output);
    if (!existsSync(full)) return true;
    oldestOutput = Math.min(oldestOutput, statSync(full).mtimeMs);
  }
  const newestInput = Math.max(...target.inputs.map((input) => newestMtime(join(root, input))));
  return newestInput > oldestOutput;
}

function build(target, quiet) {
  if (!quiet) console.error(`Building the ${target.label}…`);
  const result = spawnSync(process.execPath, target.command, { cwd: ROOT, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`The ${target.label} build failed (exit ${result.status ?? result.signal}).`);
}

/** Builds what is stale; returns the labels it built. */
export function ensureBuilt({ renderer = true, core = true, quiet = false } = {}) {
  const built = [];
  for (const [wanted, target] of [[renderer, RENDERER], [core, CORE]]) {
    if (wanted && isStale(target)) {
      build(target, quiet);
      built.push(target.label);
    }
  }
  return built;
}

export const TARGETS = { core: CORE, renderer: RENDERER };

// `node scripts/ensure-built.mjs`: build what is stale (measure-startup and the e2e setup run this).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureBuilt({ quiet: process.argv.includes('--quiet') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
