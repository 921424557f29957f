import type { Language, Settings } from '../../src-main/contract/index.js';
import type { Utterance, VoiceSource } from './voice-source.js';

export type VoiceSettings = Pick<Settings, 'language' | 'voiceMuted' | 'volume'>;

/** Told of every prompt the screens ask for, and whether it goes to the source or stays silent (muted, volume 0). */
export type SayObserver = (utterance: Utterance, outcome: 'speak' | 'silent') => void;

const asUtterance = (prompt: Utterance | string): Utterance => (typeof prompt === 'string' ? { text: prompt } : prompt);

/** One prompt at a time: a new screen's prompt cuts off the last one. */
export class VoiceService {
  private last: Utterance | undefined;

  constructor(
    private source: VoiceSource,
    private readonly observe: SayObserver = () => undefined,
  ) {}

  setSource(source: VoiceSource): void {
    this.source.cancel();
    this.source = source;
  }

  say(prompt: Utterance | string, settings: VoiceSettings): Promise<void> {
    this.source.cancel();
    const utterance = asUtterance(prompt);
    if (utterance.text.trim() === '' && utterance.key === undefined) return Promise.resolve();
    this.last = utterance;
    const volume = Number.isFinite(settings.volume) ? Math.min(1, Math.max(0, settings.volume)) : 1;
    if (settings.voiceMuted || volume === 0) {
      this.observe(utterance, 'silent');
      return Promise.resolve();
    }
    this.observe(utterance, 'speak');
    return this.source.speak(utterance, { lang: settings.language, volume }).then(() => undefined);
  }

  /**
   * "Hear it again": the last prompt once more, in `settings.language`. The caller passes the
   * prompt again when it can (its text in the new language); otherwise the remembered one is used.
   */
  repeat(settings: VoiceSettings, prompt?: Utterance): Promise<void> {
    const utterance = prompt ?? this.last;
    return utterance ? this.say(utterance, settings) : Promise.resolve();
  }

  /** Loads what these prompts need so they start at once when said; never rejects. */
  preload(prompts: readonly Utterance[], language: Language): Promise<void> {
    return this.source.preload?.(prompts, language) ?? Promise.resolve();
  }

  /** On mute, session end: stop talking now. */
  stop(): void {
    this.source.cancel();
  }
}
