import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SetupProblem, TerminalMode } from '../contract/terminal.js';
import { ConfigError, loadCatalogFile, loadConfig } from './load.js';
import { parsePinHash, verifyPin } from './pin-hash.js';
import { ConfigSchema, type CatalogFile, type Config } from './schema.js';

/** The published demo technician PIN; a site terminal whose PIN hash accepts it is not configured. */
const DEMO_PIN = '246810';

/**
 * Which mode the terminal runs in. A packaged build is always a site terminal, whatever it is told.
 * Otherwise an explicit request (`--mode`, `KIOSK_MODE`) wins, then the configuration file's `mode`,
 * and a checkout with neither is a demo.
 */
export function resolveMode(o: { packaged: boolean; requested?: string | undefined; fileMode?: unknown }): TerminalMode {
  if (o.packaged) return 'site';
  if (o.requested !== undefined && o.requested !== '') {
    if (o.requested !== 'demo' && o.requested !== 'site') throw new Error(`the mode must be demo or site, not ${JSON.stringify(o.requested.slice(0, 20))}`);
    return o.requested;
  }
  return o.fileMode === 'site' ? 'site' : 'demo';
}

export type RawConfig = { kind: 'missing' } | { kind: 'unreadable' } | { kind: 'invalid_json' } | { kind: 'ok'; value: unknown };

/** Reads `<dataDir>/config.json` without judging it. */
export function readRawConfig(dataDir: string): RawConfig {
  const file = join(dataDir, 'config.json');
  if (!existsSync(file)) return { kind: 'missing' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { kind: 'unreadable' };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid_json' };
  }
}

/** The `mode` a configuration file asks for, if it can be read at all. */
export function fileMode(raw: RawConfig): unknown {
  return raw.kind === 'ok' && raw.value !== null && typeof raw.value === 'object' ? (raw.value as { mode?: unknown }).mode : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What a site terminal's configuration lacks or takes from the demo defaults: its own site, an
 * https county backend (not the embedded reference one), its own technician PIN (not the demo
 * PIN), and its list of fitted devices (none emulated). `config` is the parsed file.
 */
export function siteProblems(raw: Record<string, unknown>, config: Config): SetupProblem[] {
  const problems: SetupProblem[] = [];
  if (raw['siteId'] === undefined) problems.push({ field: 'siteId', code: 'required_on_site' });
  const county = isObject(raw['county']) ? raw['county'] : {};
  if (county['url'] === undefined) problems.push({ field: 'county.url', code: 'required_on_site' });
  else if (config.county.url === 'embedded') problems.push({ field: 'county.url', code: 'demo_only' });
  const admin = isObject(raw['admin']) ? raw['admin'] : {};
  if (admin['pinHash'] === undefined) problems.push({ field: 'admin.pinHash', code: 'required_on_site' });
  else {
    const hash = parsePinHash(config.admin.pinHash);
    if (typeof hash !== 'string' && verifyPin(DEMO_PIN, hash)) problems.push({ field: 'admin.pinHash', code: 'demo_only' });
  }
  if (raw['devices'] === undefined) problems.push({ field: 'devices', code: 'required_on_site' });
  else config.devices.forEach((d, i) => d.driver === 'emulator' && problems.push({ field: `devices.${i}.driver`, code: 'demo_only' }));
  return problems;
}

export type SiteConfigResult = { ok: true; config: Config; catalogFile: CatalogFile } | { ok: false; problems: SetupProblem[] };

/**
 * A site terminal's configuration and catalog, or every reason they cannot be used: never an
 * exception, and never a demo default filled in, so the terminal can say what is wrong instead of
 * stopping (or worse, serving on demo defaults).
 */
export function loadSiteConfig(dataDir: string, appRoot: string): SiteConfigResult {
  const raw = readRawConfig(dataDir);
  if (raw.kind === 'missing') return { ok: false, problems: [{ field: '(file)', code: 'missing_file' }] };
  if (raw.kind === 'unreadable') return { ok: false, problems: [{ field: '(file)', code: 'unreadable' }] };
  if (raw.kind === 'invalid_json') return { ok: false, problems: [{ field: '(file)', code: 'invalid_json' }] };
  if (!isObject(raw.value)) return { ok: false, problems: [{ field: '(file)', code: 'invalid_value' }] };
  const parsed = ConfigSchema.safeParse(raw.value);
  if (!parsed.success) {
    // A key the schema does not know is named itself (a key is never a secret; its value is never shown).
    const paths = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]));
    const fields = [...new Set(paths.map((path) => path.join('.') || '(file)'))];
    return { ok: false, problems: fields.slice(0, 100).map((field) => ({ field: field.slice(0, 200), code: 'invalid_value' as const })) };
  }
  const problems = siteProblems(raw.value, parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, config: parsed.data, catalogFile: loadCatalogFile(parsed.data, appRoot) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const field = error.issues.some((i) => i.startsWith('siteId')) ? 'siteId' : 'catalogFile';
    return { ok: false, problems: [{ field, code: 'invalid_value' }] };
  }
}

/** Whether the data directory's configuration would give a terminal in service in this mode (never throws). */
export function configUsable(dataDir: string, appRoot: string, mode: TerminalMode): boolean {
  if (mode === 'site') return loadSiteConfig(dataDir, appRoot).ok;
  try {
    loadCatalogFile(loadConfig(dataDir), appRoot);
    return true;
  } catch {
    return false;
  }
}
