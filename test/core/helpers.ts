import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigSchema, CatalogFileSchema, type Config } from '../../src-main/config/schema.js';
import { PROJECT_ROOT } from '../../src-main/config/load.js';
import { KioskCore } from '../../src-main/core/kiosk-core.js';

export const catalogFile = CatalogFileSchema.parse(
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'assets/catalog/county-catalog.json'), 'utf8')),
);

/** A core on the embedded defaults, with overrides, a fixed terminal id and an injectable clock. */
export function makeCore(overrides: Record<string, unknown> = {}, now?: () => number): KioskCore {
  const config: Config = ConfigSchema.parse(overrides);
  return new KioskCore({
    config,
    catalogFile,
    terminalId: 'T-TEST0001',
    appVersion: '0.0.0-test',
    shell: 'browser',
    ...(now ? { now } : {}),
  });
}
