// Bundles the Electron shell and the browser host with Vite (Rolldown) in SSR mode, without needing the Electron binary:
//   src-main/shell/electron/main.ts    → dist/electron/main.cjs
//   src-main/shell/electron/preload.ts → dist/electron/preload.cjs
//   src-main/app/cli.ts                → dist/electron/cli.cjs   (the browser host `npm start` runs)
// Both are CommonJS: a sandboxed preload must be, and one format keeps packaging simple.
// `electron` and native modules stay external (electron-builder rebuilds and unpacks those).
// Usage: node scripts/build-electron.mjs [outDir]   (default dist/electron; tests pass a temp dir)
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, process.argv[2] ?? 'dist/electron');

/** Not bundled: provided by Electron, or compiled per platform and loaded from node_modules. */
const EXTERNAL = ['electron', 'better-sqlite3', 'serialport', /^@serialport\//, 'node-hid', 'sharp', /^@img\//];

/** Electron 45 runs Node 22 in the main process and Chromium 140 in the renderer. */
const TARGETS = { main: 'node22', preload: 'chrome140', cli: 'node20' };

async function bundle(name, entry) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // No `process.env.NODE_ENV` shims or public dir copying for a Node bundle.
    publicDir: false,
    ssr: { noExternal: true, external: ['electron', 'better-sqlite3', 'serialport', 'node-hid', 'sharp'], target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: TARGETS[name],
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external: EXTERNAL,
        output: { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false },
      },
    },
  });
}

await rm(outDir, { recursive: true, force: true });
await bundle('main', 'src-main/shell/electron/main.ts');
await bundle('preload', 'src-main/shell/electron/preload.ts');
await bundle('cli', 'src-main/app/cli.ts');
console.log(`built ${outDir}/main.cjs, ${outDir}/preload.cjs and ${outDir}/cli.cjs`);
