import type { Language } from '../../src-main/contract/index.js';

export type SpeakOptions = { lang: Language; volume: number };

/** Where prompts are voiced: speech synthesis today, recorded audio or a TTS device later. */
export type VoiceSource = {
  /** Resolves when the prompt has finished (or was cancelled); never rejects. */
  speak(text: string, options: SpeakOptions): Promise<void>;
  cancel(): void;
};

export const silentSource: VoiceSource = {
  speak: () => Promise.resolve(),
  cancel: () => undefined,
};

/** Remembers what would have been said: for tests and for checking prompts without audio. */
export class RecordingVoiceSource implements VoiceSource {
  readonly spoken: Array<{ text: string } & SpeakOptions> = [];
  cancels = 0;

  speak(text: string, options: SpeakOptions): Promise<void> {
    this.spoken.push({ text, ...options });
    return Promise.resolve();
  }

  cancel(): void {
    this.cancels += 1;
  }
}
