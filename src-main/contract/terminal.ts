import { z } from 'zod';
import { LocalizedTextSchema, SiteLevelSchema } from './catalog.js';

export const ShellKindSchema = z.enum(['electron', 'browser']);
export type ShellKind = z.infer<typeof ShellKindSchema>;

export const TerminalInfoSchema = z.object({
  terminalId: z.string().min(1),
  site: z.object({ id: z.string().min(1), name: LocalizedTextSchema, level: SiteLevelSchema }),
  appVersion: z.string().min(1),
  shell: ShellKindSchema,
  /** True when devices are emulated (the default for development and demos). */
  emulatedDevices: z.boolean(),
  /** The county's voice recordings present on this terminal, as clip ids (`zh-CN/home`); served under `county-voice/`. */
  voiceRecordings: z.array(z.string().regex(/^(zh-CN|en)\/[A-Za-z0-9_@./-]+$/)).max(5_000).optional(),
});
export type TerminalInfo = z.infer<typeof TerminalInfoSchema>;
