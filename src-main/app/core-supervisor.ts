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
  /** The configuration file to watch while the terminal is out of service. */
  configFile: string;
  /** How often the file is looked at (fs.watchFile polls: it survives the file being replaced). */
  pollMs?: number;
}

/**
 * Holds the terminal's core and, while that core is out of service (a site terminal without a usable
 * configuration), watches the configuration file: each change builds a new core, which takes over
 * calls and events without a restart, and the renderer is told with `terminal.changed`. Once a core
 * is in service the watching stops (a running terminal takes configuration changes between
 * sessions, which is the setup wizard's to do).
 */
export class CoreSupervisor implements SupervisedCore {
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  private unsubscribe: () => void;
  /** Whether the renderer has said it is ready since it last went away (a new core must know). */
  private rendererReady = false;
  private watching = false;
  private rebuilding: Promise<void> = Promise.resolve();
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
    this.watchIfOutOfService();
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

  call(name: unknown, payload: unknown): Promise<Result<unknown>> {
    if (name === 'rendererReady') this.rendererReady = true;
    return this.current.call(name, payload);
  }

  /** Whether the configuration file is being watched (only while out of service). */
  get watchingConfig(): boolean {
    return this.watching;
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
    return core.events.subscribe((event) => {
      for (const listener of this.listeners) listener(event);
    });
  }

  private outOfService(core: KioskCore): boolean {
    return core.terminalInfo().outOfService !== undefined;
  }

  private watchIfOutOfService(): void {
    if (this.watching || !this.outOfService(this.current)) return;
    this.watching = true;
    watchFile(this.options.configFile, { interval: this.options.pollMs ?? 1_000 }, () => {
      this.rebuilding = this.rebuilding.then(() => this.rebuild());
    });
  }

  private stopWatching(): void {
    if (!this.watching) return;
    this.watching = false;
    unwatchFile(this.options.configFile);
  }

  /** The file changed: a new core on it takes over (out of service again, with the problems it has now, or in service). */
  private async rebuild(): Promise<void> {
    if (this.closed) return;
    // fs.watchFile may report one write more than once (size, then time): build only on new text.
    const text = fileText(this.options.configFile);
    if (text === this.builtOn) return;
    this.builtOn = text;
    let next: KioskCore;
    try {
      next = await this.options.build();
    } catch (error) {
      // A site terminal's configuration never throws; anything else keeps the terminal as it is.
      log.error('could not build a core on the changed configuration', { error: error instanceof Error ? error : 'unknown' });
      return;
    }
    if (this.closed) {
      await next.close();
      return;
    }
    const previous = this.current;
    this.unsubscribe();
    this.current = next;
    this.unsubscribe = this.forward(next);
    if (this.rendererReady) next.events.markReady();
    next.announceTerminalChanged();
    const inService = !this.outOfService(next);
    log.info('configuration changed: new core took over', { inService });
    if (inService) this.stopWatching();
    await previous.close();
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
