import type { Settings } from '../../src-main/contract/index.js';
import type { VoiceSource } from './voice-source.js';

export type VoiceSettings = Pick<Settings, 'language' | 'voiceMuted' | 'volume'>;

/** One prompt at a time: a new screen's prompt cuts off the last one. */
export class VoiceService {
  constructor(private source: VoiceSource) {}

  setSource(source: VoiceSource): void {
    this.source.cancel();
    this.source = source;
  }

  say(text: string, settings: VoiceSettings): Promise<void> {
    this.source.cancel();
    if (settings.voiceMuted || text.trim() === '') return Promise.resolve();
    const volume = Number.isFinite(settings.volume) ? Math.min(1, Math.max(0, settings.volume)) : 1;
    if (volume === 0) return Promise.resolve();
    return this.source.speak(text, { lang: settings.language, volume });
  }

  /** On mute, session end: stop talking now. */
  stop(): void {
    this.source.cancel();
  }
}
