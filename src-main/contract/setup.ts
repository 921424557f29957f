import { z } from 'zod';
import { DeviceKindSchema, LocalizedTextSchema, SiteLevelSchema, DisabledReasonSchema } from './catalog.js';
import { LanguageSchema } from './settings.js';

// The technician's setup wizard: what it offers (sites, ports found on this machine), the draft it
// builds step by step, the preview of what residents will see, and what applying it wrote.

/** A port found on this machine that a device can be assigned to (ids are this listing's, not paths). */
export const SetupPortSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.enum(['serial', 'hid']),
  /** What the technician reads: the by-id name or the device path, and the maker's product name if known. */
  label: z.string().min(1).max(200),
  vendorId: z.string().max(8).optional(),
  productId: z.string().max(8).optional(),
});
export type SetupPort = z.infer<typeof SetupPortSchema>;

export const SetupSiteSchema = z.object({ id: z.string().min(1), name: LocalizedTextSchema, level: SiteLevelSchema, county: z.string() });
export type SetupSite = z.infer<typeof SetupSiteSchema>;

/** One device role: on a port found now, on the port the configuration already names, or not fitted. */
export const SetupDeviceChoiceSchema = z.object({
  kind: DeviceKindSchema,
  /** A SetupPort id, `keep` (the port the current configuration names), or null for "not fitted". */
  port: z.string().min(1).max(64).nullable(),
});
export type SetupDeviceChoice = z.infer<typeof SetupDeviceChoiceSchema>;

/** The wizard's answers; the technician PIN may be left out on a re-run to keep the current one. */
export const SetupDraftSchema = z
  .object({
    /** Empty until chosen: a draft is previewed from its first step on, and says what is missing. */
    siteId: z.string().max(64),
    countyUrl: z.string().max(300),
    technicianPin: z.string().regex(/^\d{6,12}$/, 'technician PIN is 6-12 digits').optional(),
    devices: z.array(SetupDeviceChoiceSchema).max(6),
    language: LanguageSchema,
    volume: z.number().min(0).max(1),
    /** Seconds without a touch before "are you still there?", and how long that question waits. */
    idleWarnSeconds: z.number().int().min(15).max(600),
    idleCountdownSeconds: z.number().int().min(10).max(120),
  })
  .strict();
export type SetupDraft = z.infer<typeof SetupDraftSchema>;

export const SetupOptionsSchema = z.object({
  sites: z.array(SetupSiteSchema).max(500),
  ports: z.array(SetupPortSchema).max(64),
  /** The draft the current configuration amounts to (a first setup: sensible defaults). */
  draft: SetupDraftSchema.omit({ technicianPin: true }),
  /** Whether a technician PIN is configured already (a re-run may keep it). */
  hasTechnicianPin: z.boolean(),
  /** The id the county gave this terminal when it enrolled, if it has. */
  countyTerminalId: z.string().max(64).optional(),
  /** The version of the configuration now in force (0: none written by the wizard yet). */
  configVersion: z.number().int().min(0),
});
export type SetupOptions = z.infer<typeof SetupOptionsSchema>;

/** Why a wizard field cannot be applied yet (each has a `setupWizard.problem.<code>` text). */
export const SETUP_DRAFT_PROBLEMS = ['unknown_site', 'url_insecure', 'not_enrolled', 'pin_required', 'pin_weak', 'port_unknown', 'port_shared'] as const;
export const SetupDraftProblemSchema = z.object({ field: z.string().min(1).max(100), code: z.enum(SETUP_DRAFT_PROBLEMS) });
export type SetupDraftProblem = z.infer<typeof SetupDraftProblemSchema>;

export const SetupPreviewSchema = z.object({
  /** What is still wrong with the draft, field by field; empty when it can be applied. */
  problems: z.array(SetupDraftProblemSchema).max(100),
  /** The services residents will see at this site, each with why it is off if it is. */
  services: z.array(z.object({ id: z.string(), name: LocalizedTextSchema, enabled: z.boolean(), disabledReason: DisabledReasonSchema.optional() })).max(200),
});
export type SetupPreview = z.infer<typeof SetupPreviewSchema>;

export const SetupEnrolledSchema = z.object({ countyTerminalId: z.string().min(1).max(64) });
export const SetupAppliedSchema = z.object({ version: z.number().int().min(1), services: z.number().int().min(0) });
