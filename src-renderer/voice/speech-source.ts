import type { Language } from '../../src-main/contract/index.js';
import type { Utterance, VoiceOrigin, VoiceSource } from './voice-source.js';

/** The parts of the Web Speech API we use, so this runs (and is tested) where it is absent. */
type UtteranceLike = { lang: string; volume: number; onend: (() => void) | null; onerror: (() => void) | null };
type SpeechEnv = {
  speechSynthesis?: { speak(utterance: UtteranceLike): void; cancel(): void; getVoices?(): ReadonlyArray<{ lang: string }> };
  SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
};

const voiceLang = (lang: Language): string => (lang === 'en' ? 'en-US' : 'zh-CN');

/** The OS voice: speaks an utterance's text. `hasVoice` tells whether the OS has a voice for the language. */
export type SpeechSource = VoiceSource & { hasVoice(lang: Language): boolean };

/** speechSynthesis when the browser has it (and a voice is installed), otherwise silence. */
export function createSpeechSource(env: SpeechEnv = globalThis as SpeechEnv): SpeechSource {
  const synth = env.speechSynthesis;
  const Utterance = env.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return { speak: () => Promise.resolve('none'), cancel: () => undefined, hasVoice: () => false };
  return {
    hasVoice(lang) {
      try {
        // Chromium on Debian lists none, even with speech-dispatcher; Windows lists its zh-CN voices.
        const prefix = lang === 'en' ? 'en' : 'zh';
        return (synth.getVoices?.() ?? []).some((v) => v.lang.replace('_', '-').toLowerCase().startsWith(prefix));
      } catch {
        return false;
      }
    },
    speak({ text }: Utterance, { lang, volume }) {
      return new Promise<VoiceOrigin>((resolve) => {
        try {
          const utterance = new Utterance(text);
          utterance.lang = voiceLang(lang);
          utterance.volume = volume;
          utterance.onend = () => resolve('speech');
          utterance.onerror = () => resolve('speech');
          synth.speak(utterance);
        } catch {
          // A missing voice must never break the screen behind it.
          resolve('none');
        }
      });
    },
    cancel() {
      try {
        synth.cancel();
      } catch {
        // nothing to stop
      }
    },
  };
}
