import { z } from 'zod';
import { DeviceKindSchema, LocalizedTextSchema, SiteLevelSchema } from '../contract/catalog.js';
import { IdlePolicySchema, SettingsSchema } from '../contract/settings.js';
import { DisplayMountSchema, TerminalModeSchema } from '../contract/terminal.js';
import { countyUrlProblem } from '../county/transport.js';
import { parsePinHash } from './pin-hash.js';

/** The county catalog file: categories, services, sites and each site level's list of services. */
export const CatalogFileSchema = z.object({
  version: z.string().min(1),
  /** `icon` names one of CATALOG_ICONS; a name this release does not ship is dropped (the tile falls back), never fatal. */
  categories: z.array(z.object({ id: z.string().min(1), name: LocalizedTextSchema, icon: z.string().min(1).optional() })).min(1),
  services: z
    .array(
      z.object({
        id: z.string().min(1),
        category: z.string().min(1),
        name: LocalizedTextSchema,
        icon: z.string().min(1).optional(),
        channel: z.enum(['terminal', 'counter']),
        devices: z.array(DeviceKindSchema).default([]),
        online: z.boolean().default(false),
      }),
    )
    .min(1),
  sites: z.array(z.object({ id: z.string().min(1), level: SiteLevelSchema, name: LocalizedTextSchema, county: z.string() })).min(1),
  siteServices: z.record(SiteLevelSchema, z.array(z.string())),
});
export type CatalogFile = z.infer<typeof CatalogFileSchema>;

/** Where a real device is reached; `emulator` devices need none. */
export const DevicePortSchema = z.discriminatedUnion('type', [
  /**
   * Prefer `/dev/serial/by-id/...` so a replug keeps its name, or `usb` (vendor/product id, serial
   * number for identical readers) to find the port at each open; baudRate defaults to the driver's.
   */
  z
    .object({
      type: z.literal('serial'),
      path: z.string().min(1).optional(),
      usb: z
        .object({
          vendorId: z.string().regex(/^[0-9a-fA-F]{1,4}$/),
          productId: z.string().regex(/^[0-9a-fA-F]{1,4}$/),
          serialNumber: z.string().min(1).optional(),
        })
        .strict()
        .optional(),
      baudRate: z.number().int().positive().optional(),
    })
    .refine((p) => (p.path === undefined) !== (p.usb === undefined), { message: 'give exactly one of path or usb' }),
  z.object({ type: z.literal('tcp'), host: z.string().min(1), port: z.number().int().min(1).max(65535) }),
  z.object({ type: z.literal('hid'), path: z.string().min(1), reportId: z.number().int().min(0).max(255), reportSize: z.number().int().min(2).max(256) }),
]);
export type DevicePort = z.infer<typeof DevicePortSchema>;

/** One fitted device: its kind, how it is driven, and (for real hardware) its port, whose type must match `driver`. */
export const DeviceEntrySchema = z
  .object({
    kind: DeviceKindSchema,
    driver: z.enum(['emulator', 'serial', 'hid', 'tcp']).default('emulator'),
    port: DevicePortSchema.optional(),
    /** cardReader only: the reader's wire family (default `ccid`; the STX families' command codes are unconfirmed). */
    framing: z.enum(['ccid', 'stx-len-bcc', 'stx-len-bcc-nibble']).optional(),
  })
  .refine((d) => d.port === undefined || d.port.type === d.driver, { message: 'port.type must match driver', path: ['port'] })
  .refine((d) => d.framing === undefined || d.kind === 'cardReader', { message: 'framing applies to cardReader only', path: ['framing'] });
export type DeviceEntry = z.infer<typeof DeviceEntrySchema>;

/** The demo technician PIN (246810), hashed: the default on a demo terminal, refused on a site terminal. */
export const DEMO_PIN_HASH = 'scrypt$N=16384,r=8,p=1$6b696f736b2d64656d6f2d73616c7421$00ded06366aa040b8c702e69252c561a8887697313c1535c76148a0453b11027';

/**
 * Terminal configuration (`<dataDir>/config.json`); every field has an embedded default for a demo
 * terminal. A site terminal must set its own (see `site-config.ts`).
 */
export const ConfigSchema = z
  .object({
    /** `site` on a terminal at a site (the setup writes it); absent, a checkout runs as `demo` and a packaged build as `site`. */
    mode: TerminalModeSchema.optional(),
    /** Written by the setup wizard: one more at every apply (the replaced file is kept in config-history/). */
    configVersion: z.number().int().min(1).optional(),
    siteId: z.string().min(1).default('xa-hospital-01'),
    /** Path of the county catalog; relative paths resolve against the project root. */
    catalogFile: z.string().min(1).default('assets/catalog/county-catalog.json'),
    /** Devices fitted to this terminal and how each is driven. */
    devices: z.array(DeviceEntrySchema).default(DeviceKindSchema.options.map((kind) => ({ kind, driver: 'emulator' as const }))),
    /** The county backend: `embedded` runs the reference backend in-process (demos, development). */
    county: z
      .object({
        /** An https URL; http only to a loopback host (the client refuses anything else too). */
        url: z
          .string()
          .superRefine((url, ctx) => {
            const problem = url === 'embedded' ? undefined : countyUrlProblem(url);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          })
          .default('embedded'),
        /** One-time enrolment code; with `embedded` the demo code of the configured site is used. */
        enrolmentCode: z.string().min(4).max(64).optional(),
        heartbeatMs: z.number().int().min(5_000).default(60_000),
      })
      .strict()
      .default({ url: 'embedded', heartbeatMs: 60_000 }),
    idle: IdlePolicySchema.default({ warnAfterMs: 60_000, countdownMs: 30_000 }),
    /**
     * Voice: `recordingsDir` holds the county's own recordings of a human voice, in the layout of
     * assets/voice (`zh-CN/home.ogg`, `en/words/seven.ogg`); each one is played instead of the shipped
     * clip of the same id. Relative paths resolve against the data directory.
     */
    voice: z.object({ recordingsDir: z.string().min(1).optional() }).strict().default({}),
    /**
     * How the screen is mounted (top edge above the floor and picture height, mm): controls stay below
     * the 1,220 mm reach line and reading matter goes above it. Absent: a portrait screen is taken to
     * be a floor-standing terminal (top edge 1,450 mm, picture 480 mm) and a landscape one to be within reach.
     */
    display: DisplayMountSchema.optional(),
    settingsDefaults: SettingsSchema.default({ language: 'zh-CN', elderlyMode: false, voiceMuted: false, volume: 0.8 }),
    admin: z
      .object({
        /** `npm run hash-pin` output: scrypt$N=…,r=…,p=…$<salt hex>$<hash hex>. The default (PIN 246810) is for demos only. */
        pinHash: z.string().superRefine((text, ctx) => {
          const parsed = parsePinHash(text);
          if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
        }),
        maxTries: z.number().int().min(1).max(10).default(5),
        /** The first lockout; each further round of failures doubles it, up to maxLockoutMs. */
        lockoutMs: z.number().int().min(1_000).default(300_000),
        maxLockoutMs: z.number().int().min(1_000).default(86_400_000),
        sessionMs: z.number().int().min(60_000).default(900_000),
      })
      .strict()
      .refine((a) => a.maxLockoutMs >= a.lockoutMs, { message: 'maxLockoutMs must be at least lockoutMs', path: ['maxLockoutMs'] })
      .default({
        pinHash: DEMO_PIN_HASH,
        maxTries: 5,
        lockoutMs: 300_000,
        maxLockoutMs: 86_400_000,
        sessionMs: 900_000,
      }),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;
