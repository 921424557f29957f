import { CatalogIconSchema, type Catalog, type CatalogIcon, type DeviceKind, type DisabledReason, type ServiceEntry } from '../contract/catalog.js';
import type { CatalogFile } from '../config/schema.js';

export interface CatalogContext {
  siteId: string;
  /** Devices fitted to this terminal. */
  devices: ReadonlySet<DeviceKind>;
  /** Whether the county backend is reachable; `unknown` counts as reachable. */
  network: 'up' | 'down' | 'unknown';
  /** Fitted devices that are not working now (fault, unplugged, reconnecting). */
  unavailable?: ReadonlySet<DeviceKind>;
  /** False when the outbox cannot take records (disk or row cap): services go to the counter. */
  accepting?: boolean;
}

function disabledReason(
  service: CatalogFile['services'][number],
  context: CatalogContext,
): DisabledReason | undefined {
  if (service.channel === 'counter') return 'counterOnly';
  if (service.devices.some((d) => !context.devices.has(d))) return 'deviceMissing';
  if (service.devices.some((d) => context.unavailable?.has(d))) return 'deviceFault';
  if (service.online && context.network === 'down') return 'needsNetwork';
  // Every terminal service records a transaction; with no room to record, send residents to the counter.
  if (context.accepting === false) return 'cannotRecord';
  return undefined;
}

/** The site's list of services: those moved down to its level, in catalog order, each with its state. */
/** A catalog's icon name if this release ships that picture; otherwise none, and the tile falls back. */
function knownIcon(name: string | undefined): CatalogIcon | undefined {
  const parsed = CatalogIconSchema.safeParse(name);
  return parsed.success ? parsed.data : undefined;
}

export function buildCatalog(file: CatalogFile, context: CatalogContext): Catalog {
  const site = file.sites.find((s) => s.id === context.siteId);
  if (!site) throw new Error(`site ${context.siteId} missing from catalog ${file.version}`);
  const listed = new Set(file.siteServices[site.level] ?? []);
  const services: ServiceEntry[] = file.services
    .filter((s) => listed.has(s.id))
    .map((s) => {
      const reason = disabledReason(s, context);
      const entry: ServiceEntry = {
        id: s.id,
        category: s.category,
        name: s.name,
        channel: s.channel,
        devices: s.devices,
        online: s.online,
        enabled: reason === undefined,
      };
      if (reason) entry.disabledReason = reason;
      const icon = knownIcon(s.icon);
      if (icon) entry.icon = icon;
      return entry;
    });
  const usedCategories = new Set(services.map((s) => s.category));
  return {
    version: file.version,
    categories: file.categories
      .filter((c) => usedCategories.has(c.id))
      .map((c) => {
        const icon = knownIcon(c.icon);
        return icon ? { id: c.id, name: c.name, icon } : { id: c.id, name: c.name };
      }),
    services,
  };
}
