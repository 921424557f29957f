import { randomUUID } from 'node:crypto';
import type { Settings, SettingsPatch } from '../contract/settings.js';

export type EndReason = 'user' | 'idle' | 'completed' | 'replaced';

/** A store holding resident data registers a wipe; every wipe runs when a session ends. */
export type Wipe = () => void;

/** The one resident session at a time, its settings, and the wipes that run when it ends. */
export class SessionManager {
  private current: { id: string; startedAt: Date } | undefined;
  private settings: Settings;
  private readonly wipes = new Set<Wipe>();

  constructor(
    private readonly defaults: Settings,
    private readonly onEnded: (sessionId: string, reason: EndReason) => void,
  ) {
    this.settings = { ...defaults };
  }

  get sessionId(): string | undefined {
    return this.current?.id;
  }

  start(): { sessionId: string; startedAt: string } {
    if (this.current) this.end(this.current.id, 'replaced');
    this.current = { id: randomUUID(), startedAt: new Date() };
    return { sessionId: this.current.id, startedAt: this.current.startedAt.toISOString() };
  }

  /** Ends the session if `sessionId` is current; returns false otherwise. */
  end(sessionId: string, reason: EndReason): boolean {
    if (!this.current || this.current.id !== sessionId) return false;
    this.current = undefined;
    for (const wipe of this.wipes) {
      try {
        wipe();
      } catch {
        // A failing wipe must not keep the others from running.
      }
    }
    this.settings = { ...this.defaults };
    this.onEnded(sessionId, reason);
    return true;
  }

  registerWipe(wipe: Wipe): () => void {
    this.wipes.add(wipe);
    return () => this.wipes.delete(wipe);
  }

  getSettings(): Settings {
    return { ...this.settings };
  }

  updateSettings(patch: SettingsPatch): Settings {
    const next = { ...this.settings };
    if (patch.language !== undefined) next.language = patch.language;
    if (patch.elderlyMode !== undefined) next.elderlyMode = patch.elderlyMode;
    if (patch.voiceMuted !== undefined) next.voiceMuted = patch.voiceMuted;
    if (patch.volume !== undefined) next.volume = patch.volume;
    this.settings = next;
    return { ...next };
  }
}
