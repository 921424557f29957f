import { DEVICE_KINDS, type DeviceKind } from '../contract/catalog.js';
import { fail, ok, type Result } from '../contract/errors.js';
import type { SetupDraft, SetupDraftProblem, SetupOptions, SetupPreview } from '../contract/setup.js';
import { hashPin, weakPinReason } from '../config/pin-hash.js';
import { ConfigSchema, type CatalogFile, type Config, type DeviceEntry } from '../config/schema.js';
import { readRawConfig, siteProblems } from '../config/site-config.js';
import { buildCatalog } from '../core/catalog.js';
import { countyUrlProblem } from '../county/transport.js';
import { CountyError } from '../county/errors.js';
import { createLogger } from '../logs/logger.js';
import { currentConfigVersion, writeConfigAtomically } from './config-writer.js';
import { discoverPorts, type FoundPort } from './discover.js';
import { readEnrolment, saveEnrolment } from './enrolment.js';

const log = createLogger('setup');

export interface SetupServiceOptions {
  dataDir: string;
  /** The catalog whose sites and services the wizard offers (the configured one, or the shipped one). */
  catalogFile: CatalogFile;
  /** Lists the ports on this machine (tests give fixed ones). */
  listPorts?: () => Promise<FoundPort[]>;
  /** Enrols with the county and keeps the credentials where the terminal's outbox will find them; returns the county's id for the terminal. */
  enrol: (o: { url: string; code: string; siteId: string }) => Promise<string>;
  /** scrypt parameters for the technician PIN hash (tests use the cheapest allowed). */
  pinParams?: { N: number; r: number; p: number };
  now?: () => number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The setup wizard's core side: what it offers, the preview of a draft (what is still wrong, what
 * residents would see), enrolment with the county, and applying a draft as the new configuration,
 * written atomically and versioned. It never changes the running terminal itself: the supervisor
 * sees the new file and swaps cores between resident sessions.
 */
export class SetupService {
  private ports: FoundPort[] = [];

  constructor(private readonly o: SetupServiceOptions) {}

  /** The configuration file as it is now, if it parses at all (a re-run starts from it). */
  private current(): { raw: Record<string, unknown>; config: Config | undefined } {
    const raw = readRawConfig(this.o.dataDir);
    const value = raw.kind === 'ok' && isObject(raw.value) ? raw.value : {};
    const parsed = ConfigSchema.safeParse(value);
    return { raw: value, config: parsed.success ? parsed.data : undefined };
  }

  async options(): Promise<SetupOptions> {
    this.ports = await (this.o.listPorts ?? discoverPorts)();
    const { raw, config } = this.current();
    const fitted = new Map((config && raw['devices'] !== undefined ? config.devices : []).map((d) => [d.kind, d]));
    const enrolment = readEnrolment(this.o.dataDir);
    const defaults = ConfigSchema.parse({});
    const c = config ?? defaults;
    const countyUrl = raw['county'] !== undefined && c.county.url !== 'embedded' ? c.county.url : '';
    return {
      sites: this.o.catalogFile.sites.map((s) => ({ id: s.id, name: s.name, level: s.level, county: s.county })),
      ports: this.ports.map(({ port: _port, ...p }) => p),
      draft: {
        siteId: raw['siteId'] !== undefined && config ? config.siteId : '',
        countyUrl,
        // A role the configuration drives with real hardware keeps its port; an emulated one starts as not fitted.
        devices: DEVICE_KINDS.map((kind) => ({ kind, port: fitted.get(kind)?.port ? 'keep' : null })),
        language: c.settingsDefaults.language,
        volume: c.settingsDefaults.volume,
        idleWarnSeconds: Math.round(c.idle.warnAfterMs / 1000),
        idleCountdownSeconds: Math.round(c.idle.countdownMs / 1000),
      },
      hasTechnicianPin: this.hasOwnPin(),
      ...(enrolment ? { countyTerminalId: enrolment.countyTerminalId } : {}),
      configVersion: currentConfigVersion(this.o.dataDir),
    };
  }

  /** Enrols this terminal for the draft's site at a county backend with a one-time code. */
  async enrol(input: { url: string; code: string; siteId: string }): Promise<Result<{ countyTerminalId: string }>> {
    const problem = countyUrlProblem(input.url);
    if (problem) return fail('setup_invalid', { detail: 'countyUrl: url_insecure' });
    if (!this.o.catalogFile.sites.some((s) => s.id === input.siteId)) return fail('setup_invalid', { detail: 'siteId: unknown_site' });
    try {
      const countyTerminalId = await this.o.enrol(input);
      saveEnrolment(this.o.dataDir, { url: input.url, siteId: input.siteId, countyTerminalId }, this.o.now?.());
      log.info('setup: terminal enrolled with the county', { countyTerminalId });
      return ok({ countyTerminalId });
    } catch (error) {
      if (error instanceof CountyError && !error.transient) {
        log.warn('setup: the county refused the enrolment', { kind: error.kind, status: error.detail.status });
        return fail('county_refused', { detail: error.kind });
      }
      log.warn('setup: the county could not be reached', { error: error instanceof Error ? error.name : 'unknown' });
      return fail('county_unreachable');
    }
  }

  /** What is still wrong with a draft and what residents would see with it. */
  preview(draft: SetupDraft): SetupPreview {
    const problems = this.problems(draft);
    const site = this.o.catalogFile.sites.find((s) => s.id === draft.siteId);
    if (!site) return { problems, services: [] };
    const devices = new Set<DeviceKind>(draft.devices.filter((d) => d.port !== null).map((d) => d.kind));
    const catalog = buildCatalog(this.o.catalogFile, { siteId: site.id, devices, network: 'unknown' });
    return {
      problems,
      services: catalog.services.map((s) => ({ id: s.id, name: s.name, enabled: s.enabled, ...(s.disabledReason ? { disabledReason: s.disabledReason } : {}) })),
    };
  }

  private problems(draft: SetupDraft): SetupDraftProblem[] {
    const problems: SetupDraftProblem[] = [];
    if (!this.o.catalogFile.sites.some((s) => s.id === draft.siteId)) problems.push({ field: 'siteId', code: 'unknown_site' });
    if (countyUrlProblem(draft.countyUrl)) problems.push({ field: 'countyUrl', code: 'url_insecure' });
    else {
      const e = readEnrolment(this.o.dataDir);
      if (!e || e.url !== draft.countyUrl || e.siteId !== draft.siteId) problems.push({ field: 'countyUrl', code: 'not_enrolled' });
    }
    if (draft.technicianPin === undefined) {
      if (!this.hasOwnPin()) problems.push({ field: 'technicianPin', code: 'pin_required' });
    } else if (weakPinReason(draft.technicianPin)) problems.push({ field: 'technicianPin', code: 'pin_weak' });
    const used = new Set<string>();
    for (const d of draft.devices) {
      if (d.port === null) continue;
      if (d.port === 'keep' ? !this.keptPort(d.kind) : !this.ports.some((p) => p.id === d.port)) problems.push({ field: `devices.${d.kind}`, code: 'port_unknown' });
      else if (d.port !== 'keep' && used.has(d.port)) problems.push({ field: `devices.${d.kind}`, code: 'port_shared' });
      if (d.port !== 'keep') used.add(d.port);
    }
    return problems;
  }

  /** Whether the current file holds a technician PIN of its own (not the demo one), which a re-run may keep. */
  private hasOwnPin(): boolean {
    const { raw, config } = this.current();
    return raw['admin'] !== undefined && config !== undefined && siteProblems(raw, config).every((p) => p.field !== 'admin.pinHash');
  }

  private keptPort(kind: DeviceKind): DeviceEntry | undefined {
    const { raw, config } = this.current();
    if (!config || raw['devices'] === undefined) return undefined;
    return config.devices.find((d) => d.kind === kind && d.port !== undefined);
  }

  /**
   * Writes the draft as the new site configuration (atomically, as the next version). Settings the
   * wizard does not ask about (catalog file, display mount, voice recordings, lockout policy) are
   * kept from the current file. Fails with `setup_invalid` (naming the fields) while the draft has problems.
   */
  apply(draft: SetupDraft): Result<{ version: number; services: number }> {
    const problems = this.problems(draft);
    if (problems.length > 0) return fail('setup_invalid', { detail: problems.map((p) => `${p.field}: ${p.code}`).join(', ').slice(0, 500) });
    const { raw, config } = this.current();
    const keep = (key: string): Record<string, unknown> => (config && raw[key] !== undefined ? { [key]: raw[key] } : {});
    const devices = draft.devices.flatMap((d): DeviceEntry[] => {
      if (d.port === null) return [];
      const kept = d.port === 'keep' ? this.keptPort(d.kind) : undefined;
      if (kept) return [kept];
      const found = this.ports.find((p) => p.id === d.port);
      return found ? [{ kind: d.kind, driver: found.port.type === 'hid' ? 'hid' : 'serial', port: found.port }] : [];
    });
    const previousAdmin = config && isObject(raw['admin']) ? raw['admin'] : {};
    const next: Record<string, unknown> = {
      ...keep('catalogFile'),
      ...keep('display'),
      ...keep('voice'),
      mode: 'site',
      siteId: draft.siteId,
      county: { url: draft.countyUrl, ...(config && isObject(raw['county']) && raw['county']['heartbeatMs'] !== undefined ? { heartbeatMs: config.county.heartbeatMs } : {}) },
      devices,
      idle: { warnAfterMs: draft.idleWarnSeconds * 1000, countdownMs: draft.idleCountdownSeconds * 1000 },
      settingsDefaults: { language: draft.language, elderlyMode: config?.settingsDefaults.elderlyMode ?? false, voiceMuted: false, volume: draft.volume },
      admin: { ...previousAdmin, ...(draft.technicianPin !== undefined ? { pinHash: hashPin(draft.technicianPin, this.o.pinParams) } : {}) },
    };
    // The same checks the terminal will make when it starts on this file: nothing is written that it would refuse.
    const parsed = ConfigSchema.safeParse(next);
    if (!parsed.success) return fail('setup_invalid', { detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ').slice(0, 500) });
    const site = siteProblems(next, parsed.data);
    if (site.length > 0) return fail('setup_invalid', { detail: site.map((p) => `${p.field}: ${p.code}`).join(', ').slice(0, 500) });
    const version = writeConfigAtomically(this.o.dataDir, next);
    const services = this.preview(draft).services.filter((s) => s.enabled).length;
    log.info('setup: configuration written', { version, devices: devices.length, services });
    return ok({ version, services });
  }
}
