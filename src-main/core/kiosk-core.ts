import { CALLS, type CallName, type CallOutput, type CallPayload, isCallName } from '../contract/index.js';
import { fail, ok, type Result } from '../contract/errors.js';
import type { KioskEvent } from '../contract/events.js';
import type { DemoDeviceAction, FlowAction, FlowView } from '../contract/flows.js';
import type { OutOfService, ShellKind, TerminalInfo, TerminalMode } from '../contract/terminal.js';
import type { Health } from '../contract/health.js';
import type { Catalog, DeviceKind } from '../contract/catalog.js';
import type { Config, CatalogFile } from '../config/schema.js';
import { createLogger } from '../logs/logger.js';
import type { SetupService } from '../setup/setup-service.js';
import { AdminAuth } from './admin-auth.js';
import { auditRecord, countyId, outcomeOf, type AuditAction, type AuditActor } from './audit.js';
import type { LockoutStore } from './lockout-store.js';
import { buildCatalog } from './catalog.js';
import { EventQueue } from './event-queue.js';
import { SessionManager } from './sessions.js';
import type { DeviceStatusSource, LogBundler, QueueOps } from './ops-sources.js';
import type { Recorder } from './recorder.js';
import { computeHealth, networkState, unavailableDevices } from './live-state.js';

const log = createLogger('core');

/** A flow host's answer (src-main/flows/flow-host.ts); the core only maps refusals to error codes. */
export type FlowRunnerResult = { ok: true; view: FlowView } | { ok: false; code: 'not_found' | 'session_mismatch' | 'service_unknown' | 'action_refused' };

/** What the core needs of the flow host: one resident flow at a time, for the current session. */
export interface FlowRunner {
  start(sessionId: string, serviceId: string): FlowRunnerResult;
  action(sessionId: string, flowId: string, action: FlowAction): FlowRunnerResult;
  cancel(sessionId: string, flowId: string): FlowRunnerResult;
  stopCurrent(): Promise<void>;
}

/** The hooks the core gives the flow host it is built with. */
export interface FlowRunnerHooks {
  /** Runs when the resident session ends (any way): the flow stops and its data goes. */
  registerWipe(wipe: () => void): () => void;
  /** Each new view of the running flow, sent to the UI as `flow.changed`. */
  onView(view: FlowView): void;
}

export interface CoreOptions {
  config: Config;
  catalogFile: CatalogFile;
  terminalId: string;
  appVersion: string;
  shell: ShellKind;
  /** Demo or site (see TerminalModeSchema); only a demo terminal drives emulated hardware from the screen. */
  mode: TerminalMode;
  /**
   * The terminal cannot serve residents (a site terminal without a usable configuration): sessions and
   * technician sign-in are refused, the catalog is empty, and the problems are reported in the terminal info.
   */
  outOfService?: OutOfService;
  devices: DeviceStatusSource;
  queue: QueueOps;
  recorder: Recorder;
  /** The county's voice recordings found at start: their folder (for the shells to serve) and clip ids. */
  voiceRecordings?: { dir: string; ids: readonly string[] };
  /** Log bundles for ops staff (none: no targets, and export answers not_found). */
  logBundle?: LogBundler;
  /** Keeps the technician-login lockout across restarts (in memory when absent). */
  adminLockout?: LockoutStore;
  /** Builds the flow host for resident services (none: every service is a placeholder). */
  flows?: (hooks: FlowRunnerHooks) => FlowRunner;
  /** Demo terminals only: drives the emulated hardware (cards in and out, pad keys); false when it cannot. */
  demoDevices?: (action: DemoDeviceAction) => boolean;
  /** The id the county gave this terminal at enrolment, read when the terminal info is asked for. */
  countyTerminalId?: () => string | undefined;
  /** The setup wizard's core side (none: every setup call answers not_found). */
  setup?: SetupService;
  /**
   * Out of service only: the one-time setup code's check (see setup-code.ts), which opens the setup
   * wizard; in service the technician's sign-in does.
   */
  setupAuth?: AdminAuth;
  /** Stops what the composition root started (sync, devices); run once by `close()`. */
  onClose?: () => Promise<void>;
  now?: () => number;
}

/**
 * One handler per call, typed from its schemas: it receives the validated input and must answer
 * the call's output type, so a handler returning the wrong shape does not compile.
 */
type Handlers = { [N in CallName]: (input: CallPayload<N>) => Result<CallOutput<N>> | Promise<Result<CallOutput<N>>> };

/** The plain-Node core behind both shells: validates every payload and dispatches calls. */
export class KioskCore {
  readonly events = new EventQueue();
  readonly sessions: SessionManager;
  private readonly admin: AdminAuth;
  private readonly startedAt: number;
  private readonly now: () => number;
  private readonly devices: ReadonlySet<DeviceKind>;
  private readonly handlers: Handlers;
  private readonly flows: FlowRunner | undefined;
  private readonly sessionEndListeners = new Set<() => void>();

  /** Told whenever a resident session ends (whether or not a renderer is listening); returns the unsubscribe. */
  onSessionEnded(listener: () => void): () => void {
    this.sessionEndListeners.add(listener);
    return () => this.sessionEndListeners.delete(listener);
  }

  constructor(private readonly options: CoreOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    const { config } = options;
    this.devices = new Set(config.devices.map((d) => d.kind));
    this.admin = new AdminAuth({ ...config.admin, now: this.now, ...(options.adminLockout ? { store: options.adminLockout } : {}) });
    this.sessions = new SessionManager(config.settingsDefaults, (sessionId, reason) => {
      this.emit({ type: 'session.ended', sessionId, reason });
      for (const listener of this.sessionEndListeners) listener();
      this.emit({ type: 'settings.changed', settings: this.sessions.getSettings() });
    });
    this.flows = options.flows?.({
      registerWipe: (wipe) => this.sessions.registerWipe(wipe),
      onView: (view) => this.emit({ type: 'flow.changed', view }),
    });
    this.handlers = this.buildHandlers();
    options.devices.onChange((devices) => {
      this.emit({ type: 'devices.changed', devices });
      this.noticeLiveChange();
    });
    options.queue.onChange((queue) => {
      this.emit({ type: 'queue.changed', queue });
      this.noticeLiveChange();
    });
    this.lastHealthSignature = this.healthSignature(this.health());
    this.lastCatalogSignature = this.catalogSignature();
  }

  private lastHealthSignature: string;
  private lastCatalogSignature: string;

  private healthSignature(health: Health): string {
    return JSON.stringify([health.level, health.checks]);
  }

  private catalogSignature(): string {
    return this.catalog()
      .services.map((s) => `${s.id}:${s.disabledReason ?? ''}`)
      .join(',');
  }

  /** Device or queue state moved: tell the UI when health or the services on offer changed. */
  private noticeLiveChange(): void {
    const health = this.health();
    const healthSignature = this.healthSignature(health);
    if (healthSignature !== this.lastHealthSignature) {
      this.lastHealthSignature = healthSignature;
      this.emit({ type: 'health.changed', health });
    }
    const catalogSignature = this.catalogSignature();
    if (catalogSignature !== this.lastCatalogSignature) {
      this.lastCatalogSignature = catalogSignature;
      this.emit({ type: 'catalog.changed', version: this.options.catalogFile.version });
    }
  }

  /** The site's services with each one's state given devices, network and outbox right now. */
  catalog(): Catalog {
    if (this.options.outOfService) return { version: this.options.catalogFile.version, categories: [], services: [] };
    const queue = this.options.queue.status();
    return buildCatalog(this.options.catalogFile, {
      siteId: this.options.config.siteId,
      devices: this.devices,
      unavailable: unavailableDevices(this.options.devices.list()),
      network: networkState(queue),
      accepting: queue.accepting,
    });
  }

  private closing: Promise<void> | undefined;

  /** Stops background work (sync engine, device manager); safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= (this.flows?.stopCurrent() ?? Promise.resolve()).then(() => this.options.onClose?.()).catch((error: unknown) => {
      log.error('close failed', { error });
    });
    return this.closing;
  }

  /**
   * The audit trail: every technician action (who, what, how it ended, when) is recorded through the
   * outbox as an `admin-audit` transaction, so it is kept on the terminal until the county has it.
   * Out of service there is no outbox yet: the action is in the log only. Never fails the action.
   */
  private audit(action: AuditAction, outcome: string, actor: AuditActor): void {
    log.info('admin action', { action, outcome, role: actor });
    const { terminalId, config } = this.options;
    const recorded = this.options.recorder.record(auditRecord({ action, outcome, actor, terminalId, siteId: config.siteId, at: this.now() }));
    if (!recorded.ok && !this.options.outOfService) log.warn('admin action not recorded in the audit trail', { action, code: recorded.code });
  }

  private setupActor(): AuditActor {
    return this.options.outOfService ? 'setup' : 'technician';
  }

  /** Setup calls: out of service after the setup code, in service for a signed-in technician. */
  private async asSetup<T>(action: (setup: SetupService) => Result<T> | Promise<Result<T>>): Promise<Result<T>> {
    const authorized = this.options.outOfService ? this.options.setupAuth?.active === true : this.admin.active;
    if (!authorized) return fail('admin_not_authorized');
    if (!this.options.setup) return fail('not_found');
    return action(this.options.setup);
  }

  /** Ops calls need a signed-in technician. */
  private asTechnician<T>(action: () => Result<T>): Result<T> {
    if (!this.admin.active) return fail('admin_not_authorized');
    return action();
  }

  /** Handles one call from either shell: unknown names and bad payloads come back as error values. */
  async call(name: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) return fail('unknown_call');
    const parsed = CALLS[name].input.safeParse(payload ?? {});
    if (!parsed.success) {
      // Report where the payload was wrong, never what it held.
      const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
      return fail('invalid_payload', { detail: `${name}: ${where}` });
    }
    try {
      const handler = this.handlers[name] as (input: unknown) => Result<unknown> | Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (error) {
      log.error('call failed', { call: name, error });
      return fail('internal');
    }
  }

  /** A flow host's answer as a call result. */
  private flowResult(r: FlowRunnerResult): Result<FlowView> {
    if (r.ok) return ok(r.view);
    return fail(r.code === 'action_refused' ? 'flow_refused' : r.code);
  }

  private startFlow(input: { sessionId: string; serviceId: string }): Result<FlowView> {
    if (this.sessions.sessionId !== input.sessionId) return fail('session_mismatch');
    const service = this.catalog().services.find((s) => s.id === input.serviceId);
    if (!service || !this.flows) return fail('service_unknown');
    if (service.disabledReason) return fail('service_disabled');
    return this.flowResult(this.flows.start(input.sessionId, input.serviceId));
  }

  private emit(event: KioskEvent): void {
    this.events.emit(event);
  }

  /** This core has just taken over from another (see CoreSupervisor): the renderer reads the terminal again. */
  announceTerminalChanged(): void {
    this.emit({ type: 'terminal.changed' });
  }

  terminalInfo(): TerminalInfo {
    const { catalogFile, config, outOfService } = this.options;
    const site = outOfService ? undefined : catalogFile.sites.find((s) => s.id === config.siteId);
    if (!site && !outOfService) throw new Error('configured site missing from catalog');
    return {
      terminalId: this.options.terminalId,
      ...countyId(this.options.countyTerminalId),
      ...(site ? { site: { id: site.id, name: site.name, level: site.level } } : {}),
      appVersion: this.options.appVersion,
      shell: this.options.shell,
      mode: this.options.mode,
      ...(outOfService ? { outOfService } : {}),
      emulatedDevices: config.devices.length > 0 && config.devices.every((d) => d.driver === 'emulator'),
      ...(config.display ? { display: config.display } : {}),
      ...(this.options.voiceRecordings ? { voiceRecordings: [...this.options.voiceRecordings.ids] } : {}),
    };
  }

  /** The folder of the county's voice recordings, which the shells serve under `county-voice/`. */
  get voiceRecordingsDir(): string | undefined {
    return this.options.voiceRecordings?.dir;
  }

  health(): Health {
    const uptimeMs = Math.max(0, Math.round(this.now() - this.startedAt));
    return computeHealth(this.options.devices.list(), this.options.queue.status(), uptimeMs);
  }

  private buildHandlers(): Handlers {
    const { config } = this.options;
    return {
      getTerminalInfo: () => ok(this.terminalInfo()),
      getCatalog: () => ok(this.catalog()),
      startSession: () => {
        if (this.options.outOfService) return fail('out_of_service');
        const session = this.sessions.start();
        log.info('session started');
        return ok(session);
      },
      endSession: (input) => {
        if (!this.sessions.end(input.sessionId, input.reason)) return fail('session_mismatch');
        log.info('session ended', { reason: input.reason });
        return ok({ endedAt: new Date(this.now()).toISOString() });
      },
      getSettings: () => ok(this.sessions.getSettings()),
      updateSettings: (patch) => {
        const settings = this.sessions.updateSettings(patch);
        this.emit({ type: 'settings.changed', settings });
        return ok(settings);
      },
      getIdlePolicy: () => ok(config.idle),
      getHealth: () => ok(this.health()),
      adminLogin: (input) => {
        // No technician credentials exist yet: nothing to sign in with (the demo PIN above all).
        if (this.options.outOfService) return fail('out_of_service');
        const result = this.admin.login(input.pin);
        this.audit('login', outcomeOf(result), 'technician');
        return result;
      },
      adminLogout: () => {
        if (this.admin.active) this.audit('logout', 'ok', 'technician');
        this.admin.logout();
        return ok({});
      },
      rendererReady: () => {
        this.events.markReady();
        return ok({});
      },
      submitRating: (input) => {
        if (this.sessions.sessionId !== input.sessionId) return fail('session_mismatch');
        const outcome = this.options.recorder.record({
          kind: 'rating',
          // Ratings carry no resident identity; they are ordered per terminal.
          orderingKey: `terminal:${this.options.terminalId}`,
          payload: { score: input.score, siteId: config.siteId, terminalId: this.options.terminalId },
        });
        if (!outcome.ok) {
          log.warn('rating not recorded', { code: outcome.code });
          return fail(outcome.code, outcome.code === 'record_in_doubt' && outcome.reference ? { reference: outcome.reference } : {});
        }
        return ok({ reference: outcome.id, recordedAt: new Date(outcome.recordedAt).toISOString() });
      },
      startFlow: (input) => this.startFlow(input),
      flowAction: (input) =>
        this.flows ? this.flowResult(this.flows.action(input.sessionId, input.flowId, input.action)) : fail('not_found'),
      cancelFlow: (input) =>
        this.flows ? this.flowResult(this.flows.cancel(input.sessionId, input.flowId)) : fail('not_found'),
      demoDevice: (input) => {
        if (!this.options.demoDevices || this.options.mode !== 'demo' || !this.terminalInfo().emulatedDevices) return fail('not_demo');
        return this.options.demoDevices(input.action) ? ok({}) : fail('not_found');
      },
      getDeviceStatus: () => this.asTechnician(() => ok({ devices: this.options.devices.list() })),
      getQueueStatus: () => this.asTechnician(() => ok(this.options.queue.status())),
      listDeadLetters: () => this.asTechnician(() => ok({ items: this.options.queue.deadLetters() })),
      retryDeadLetter: (input) =>
        this.asTechnician(() => {
          const done = this.options.queue.retry(input.id, 'technician');
          this.audit('dead_letter_retry', done ? 'ok' : 'not_found', 'technician');
          return done ? ok({}) : fail('not_found');
        }),
      listBundleTargets: () => this.asTechnician(() => ok({ targets: this.options.logBundle?.targets() ?? [] })),
      exportLogBundle: async (input) => {
        if (!this.admin.active) return fail('admin_not_authorized');
        if (!this.options.logBundle) return fail('not_found');
        const status = { terminal: this.terminalInfo(), health: this.health(), devices: this.options.devices.list(), queue: this.options.queue.status() };
        const written = await this.options.logBundle.write(input.targetId, status);
        this.audit('log_bundle', outcomeOf(written), 'technician');
        return written;
      },
      setupUnlock: (input) => {
        const auth = this.options.outOfService ? this.options.setupAuth : undefined;
        if (!auth) return fail('admin_not_authorized');
        const result = auth.login(input.code);
        this.audit('setup_unlock', outcomeOf(result), 'setup');
        return result.ok ? ok({ expiresAt: result.value.expiresAt }) : result;
      },
      getSetupOptions: () => this.asSetup(async (setup) => ok(await setup.options())),
      setupEnrol: (input) =>
        this.asSetup(async (setup) => {
          const result = await setup.enrol(input);
          this.audit('setup_enrol', outcomeOf(result), this.setupActor());
          return result;
        }),
      previewSetup: (input) => this.asSetup((setup) => ok(setup.preview(input.draft))),
      applySetup: (input) =>
        this.asSetup((setup) => {
          const result = setup.apply(input.draft);
          this.audit('setup_apply', result.ok ? `version_${result.value.version}` : result.error.code, this.setupActor());
          return result;
        }),
      discardDeadLetter: (input) =>
        this.asTechnician(() => {
          const done = this.options.queue.discard(input.id, 'technician');
          this.audit('dead_letter_discard', done ? 'ok' : 'not_found', 'technician');
          return done ? ok({}) : fail('not_found');
        }),
    };
  }
}
