import { join } from 'node:path';
import { CountyClient, type CountyCredentials, type Pulled } from '../county/client.js';
import type { ServiceCatalog, TerminalConfig } from '../county/protocol.js';
import type { QueueOps } from '../core/ops-sources.js';
import type { CountyError } from '../county/errors.js';
import { createLogger } from '../logs/logger.js';
import type { CapacityLimits } from './capacity.js';
import { buildHeartbeat, type DeviceHealthInput } from './heartbeat.js';
import { FileKeyProvider, type KeyProvider } from './key-provider.js';
import { Outbox } from './outbox.js';
import { queueOps } from './queue-ops.js';
import { SyncEngine } from './sync-engine.js';
import type { SyncEngineOptions } from './sync-types.js';

const log = createLogger('sync-stack');
const CREDENTIALS = 'county-credentials';

export interface SyncStackOptions {
  dataDir: string;
  countyUrl: string;
  siteId: string;
  /** Defaults to the browser-host key file in dataDir; the Electron shell passes its safeStorage provider. */
  keys?: KeyProvider;
  limits?: Partial<CapacityLimits>;
  engine?: Omit<SyncEngineOptions, 'outbox' | 'client' | 'onAuthFailure'>;
  /** Told when the county refuses our credentials: a technician must enter a new one-time code. */
  onNeedsEnrolment?: (err: CountyError) => void;
}

/** Outbox + county client + sync engine for one terminal, with credentials kept encrypted in the outbox. */
export class SyncStack {
  private constructor(
    readonly outbox: Outbox,
    readonly client: CountyClient,
    readonly engine: SyncEngine,
    private readonly siteId: string,
  ) {}

  /** Opens the outbox and loads stored credentials; rejects on an unsafe key file or a broken database. */
  static async open(o: SyncStackOptions): Promise<SyncStack> {
    const outbox = await Outbox.open({ file: join(o.dataDir, 'outbox.db'), keys: o.keys ?? new FileKeyProvider(o.dataDir), dataDir: o.dataDir, ...(o.limits ? { limits: o.limits } : {}) });
    const stored = outbox.getSecret(CREDENTIALS);
    const client = new CountyClient({ baseUrl: o.countyUrl, ...(stored ? { credentials: parseCredentials(stored) } : {}) });
    const engine = new SyncEngine({
      ...o.engine,
      outbox,
      client,
      onAuthFailure: (err) => {
        o.onNeedsEnrolment?.(err);
        return false;
      },
    });
    return new SyncStack(outbox, client, engine, o.siteId);
  }

  /** Whether credentials are stored (the terminal has been enrolled). */
  get enrolled(): boolean {
    return this.outbox.getSecret(CREDENTIALS) !== undefined;
  }

  /** The id the county gave this terminal when it enrolled; undefined before that. */
  get countyTerminalId(): string | undefined {
    const stored = this.outbox.getSecret(CREDENTIALS);
    return stored ? parseCredentials(stored).terminalId : undefined;
  }

  /** Enrols with a one-time code, stores the credentials encrypted and resumes sync; CountyError if refused. */
  async enrol(code: string): Promise<string> {
    const e = await this.client.enrol(code, this.siteId);
    const creds: CountyCredentials = { terminalId: e.terminalId, credential: Buffer.from(e.credential, 'base64url') };
    this.outbox.setSecret(CREDENTIALS, JSON.stringify({ terminalId: creds.terminalId, credential: e.credential }));
    log.info('terminal enrolled', { terminalId: e.terminalId });
    this.engine.resumeAfterAuth();
    return e.terminalId;
  }

  /** The core's QueueOps view of this stack (status, dead letters, audited retry/discard, change events). */
  queueOps(): QueueOps {
    return queueOps(this.outbox, this.engine);
  }

  /** Starts syncing (if enrolled) on triggers. */
  start(): void {
    this.engine.start();
  }

  /** Sends one heartbeat (queue figures + device health); CountyError if the county cannot be reached. */
  async heartbeat(devices: readonly DeviceHealthInput[], appVersion?: string): Promise<void> {
    await this.client.heartbeat(buildHeartbeat(this.engine.status(), devices, appVersion));
    // A reachable county is also "network back" for the sync engine.
    this.engine.trigger('network-back');
  }

  /** Sends a heartbeat every `intervalMs`; failures are logged, never thrown. Returns the stop function. */
  startHeartbeat(devices: () => readonly DeviceHealthInput[], intervalMs: number, appVersion?: string): () => void {
    const timer = setInterval(() => {
      this.heartbeat(devices(), appVersion).catch((err: unknown) => log.warn('heartbeat failed', { error: err instanceof Error ? err.message : 'unknown' }));
    }, intervalMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  /** Pulls config and catalog with If-None-Match, keeping the last version and ETag in the outbox; says what changed. */
  async pullDocuments(): Promise<{ config: TerminalConfig | null; catalog: ServiceCatalog | null }> {
    const pull = async <T>(name: string, fetchDoc: (etag?: string) => Promise<Pulled<T>>): Promise<T | null> => {
      const etag = this.outbox.getMeta(`${name}:etag`);
      const r = await fetchDoc(etag);
      if (r.notModified) return null;
      this.outbox.setMeta(`${name}:body`, JSON.stringify(r.value));
      if (r.etag) this.outbox.setMeta(`${name}:etag`, r.etag);
      return r.value;
    };
    return { config: await pull('config', (e) => this.client.getConfig(e)), catalog: await pull('catalog', (e) => this.client.getCatalog(e)) };
  }

  /** Stops the engine and closes the outbox. */
  async close(): Promise<void> {
    await this.engine.stop();
    this.outbox.close();
  }
}

function parseCredentials(json: string): CountyCredentials {
  const c = JSON.parse(json) as { terminalId: string; credential: string };
  return { terminalId: c.terminalId, credential: Buffer.from(c.credential, 'base64url') };
}
