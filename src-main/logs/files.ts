// The rolling log files: pino-roll writes `kiosk.<date>.<n>.log` in the logs folder, a new file
// every day and whenever one passes `maxFileBytes` (checked when a write burst ends). After each
// roll the prune here removes files older than `maxAgeMs` and the oldest ones while there are more
// than `maxFiles` or the folder would pass `maxTotalBytes`. (pino-roll's own `limit` is not used:
// its clean-up runs behind the roll and counts differently.)
import { once } from 'node:events';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import pinoRoll from 'pino-roll';
import type { RawLogStream } from './logger.js';

export interface LogFileLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxAgeMs: number;
  maxTotalBytes: number;
}

export const DEFAULT_LOG_LIMITS: LogFileLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxFiles: 10,
  maxAgeMs: 30 * 24 * 3600_000,
  maxTotalBytes: 50 * 1024 * 1024,
};

const LOG_FILE = /^kiosk\.\d{4}-\d{2}-\d{2}\.\d+\.log$/;

export interface LogFileInfo {
  path: string;
  name: string;
  bytes: number;
  mtimeMs: number;
}

/** The log files in `dir`, newest first. */
export function listLogFiles(dir: string): LogFileInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: LogFileInfo[] = [];
  for (const name of names) {
    if (!LOG_FILE.test(name)) continue;
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isFile()) files.push({ path, name, bytes: st.size, mtimeMs: st.mtimeMs });
  }
  return files.sort((a, b) => b.mtimeMs - a.mtimeMs || rollNumber(b.name) - rollNumber(a.name));
}

function rollNumber(name: string): number {
  const parts = name.split('.');
  return Number(parts[parts.length - 2] ?? 0);
}

/**
 * Removes, never touching `keep` (the file being written): files past the age limit, then the oldest
 * while there are more than `maxFiles` or the others take more than the total cap less two files'
 * worth: room for the current file to grow to its size limit and one write burst past it (the
 * size is checked when a burst has drained).
 */
export function pruneLogFiles(dir: string, limits: Omit<LogFileLimits, 'maxFileBytes'> & { maxFileBytes?: number }, keep: string | undefined, now = Date.now()): string[] {
  const removed: string[] = [];
  const others = listLogFiles(dir).filter((f) => !keep || f.name !== basename(keep));
  const budget = limits.maxTotalBytes - (keep ? 2 * (limits.maxFileBytes ?? 0) : 0);
  let total = others.reduce((sum, f) => sum + f.bytes, 0);
  let count = others.length + (keep ? 1 : 0);
  for (const file of [...others].reverse()) {
    if (now - file.mtimeMs <= limits.maxAgeMs && total <= budget && count <= limits.maxFiles) continue;
    try {
      rmSync(file.path);
      total -= file.bytes;
      count -= 1;
      removed.push(file.name);
    } catch {
      // Another process removed it, or it is not ours to remove.
    }
  }
  return removed;
}

export interface LogFileStream extends RawLogStream {
  readonly file: string;
  end(): void;
}

/** Opens the rolling file stream in `dir` (created 0700) and prunes at start and after each roll. */
export async function openLogFiles(dir: string, limits: LogFileLimits = DEFAULT_LOG_LIMITS): Promise<LogFileStream> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stream = (await pinoRoll({
    file: join(dir, 'kiosk'),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    size: `${Math.max(1, Math.floor(limits.maxFileBytes / 1024))}k`,
    mkdir: true,
  })) as unknown as LogFileStream & NodeJS.EventEmitter & { fd: number };
  if (stream.fd < 0) await once(stream, 'ready');
  const prune = () => {
    pruneLogFiles(dir, limits, stream.file);
  };
  prune();
  stream.on('ready', prune);
  stream.on('error', () => undefined);
  return stream;
}
