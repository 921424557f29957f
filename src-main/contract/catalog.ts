import { z } from 'zod';

export const LocalizedTextSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const DEVICE_KINDS = ['cardReader', 'idReader', 'pinPad', 'cardPrinter', 'camera', 'docCamera'] as const;
export const DeviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

export const SITE_LEVELS = ['township', 'village', 'outlet'] as const;
export const SiteLevelSchema = z.enum(SITE_LEVELS);
export type SiteLevel = z.infer<typeof SiteLevelSchema>;

/** Why a listed service cannot be used here now; the UI shows `catalog.disabled.<reason>`. */
export const DISABLED_REASONS = ['counterOnly', 'deviceMissing', 'deviceFault', 'needsNetwork', 'cannotRecord', 'notAtThisSite'] as const;
export const DisabledReasonSchema = z.enum(DISABLED_REASONS);
export type DisabledReason = z.infer<typeof DisabledReasonSchema>;

/**
 * The pictures a catalog can give a category or a service: the terminal ships these (lucide icons),
 * so a county changes a tile's picture in its catalog, without a release, by naming one of them.
 */
export const CATALOG_ICONS = [
  'badge-check',
  'clipboard-list',
  'credit-card',
  'file-text',
  'hand-coins',
  'hand-heart',
  'hourglass',
  'id-card',
  'inbox',
  'info',
  'key-round',
  'map-pin',
  'megaphone',
  'piggy-bank',
  'printer',
  'receipt',
  'rectangle-ellipsis',
  'scan-face',
  'shield-off',
  'star',
  'user-pen',
  'wallet',
] as const;
export const CatalogIconSchema = z.enum(CATALOG_ICONS);
export type CatalogIcon = z.infer<typeof CatalogIconSchema>;

export const CategorySchema = z.object({
  id: z.string().min(1),
  name: LocalizedTextSchema,
  icon: CatalogIconSchema.optional(),
});
export type Category = z.infer<typeof CategorySchema>;

export const ServiceEntrySchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  name: LocalizedTextSchema,
  /** Absent: the tile shows its category's picture. */
  icon: CatalogIconSchema.optional(),
  channel: z.enum(['terminal', 'counter']),
  devices: z.array(DeviceKindSchema),
  online: z.boolean(),
  enabled: z.boolean(),
  disabledReason: DisabledReasonSchema.optional(),
});
export type ServiceEntry = z.infer<typeof ServiceEntrySchema>;

/** The site's list of services, grouped by category (categories keep catalog order). */
export const CatalogSchema = z.object({
  version: z.string().min(1),
  categories: z.array(CategorySchema),
  services: z.array(ServiceEntrySchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;
