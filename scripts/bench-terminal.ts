// The terminal the browser benches run against: the core from source on emulated devices, headless,
// in a throwaway data directory, on embedded defaults.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '..');

export interface BenchTerminal {
  url: string;
  /** The core's resident set size (Linux /proc), in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

/** Starts the terminal and resolves once it prints KIOSK_READY; `name` labels the data directory. */
export async function startBenchTerminal(name: string): Promise<BenchTerminal> {
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-`));
  writeFileSync(join(dataDir, 'config.json'), '{}');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/app/cli.ts'), '--headless', '--quiet', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ url: string }>((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`terminal exited early (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('KIOSK_READY ')) resolvePromise(JSON.parse(line.slice('KIOSK_READY '.length)) as { url: string });
    });
  });
  return {
    url: ready.url,
    rss() {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) * 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
