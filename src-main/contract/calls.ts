import { z } from 'zod';
import { CatalogSchema } from './catalog.js';
import { IdlePolicySchema, SettingsPatchSchema, SettingsSchema } from './settings.js';
import { HealthSchema } from './health.js';
import { TerminalInfoSchema } from './terminal.js';
import { BundleTargetSchema, BundleWrittenSchema, DeadLetterSchema, DeviceStatusListSchema, QueueStatusSchema } from './ops.js';
import { SetupAppliedSchema, SetupDraftSchema, SetupEnrolledSchema, SetupOptionsSchema, SetupPreviewSchema } from './setup.js';
import { DemoDeviceActionSchema, FlowActionSchema, FlowViewSchema } from './flows.js';

const Empty = z.object({}).strict();
const SessionIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'session id is a UUID');

/** The KioskApi: every call's input and output schema. Calls take one object argument. */
export const CALLS = {
  /** Terminal identity, site and shell; never fails. */
  getTerminalInfo: { input: Empty, output: TerminalInfoSchema },
  /** The site's service catalog with each service's enabled state. */
  getCatalog: { input: Empty, output: CatalogSchema },
  /** Starts a resident session (ending any previous one with reason `replaced`). */
  startSession: {
    input: Empty,
    output: z.object({ sessionId: SessionIdSchema, startedAt: z.string() }),
  },
  /** Ends a session and wipes its data; fails with `session_mismatch` if the id is not current. */
  endSession: {
    input: z.object({ sessionId: SessionIdSchema, reason: z.enum(['user', 'idle', 'completed']) }).strict(),
    output: z.object({ endedAt: z.string() }),
  },
  /** The current session's settings (defaults outside a session). */
  getSettings: { input: Empty, output: SettingsSchema },
  /** Changes the current resident's settings; emits `settings.changed`. */
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  /** The inactivity policy the UI enforces. */
  getIdlePolicy: { input: Empty, output: IdlePolicySchema },
  /** Overall and per-part health. */
  getHealth: { input: Empty, output: HealthSchema },
  /** Technician entry: checks the technician PIN; fails with `admin_bad_pin` or `admin_locked`. */
  adminLogin: {
    input: z.object({ pin: z.string().regex(/^\d{4,12}$/, 'technician PIN is 4-12 digits') }).strict(),
    output: z.object({ role: z.enum(['technician']), expiresAt: z.string() }),
  },
  /** Leaves the technician area. */
  adminLogout: { input: Empty, output: z.object({}) },
  /** The renderer is ready for events; queued events are delivered after this. */
  rendererReady: { input: Empty, output: z.object({}) },
  /** Ops: every configured device's state; fails with `admin_not_authorized` outside a technician session. */
  getDeviceStatus: { input: Empty, output: DeviceStatusListSchema },
  /** Ops: outbox depth, oldest age, dead letters, last sync; technician session required. */
  getQueueStatus: { input: Empty, output: QueueStatusSchema },
  /** Ops: dead letters with their reasons (no payloads); technician session required. */
  listDeadLetters: { input: Empty, output: z.object({ items: z.array(DeadLetterSchema) }) },
  /** Ops: puts a dead letter back in the queue (audited); fails with `not_found` if it is gone. */
  retryDeadLetter: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.object({}) },
  /**
   * Records the resident's rating of the service as a transaction (durable before it answers; synced
   * later). Fails with `session_mismatch`, `counter_required` (the terminal cannot record now) or
   * `record_in_doubt` (storage error; `reference` names the record).
   */
  submitRating: {
    input: z.object({ sessionId: SessionIdSchema, score: z.number().int().min(1).max(5) }).strict(),
    output: z.object({ reference: z.string(), recordedAt: z.string() }),
  },
  /** Ops: discards a dead letter for good (audited); fails with `not_found` if it is gone. */
  discardDeadLetter: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.object({}) },
  /** Technician only: where a log bundle can be written now (the terminal's folder, mounted removable drives). */
  listBundleTargets: { input: Empty, output: z.object({ targets: z.array(BundleTargetSchema).max(32) }) },
  /**
   * Technician only: writes a zip of the logs, the status, the configuration without secrets and a
   * SHA-256 manifest to a target from listBundleTargets (`not_found` for any other id, `bundle_failed`
   * when it cannot be written).
   */
  exportLogBundle: { input: z.object({ targetId: z.string().min(1).max(32) }).strict(), output: BundleWrittenSchema },
  /**
   * Starts the service's resident flow in this session (ending any other flow); the answer is its
   * first view, later ones arrive as `flow.changed`. Fails with `session_mismatch`, `service_unknown`
   * (no flow for that service) or `service_disabled` (not on offer now).
   */
  startFlow: {
    input: z.object({ sessionId: SessionIdSchema, serviceId: z.string().min(1).max(64) }).strict(),
    output: FlowViewSchema,
  },
  /** A resident action on the running flow; fails with `not_found` (no such flow now) or `flow_refused` (this step does not take it). */
  flowAction: {
    input: z.object({ sessionId: SessionIdSchema, flowId: z.string().min(1).max(64), action: FlowActionSchema }).strict(),
    output: FlowViewSchema,
  },
  /** The resident leaves the flow: it ends cleanly (devices released); the view says what to take back. */
  cancelFlow: {
    input: z.object({ sessionId: SessionIdSchema, flowId: z.string().min(1).max(64) }).strict(),
    output: FlowViewSchema,
  },
  /** Demo terminals only: a card into or out of an emulated reader, a key on the emulated pad; `not_demo` elsewhere. */
  demoDevice: { input: z.object({ action: DemoDeviceActionSchema }).strict(), output: z.object({}) },
  /**
   * Setup wizard on a site terminal with no usable configuration: opens it with the 8-digit code in
   * `<dataDir>/setup-code` (`admin_bad_pin` with tries left, then `admin_locked`). A configured
   * terminal refuses it (`admin_not_authorized`): there the technician's sign-in opens the wizard.
   */
  setupUnlock: {
    input: z.object({ code: z.string().regex(/^\d{8}$/, 'the setup code is 8 digits') }).strict(),
    output: z.object({ expiresAt: z.string() }),
  },
  /** Setup: the sites, the ports found on this machine and the current answers; setup access required. */
  getSetupOptions: { input: Empty, output: SetupOptionsSchema },
  /** Setup: enrols with the county at `url` with a one-time code; fails with `county_refused`, `county_unreachable` or `setup_invalid`. */
  setupEnrol: {
    input: z.object({ url: z.string().min(1).max(300), code: z.string().min(4).max(64), siteId: z.string().min(1).max(64) }).strict(),
    output: SetupEnrolledSchema,
  },
  /** Setup: what is still wrong with a draft and the services residents would see with it. */
  previewSetup: { input: z.object({ draft: SetupDraftSchema }).strict(), output: SetupPreviewSchema },
  /** Setup: writes the draft as the new configuration (atomic, versioned); the terminal takes it up between sessions. */
  applySetup: { input: z.object({ draft: SetupDraftSchema }).strict(), output: SetupAppliedSchema },
} as const satisfies Record<string, { input: z.ZodType<object>; output: z.ZodTypeAny }>;

export type Calls = typeof CALLS;
/** Every call the UI can make to the core: the keys of CALLS, nowhere else. */
export type CallName = keyof Calls;
/** What a caller passes (before defaults and transforms). */
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** What the core's handler receives: the input after validation. */
export type CallPayload<N extends CallName> = z.infer<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<Calls[N]['output']>;

/** Every call name, in declaration order. */
export const CALL_NAMES = Object.keys(CALLS) as CallName[];

export const isCallName = (value: unknown): value is CallName => typeof value === 'string' && Object.hasOwn(CALLS, value);
