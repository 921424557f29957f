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

export const CategorySchema = z.object({
  id: z.string().min(1),
  name: LocalizedTextSchema,
});
export type Category = z.infer<typeof CategorySchema>;

export const ServiceEntrySchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  name: LocalizedTextSchema,
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
