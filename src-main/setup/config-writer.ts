import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Configuration versions kept in `config-history/` (the newest ones; older are left to ops to prune). */
export const HISTORY_DIR = 'config-history';

/** The `configVersion` of `<dataDir>/config.json`, 0 if there is none or it cannot be read. */
export function currentConfigVersion(dataDir: string): number {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')) as { configVersion?: unknown };
    return typeof value.configVersion === 'number' && Number.isInteger(value.configVersion) && value.configVersion > 0 ? value.configVersion : 0;
  } catch {
    return 0;
  }
}

function fsyncDir(dir: string): void {
  // A directory fsync makes the rename itself durable; not every platform allows opening one.
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows: renames are durable through the file system journal.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `<dataDir>/config.json` so that a power cut leaves either the old file or the new one, never
 * a torn one: the new text goes to a temporary file (0600), is fsynced, and renamed over the old. The
 * file gets the next `configVersion`, and the one it replaces is kept as `config-history/config.<v>.json`.
 * Returns the version written; throws the file system's error if it could not be written (the old file stands).
 */
export function writeConfigAtomically(dataDir: string, config: Record<string, unknown>): number {
  const file = join(dataDir, 'config.json');
  const previous = currentConfigVersion(dataDir);
  const version = previous + 1;
  if (existsSync(file)) {
    const history = join(dataDir, HISTORY_DIR);
    mkdirSync(history, { recursive: true, mode: 0o700 });
    copyFileSync(file, join(history, `config.${previous}.json`));
    fsyncDir(history);
  }
  const text = `${JSON.stringify({ ...config, configVersion: version }, null, 2)}\n`;
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(dataDir);
  return version;
}
