import { z } from 'zod';

export const HealthLevelSchema = z.enum(['ok', 'degraded', 'down']);
export type HealthLevel = z.infer<typeof HealthLevelSchema>;

/** The parts of the terminal the core reports on; each has a name for ops staff under `admin.healthCheck.`. */
export const HealthPartSchema = z.enum(['core', 'devices', 'outbox', 'county']);
export type HealthPart = z.infer<typeof HealthPartSchema>;

/** Why a part is not ok; each has an explanation for ops staff under `admin.healthMessage.`. */
export const HealthMessageSchema = z.enum(['devicesUnavailable', 'cannotRecord', 'deadLetters', 'countyUnreachable']);
export type HealthMessage = z.infer<typeof HealthMessageSchema>;

export const HealthCheckSchema = z.object({
  name: HealthPartSchema,
  level: HealthLevelSchema,
  messageKey: HealthMessageSchema.optional(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const HealthSchema = z.object({
  level: HealthLevelSchema,
  uptimeMs: z.number().int().min(0),
  checks: z.array(HealthCheckSchema),
});
export type Health = z.infer<typeof HealthSchema>;
