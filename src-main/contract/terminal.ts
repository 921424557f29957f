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

/**
 * `demo`: what `npm start` runs from a checkout (emulators, the embedded reference county, the demo
 * PIN, a visible demo mark). `site`: a packaged build or an explicit setting; it never falls back to
 * any demo default.
 */
export const TerminalModeSchema = z.enum(['demo', 'site']);
export type TerminalMode = z.infer<typeof TerminalModeSchema>;

/**
 * Why a site terminal's configuration cannot be used, one entry per problem: which field (a dotted
 * path, `(file)` for the file itself) and what is wrong, as a code the technician screen explains.
 */
export const SetupProblemCodeSchema = z.enum(['missing_file', 'unreadable', 'invalid_json', 'invalid_value', 'required_on_site', 'demo_only']);
export type SetupProblemCode = z.infer<typeof SetupProblemCodeSchema>;
export const SetupProblemSchema = z.object({ field: z.string().min(1).max(200), code: SetupProblemCodeSchema });
export type SetupProblem = z.infer<typeof SetupProblemSchema>;

/** A terminal that cannot serve residents at all, and why (residents see a notice, technicians the problems). */
export const OutOfServiceSchema = z.object({
  reason: z.enum(['unconfigured']),
  problems: z.array(SetupProblemSchema).max(100),
});
export type OutOfService = z.infer<typeof OutOfServiceSchema>;

export const TerminalInfoSchema = z.object({
  /** The terminal's own id, made at its first start and kept in its data directory. */
  terminalId: z.string().min(1),
  /** The id the county backend gave this terminal when it enrolled (its name in the county's records). */
  countyTerminalId: z.string().min(1).max(64).optional(),
  /** The configured site; absent on a terminal that has none yet (out of service, unconfigured). */
  site: z.object({ id: z.string().min(1), name: LocalizedTextSchema, level: SiteLevelSchema }).optional(),
  appVersion: z.string().min(1),
  shell: ShellKindSchema,
  mode: TerminalModeSchema,
  /** Present when the terminal cannot serve residents at all (a site terminal without a usable configuration). */
  outOfService: OutOfServiceSchema.optional(),
  /** True when devices are emulated (the default for development and demos). */
  emulatedDevices: z.boolean(),
  /** The county's voice recordings present on this terminal, as clip ids (`zh-CN/home`); served under `county-voice/`. */
  /** The configured mounting; absent, the renderer assumes a floor-standing terminal when the screen is portrait. */
  display: DisplayMountSchema.optional(),
  voiceRecordings: z.array(z.string().regex(/^(zh-CN|en)\/[A-Za-z0-9_@./-]+$/)).max(5_000).optional(),
});
export type TerminalInfo = z.infer<typeof TerminalInfoSchema>;
