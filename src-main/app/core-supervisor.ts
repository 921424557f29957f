import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../contract/errors.js';
import type { KioskEvent } from '../contract/events.js';
import type { KioskCore } from '../core/kiosk-core.js';
import { createLogger } from '../logs/logger.js';

const log = createLogger('app');

/** What the shells need of a core; the supervisor stands in for the one it holds. */
export interface SupervisedCore {
  call(name: unknown, payload: unknown): Promise<Result<unknown>>;
  events: { subscribe(listener: (event: KioskEvent) => void): () => void; markNotReady(): void };
  readonly voiceRecordingsDir: string | undefined;
  close(): Promise<void>;
}

export interface CoreSupervisorOptions {
  /** Builds a core from the data directory as it is now (createCore with the shell's options). */
  build(): Promise<KioskCore>;
  /** The configuration file to watch. */
  configFile: string;
  /** Whether the configuration file as it is now would give a core in service (in-service changes are taken only then). */
  configUsable?: () => boolean;
  /** How often the file is looked at (fs.watchFile polls: it survives the file being replaced). */
  pollMs?: number;
}

/**
 * Holds the terminal's core and watches the configuration file; a change builds a new core, which
 * takes over calls and events without a restart, and the renderer is told with `terminal.changed`.
 * While out of service (a site terminal without a usable configuration) every change is taken. In
 * service a change is taken between resident sessions, never during one, and only when the new
 * file is usable (`configUsable`): a broken edit leaves the terminal serving on what it has, as it
 * would after a restart only if the file were repaired.
 */
export class CoreSupervisor implements SupervisedCore {
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  private unsubscribe: () => void;
  /** Whether the renderer has said it is ready since it last went away (a new core must know). */
  private rendererReady = false;
  private watching = false;
  private rebuilding: Promise<void> = Promise.resolve();
  /** An in-service swap is under way: the old core is closing, calls wait for the new one. */
  private swapping: Promise<void> | undefined;
  /** A change arrived during a resident session; taken when the session ends. */
  private pending = false;
  private seen = 0;
  private closed = false;
  /** The file's text the current core was built on (null: no file), so one change builds one core. */
  private builtOn: string | null;

  readonly events = {
    subscribe: (listener: (event: KioskEvent) => void): (() => void) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
    markNotReady: (): void => {
      this.rendererReady = false;
      this.current.events.markNotReady();
    },
  };

  private constructor(
    private current: KioskCore,
    private readonly options: CoreSupervisorOptions,
    builtOn: string | null,
  ) {
    this.builtOn = builtOn;
    this.unsubscribe = this.forward(current);
    this.watch();
  }

  static async start(options: CoreSupervisorOptions): Promise<CoreSupervisor> {
    const text = fileText(options.configFile);
    return new CoreSupervisor(await options.build(), options, text);
  }

  /** The core now answering (tests). */
  get core(): KioskCore {
    return this.current;
  }

  get voiceRecordingsDir(): string | undefined {
    return this.current.voiceRecordingsDir;
  }

  async call(name: unknown, payload: unknown): Promise<Result<unknown>> {
    if (this.swapping) await this.swapping;
    if (name === 'rendererReady') this.rendererReady = true;
    return this.current.call(name, payload);
  }

  /** Whether the configuration file is being watched. */
  get watchingConfig(): boolean {
    return this.watching;
  }

  /** How many new texts of the file have been looked at (tests). */
  get changesSeen(): number {
    return this.seen;
  }

  /** Whether a change is waiting for the resident session to end (tests). */
  get changePending(): boolean {
    return this.pending;
  }

  /** Waits for a rebuild under way (tests). */
  settled(): Promise<void> {
    return this.rebuilding;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWatching();
    await this.rebuilding;
    this.unsubscribe();
    await this.current.close();
  }

  private forward(core: KioskCore): () => void {
    const events = core.events.subscribe((event) => {
      for (const listener of this.listeners) listener(event);
    });
    // The session that held a change back is over: take it now, before the next resident.
    const sessions = core.onSessionEnded(() => {
      if (this.pending) this.schedule();
    });
    return () => {
      events();
      sessions();
    };
  }

  private outOfService(core: KioskCore): boolean {
    return core.terminalInfo().outOfService !== undefined;
  }

  private schedule(): void {
    this.rebuilding = this.rebuilding
      .then(() => this.rebuild())
      .catch((error: unknown) => log.error('configuration change not taken', { error: error instanceof Error ? error : 'unknown' }));
  }

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.options.configFile, { interval: this.options.pollMs ?? 1_000 }, () => this.schedule());
  }

  private stopWatching(): void {
    if (!this.watching) return;
    this.watching = false;
    unwatchFile(this.options.configFile);
  }

  /** The file changed (or a held-back change may now be taken): a new core on it takes over. */
  private async rebuild(): Promise<void> {
    if (this.closed) return;
    // fs.watchFile may report one write more than once (size, then time): build only on new text.
    const text = fileText(this.options.configFile);
    if (text === this.builtOn) {
      this.pending = false;
      return;
    }
    if (this.outOfService(this.current)) {
      this.builtOn = text;
      this.seen += 1;
      await this.takeOver();
      return;
    }
    if (this.current.sessions.sessionId !== undefined) {
      this.pending = true;
      log.info('configuration changed during a resident session: taken when it ends');
      return;
    }
    this.pending = false;
    this.builtOn = text;
    this.seen += 1;
    if (this.options.configUsable && !this.options.configUsable()) {
      log.warn('configuration changed but cannot be used; the terminal keeps serving on the one it has');
      return;
    }
    // The running core holds the devices and the outbox: it closes before the next one opens them.
    let done!: () => void;
    this.swapping = new Promise<void>((resolve) => (done = resolve));
    try {
      this.unsubscribe();
      await this.current.close();
      await this.takeOver({ closed: true });
    } finally {
      this.swapping = undefined;
      done();
    }
  }

  /** Builds the next core and hands it calls and events; the previous one is closed (unless it already is). */
  private async takeOver(o: { closed?: boolean } = {}): Promise<void> {
    let next: KioskCore;
    try {
      next = await this.options.build();
    } catch (error) {
      log.error('could not build a core on the changed configuration', { error: error instanceof Error ? error : 'unknown' });
      if (!o.closed) return;
      // The old core is gone: try once more, and failing that leave the error to the shell's restart.
      next = await this.options.build();
    }
    if (this.closed) {
      await next.close();
      return;
    }
    const previous = this.current;
    if (!o.closed) this.unsubscribe();
    this.current = next;
    this.unsubscribe = this.forward(next);
    if (this.rendererReady) next.events.markReady();
    next.announceTerminalChanged();
    log.info('configuration changed: new core took over', { inService: !this.outOfService(next) });
    if (!o.closed) await previous.close();
  }
}

export const configFileOf = (dataDir: string): string => join(dataDir, 'config.json');

function fileText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
