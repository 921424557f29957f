// `npm start`: runs the terminal on embedded defaults. Electron where its binary exists, otherwise the
// browser host (opening Chromium in kiosk/app mode when there is one, printing the URL when not).
// Flags: --headless (host only, no window), --browser (skip Electron), --port N, --data-dir DIR,
// --from-source (run the core's TypeScript through tsx instead of the bundle: slower to start, no build).
//
// The core runs from the bundle that the Electron build makes (dist/electron/cli.cjs), built only when
// missing or older than its sources, and in this process: no TypeScript loader at run time and no
// extra process to forward signals to.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setInterval } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, ROOT as root, ensureBuilt } from './ensure-built.mjs';

const args = process.argv.slice(2);
const wantBrowser = args.includes('--headless') || args.includes('--browser');
const fromSource = args.includes('--from-source');

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

/**
 * Stops with the process that started us: when npm is killed outright (SIGKILL), nobody forwards a
 * signal, and a kiosk host left running would hold the port and the outbox. A changed parent means
 * ours is gone; stop as on SIGTERM.
 */
function stopWithParent() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}

try {
  ensureBuilt({ core: !fromSource });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const electron = wantBrowser ? undefined : electronBinary();
if (electron) {
  const child = spawn(electron, [join(root, 'dist', 'electron', 'main.cjs'), ...args.filter((a) => a !== '--from-source')], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  stopWithParent();
} else {
  if (!wantBrowser) console.error('No Electron binary here: running the browser host.');
  const passThrough = args.filter((a) => a !== '--browser' && a !== '--from-source');
  if (fromSource) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main', 'app', 'cli.ts'), ...passThrough], { cwd: root, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  } else {
    // The CLI reads its flags from process.argv and installs its own SIGINT/SIGTERM handlers.
    process.argv = [process.argv[0], CLI_BUNDLE, ...passThrough];
    await import(pathToFileURL(CLI_BUNDLE).href);
  }
  stopWithParent();
}
