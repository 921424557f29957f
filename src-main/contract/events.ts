import { z } from 'zod';
import { SettingsSchema } from './settings.js';
import { HealthSchema } from './health.js';
import { DeviceStatusListSchema, QueueStatusSchema } from './ops.js';
import { FlowViewSchema } from './flows.js';

/** Events flow core → UI only; they are queued until the renderer calls `rendererReady`. */
export const KioskEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('session.ended'),
    sessionId: z.string(),
    reason: z.enum(['user', 'idle', 'completed', 'replaced']),
  }),
  z.object({ type: z.literal('settings.changed'), settings: SettingsSchema }),
  z.object({ type: z.literal('health.changed'), health: HealthSchema }),
  z.object({ type: z.literal('catalog.changed'), version: z.string() }),
  z.object({ type: z.literal('devices.changed'), devices: DeviceStatusListSchema.shape.devices }),
  z.object({ type: z.literal('queue.changed'), queue: QueueStatusSchema }),
  /** The running flow's new view (its step, masked fields, digit counts; never a PIN or full number). */
  z.object({ type: z.literal('flow.changed'), view: FlowViewSchema }),
  /** A new core took over (the configuration changed): what the terminal is, its settings and services are to be read again. */
  z.object({ type: z.literal('terminal.changed') }),
]);
export type KioskEvent = z.infer<typeof KioskEventSchema>;
export type KioskEventType = KioskEvent['type'];
