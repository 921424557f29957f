import { z } from 'zod';

export const HealthLevelSchema = z.enum(['ok', 'degraded', 'down']);
export type HealthLevel = z.infer<typeof HealthLevelSchema>;

export const HealthCheckSchema = z.object({
  name: z.string().min(1),
  level: HealthLevelSchema,
  /** i18n key under `health.` explaining the state to ops staff. */
  messageKey: z.string().optional(),
});

export const HealthSchema = z.object({
  level: HealthLevelSchema,
  uptimeMs: z.number().int().min(0),
  checks: z.array(HealthCheckSchema),
});
export type Health = z.infer<typeof HealthSchema>;
