import { z } from 'zod';
import { LocalizedTextSchema, SiteLevelSchema } from './catalog.js';

export const ShellKindSchema = z.enum(['electron', 'browser']);
export type ShellKind = z.infer<typeof ShellKindSchema>;

/**
 * How the screen is mounted, for the reach rule (ADA 308 / EN 301 549: nothing operable above about
 * 1,220 mm): the height of the picture's top edge above the floor and the picture's height, in mm.
 */
export const DisplayMountSchema = z
  .object({
    topEdgeMm: z.number().int().min(300).max(2_600),
    heightMm: z.number().int().min(100).max(2_500),
  })
  .strict()
  .refine((m) => m.topEdgeMm - 1_220 <= (m.heightMm * 2) / 3, {
    message: 'the screen is mounted too high: less than its lower third is within reach (1,220 mm)',
    path: ['topEdgeMm'],
  });
export type DisplayMount = z.infer<typeof DisplayMountSchema>;

export const TerminalInfoSchema = z.object({
  terminalId: z.string().min(1),
  site: z.object({ id: z.string().min(1), name: LocalizedTextSchema, level: SiteLevelSchema }),
  appVersion: z.string().min(1),
  shell: ShellKindSchema,
  /** True when devices are emulated (the default for development and demos). */
  emulatedDevices: z.boolean(),
  /** The county's voice recordings present on this terminal, as clip ids (`zh-CN/home`); served under `county-voice/`. */
  /** The configured mounting; absent, the renderer assumes a floor-standing terminal when the screen is portrait. */
  display: DisplayMountSchema.optional(),
  voiceRecordings: z.array(z.string().regex(/^(zh-CN|en)\/[A-Za-z0-9_@./-]+$/)).max(5_000).optional(),
});
export type TerminalInfo = z.infer<typeof TerminalInfoSchema>;
