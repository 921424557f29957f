// `npm start`: runs the terminal on embedded defaults. Electron where its binary exists, otherwise the
// browser host (opening Chromium in kiosk/app mode when there is one, printing the URL when not).
// Flags: --headless (host only, no window), --browser (skip Electron), --port N, --data-dir DIR.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const wantBrowser = args.includes('--headless') || args.includes('--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function run(command, commandArgs, label) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

// Build the renderer when it is missing or older than its sources.
const builtIndex = join(root, 'dist', 'renderer', 'index.html');
const stale = !existsSync(builtIndex) || newestMtime(join(root, 'src-renderer')) > statSync(builtIndex).mtimeMs;
if (stale) {
  console.error('Building the touch UI…');
  run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'], 'Renderer build');
}

function electronBinary() {
  const pkgDir = join(root, 'node_modules', 'electron');
  if (!existsSync(pkgDir)) return undefined;
  const pathFile = join(pkgDir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
  // A failed fetch is remembered for a day so an offline kiosk does not retry on every start.
  const marker = join(root, 'node_modules', '.cache', 'kiosk', 'electron-unavailable');
  const recentlyFailed = existsSync(marker) && Date.now() - statSync(marker).mtimeMs < 86_400_000 && !process.env.KIOSK_RETRY_ELECTRON;
  if (!installed() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !recentlyFailed) {
    // Electron fetches its binary on first use; where that cannot happen we fall back to the browser host.
    console.error('Fetching the Electron binary (first run)…');
    spawnSync(process.execPath, [join(pkgDir, 'install.js')], { cwd: pkgDir, stdio: 'ignore', timeout: 180_000 });
    if (!installed()) {
      mkdirSync(dirname(marker), { recursive: true });
      writeFileSync(marker, `${new Date().toISOString()}\n`);
    }
  }
  return installed() ? join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
}

const electron = wantBrowser ? undefined : electronBinary();
let child;
if (electron) {
  run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], 'Electron build');
  child = spawn(electron, [join(root, 'dist', 'electron', 'main.cjs'), ...args], { cwd: root, stdio: 'inherit' });
} else {
  if (!wantBrowser) console.error('No Electron binary here: running the browser host.');
  const passThrough = args.filter((a) => a !== '--browser');
  child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main', 'app', 'cli.ts'), ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
