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

/** A place a log bundle can be written to: the terminal's own folder, or a removable drive (chosen by id, never by path). */
export const BundleTargetSchema = z.object({
  id: z.string().regex(/^(local|usb-[0-9a-f]{12})$/),
  kind: z.enum(['local', 'removable']),
  /** The drive's name (its mount folder), or `bundles` for the terminal's own folder. */
  label: z.string().min(1).max(64),
});
export type BundleTarget = z.infer<typeof BundleTargetSchema>;

/** A written log bundle: its file name, size, SHA-256 (to quote to the county), files in it and logs left out by the cap. */
export const BundleWrittenSchema = z.object({
  name: z.string().min(1).max(200),
  target: BundleTargetSchema,
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  files: z.number().int().min(0),
  omitted: z.number().int().min(0),
});
export type BundleWritten = z.infer<typeof BundleWrittenSchema>;
