import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Per-session resident preferences; they return to the terminal defaults when a session ends. */
export const SettingsSchema = z.object({
  language: LanguageSchema,
  elderlyMode: z.boolean(),
  voiceMuted: z.boolean(),
  /** 0..1 */
  volume: z.number().min(0).max(1),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Inactivity rules. The warning countdown is never shorter than 20 s. */
export const IdlePolicySchema = z.object({
  /** Inactivity before the "are you still there?" warning. */
  warnAfterMs: z.number().int().min(5_000).max(600_000),
  /** Countdown shown in the warning before the session ends. */
  countdownMs: z.number().int().min(20_000).max(300_000),
});
export type IdlePolicy = z.infer<typeof IdlePolicySchema>;
