import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The first Chromium-family browser found, or undefined. `KIOSK_CHROMIUM` overrides the search. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env['KIOSK_CHROMIUM'];
  if (override) return existsSync(override) ? override : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Command-line flags for a locked-down kiosk window on `url`. */
export function chromiumArgs(url: string, profileDir: string, options: { kiosk: boolean; root: boolean }): string[] {
  const args = [
    `--user-data-dir=${join(profileDir)}`,
    `--app=${url}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--autoplay-policy=no-user-gesture-required',
    '--password-store=basic',
  ];
  if (options.kiosk) args.unshift('--kiosk');
  // Chromium refuses to start as root with its sandbox on; kiosk users should not be root.
  if (options.root) args.push('--no-sandbox');
  return args;
}

/** Opens Chromium on `url`; returns the child so the caller can stop the host when it closes. */
export function launchChromium(binary: string, url: string, profileDir: string): ChildProcess {
  const kiosk = process.env['KIOSK_WINDOWED'] !== '1';
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return spawn(binary, chromiumArgs(url, profileDir, { kiosk, root }), { stdio: 'ignore' });
}
