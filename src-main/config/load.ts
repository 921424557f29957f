import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CatalogFileSchema, ConfigSchema, type CatalogFile, type Config } from './schema.js';

/** The project root (two levels above this file), where `assets/` lives. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A configuration file that cannot be used; `issues` are safe to show to a technician. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`configuration ${file} is invalid: ${issues.join('; ')}`);
  }
}

const describe = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, [error instanceof SyntaxError ? 'not valid JSON' : 'cannot be read']);
  }
}

/** Reads `<dataDir>/config.json` over the embedded defaults; a missing file means all defaults. */
export function loadConfig(dataDir: string): Config {
  const file = join(dataDir, 'config.json');
  const raw = existsSync(file) ? readJson(file) : {};
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, describe(parsed.error));
  return parsed.data;
}

/** Reads and checks the county catalog named by the configuration; relative paths resolve against `appRoot`. */
export function loadCatalogFile(config: Config, appRoot: string = PROJECT_ROOT): CatalogFile {
  const file = isAbsolute(config.catalogFile) ? config.catalogFile : join(appRoot, config.catalogFile);
  const parsed = CatalogFileSchema.safeParse(readJson(file));
  if (!parsed.success) throw new ConfigError(file, describe(parsed.error));
  const catalog = parsed.data;
  const categoryIds = new Set(catalog.categories.map((c) => c.id));
  const orphans = catalog.services.filter((s) => !categoryIds.has(s.category)).map((s) => `${s.id}: unknown category ${s.category}`);
  if (orphans.length > 0) throw new ConfigError(file, orphans);
  if (!catalog.sites.some((s) => s.id === config.siteId)) {
    throw new ConfigError(file, [`siteId ${config.siteId} is not a site of this catalog`]);
  }
  return catalog;
}

const IdentitySchema = z.object({ terminalId: z.string().min(1) });

/** The terminal's identity, created on first start and kept in the data directory. */
export function loadOrCreateIdentity(dataDir: string): { terminalId: string } {
  const file = join(dataDir, 'terminal.json');
  if (existsSync(file)) {
    const parsed = IdentitySchema.safeParse(readJson(file));
    if (!parsed.success) throw new ConfigError(file, describe(parsed.error));
    return parsed.data;
  }
  const identity = { terminalId: `T-${randomUUID().slice(0, 8).toUpperCase()}` };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  return identity;
}
