import type { Language } from '../../src-main/contract/index.js';

export type SpeakOptions = { lang: Language; volume: number };

/**
 * What is to be said: the prompt's `voice.*` key (without `voice.`) and its values, so a clip source
 * can join recorded pieces, and the finished text, for a source that speaks text (the OS voice).
 */
export type Utterance = { text: string; key?: string; values?: Readonly<Record<string, unknown>> };

/** Which source voiced a prompt: the county's recordings, the shipped clips (or both), the OS voice, or nothing. */
export type VoiceOrigin = 'county' | 'clips' | 'mixed' | 'speech' | 'none';

/**
 * Where prompts are voiced. The terminal has one (see `terminal-voice.ts`): the county's recordings
 * first, then the shipped clips, then the OS voice for text that has no clip.
 */
export type VoiceSource = {
  /** Resolves when the prompt has finished (or was cancelled); never rejects. Answers which source spoke. */
  speak(utterance: Utterance, options: SpeakOptions): Promise<VoiceOrigin | void>;
  cancel(): void;
  /** Loads (and decodes) what these prompts need ahead of time, so they start at once; never rejects. */
  preload?(utterances: readonly Utterance[], lang: Language): Promise<void>;
};

export const silentSource: VoiceSource = {
  speak: () => Promise.resolve('none'),
  cancel: () => undefined,
};

/** Remembers what would have been said: for tests and for checking prompts without audio. */
export class RecordingVoiceSource implements VoiceSource {
  readonly spoken: Array<Utterance & SpeakOptions> = [];
  cancels = 0;

  speak(utterance: Utterance, options: SpeakOptions): Promise<VoiceOrigin> {
    this.spoken.push({ ...utterance, ...options });
    return Promise.resolve('none');
  }

  cancel(): void {
    this.cancels += 1;
  }
}
