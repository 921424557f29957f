import { createHash } from 'node:crypto';
import { accessSync, constants, createWriteStream, fsyncSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import yazl from 'yazl';
import type { BundleTarget } from '../contract/ops.js';
import type { Config } from '../config/schema.js';
import { listLogFiles } from './files.js';

/** The most a bundle holds before compression: logs past it are left out, newest kept (and listed). */
export const BUNDLE_MAX_BYTES = 64 * 1024 * 1024;

export interface BundleDocuments {
  /** Terminal identity, health, devices and queue as the ops screens see them (no personal data). */
  status: unknown;
  /** The configuration, secrets removed (configForBundle). */
  config: unknown;
}

export interface BundleOptions {
  logsDir: string;
  outDir: string;
  terminalId: string;
  appVersion: string;
  documents: BundleDocuments;
  maxBytes?: number;
  now?: () => number;
}

export interface BundleResult {
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  /** Files in the bundle, the manifest aside. */
  files: number;
  /** Log files left out to keep under the cap. */
  omitted: string[];
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The configuration as it may leave the terminal: the technician PIN hash and the enrolment code removed. */
export function configForBundle(config: Config): unknown {
  const copy = structuredClone(config) as Config & { county: { enrolmentCode?: string } };
  copy.admin = { ...copy.admin, pinHash: '[removed]' };
  if (copy.county.enrolmentCode !== undefined) copy.county.enrolmentCode = '[removed]';
  return copy;
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');

/**
 * Writes one zip for the county: the log files (newest first, up to the cap), `status.json`,
 * `config.json` (secrets removed) and `manifest.json` with each file's size and SHA-256. It is
 * written beside its final name and renamed into place once complete and flushed, so a pulled
 * drive never holds half a bundle under the real name.
 */
export async function writeLogBundle(o: BundleOptions): Promise<BundleResult> {
  const now = o.now?.() ?? Date.now();
  const maxBytes = o.maxBytes ?? BUNDLE_MAX_BYTES;
  const entries: { name: string; data: Buffer }[] = [
    { name: 'status.json', data: Buffer.from(`${JSON.stringify(o.documents.status, null, 2)}\n`) },
    { name: 'config.json', data: Buffer.from(`${JSON.stringify(o.documents.config, null, 2)}\n`) },
  ];
  let total = entries.reduce((sum, e) => sum + e.data.length, 0);
  const omitted: string[] = [];
  for (const file of listLogFiles(o.logsDir)) {
    let data: Buffer;
    try {
      data = readFileSync(file.path); // a snapshot: the current file may grow while the bundle is made
    } catch {
      omitted.push(file.name);
      continue;
    }
    if (total + data.length > maxBytes) {
      omitted.push(file.name);
      continue;
    }
    total += data.length;
    entries.push({ name: `logs/${file.name}`, data });
  }
  const manifest = {
    format: 1,
    terminalId: o.terminalId,
    appVersion: o.appVersion,
    createdAt: new Date(now).toISOString(),
    maxBytes,
    files: entries.map((e) => ({ name: e.name, bytes: e.data.length, sha256: sha256(e.data) })),
    omitted,
  };
  entries.push({ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });

  mkdirSync(o.outDir, { recursive: true });
  const name = `kiosk-logs-${o.terminalId}-${stamp(now)}.zip`;
  const path = join(o.outDir, name);
  const partial = `${path}.partial`;
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: new Date(now), mode: 0o100600 });
  zip.end();
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(partial, { mode: 0o600 });
      out.on('error', reject);
      out.on('close', resolve);
      zip.outputStream.on('error', reject);
      zip.outputStream.pipe(out);
    });
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const written = readFileSync(path);
  return { name, path, bytes: written.length, sha256: sha256(written), files: entries.length - 1, omitted };
}

/**
 * Where a bundle can go: the terminal's own `bundles/` folder, and each removable drive mounted
 * under `roots` (a folder there, writable, on another device than its parent: a mount point).
 * Targets are chosen by id; a path never comes from the screen.
 */
export function listBundleTargets(dataDir: string, roots: readonly string[] = removableRoots()): (BundleTarget & { path: string })[] {
  const targets: (BundleTarget & { path: string })[] = [{ id: 'local', kind: 'local', label: 'bundles', path: join(dataDir, 'bundles') }];
  const seen = new Set<string>();
  for (const root of roots) {
    for (const dir of subdirs(root)) {
      if (seen.has(dir) || !isMountPoint(dir) || !writable(dir)) continue;
      seen.add(dir);
      targets.push({ id: `usb-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`, kind: 'removable', label: basename(dir).slice(0, 64), path: dir });
    }
  }
  return targets;
}

/** Where desktop Linux mounts removable drives: /media/<user>/<label>, /run/media/<user>/<label>, /media/<label>. */
function removableRoots(): string[] {
  const roots = ['/media'];
  for (const base of ['/media', '/run/media']) for (const user of subdirs(base)) roots.push(user);
  return roots;
}

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(dir, d.name));
  } catch {
    return [];
  }
}

function isMountPoint(dir: string): boolean {
  try {
    return statSync(dir).dev !== statSync(dirname(dir)).dev;
  } catch {
    return false;
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
