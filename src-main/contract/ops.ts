import { z } from 'zod';
import { DeviceKindSchema } from './catalog.js';

/** A device's state as ops staff see it; `messageKey` is an i18n key under `devices.message.`. */
export const DeviceStateSchema = z.enum(['ready', 'busy', 'fault', 'disconnected', 'reconnecting', 'absent']);
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const DeviceStatusSchema = z.object({
  kind: DeviceKindSchema,
  driver: z.enum(['emulator', 'serial', 'hid', 'tcp', 'browser']),
  state: DeviceStateSchema,
  messageKey: z.string().max(80).optional(),
  /** Last successful heartbeat (ISO time). */
  lastSeenAt: z.string().optional(),
  /** Reconnect attempts since the device was lost. */
  reconnectAttempts: z.number().int().min(0),
  /** Firmware / model text reported by the device; never personal data. */
  info: z.string().max(120).optional(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export const DeviceStatusListSchema = z.object({ devices: z.array(DeviceStatusSchema) });
export type DeviceStatusList = z.infer<typeof DeviceStatusListSchema>;

/** The offline outbox as ops staff see it. */
export const QueueStatusSchema = z.object({
  depth: z.number().int().min(0),
  oldestAgeMs: z.number().int().min(0).nullable(),
  deadLetters: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  /** Whether the terminal can record new transactions (false: "please go to the counter"). */
  accepting: z.boolean(),
  sync: z.enum(['idle', 'syncing', 'backoff', 'paused', 'breaker_open', 'offline']),
});
export type QueueStatus = z.infer<typeof QueueStatusSchema>;

export const DeadLetterSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  reason: z.string().max(300),
  movedAt: z.string(),
  attempts: z.number().int().min(0),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
