import type { Language } from '../../src-main/contract/index.js';
import { silentSource, type VoiceSource } from './voice-source.js';

/** The parts of the Web Speech API we use, so this runs (and is tested) where it is absent. */
type UtteranceLike = { lang: string; volume: number; onend: (() => void) | null; onerror: (() => void) | null };
type SpeechEnv = {
  speechSynthesis?: { speak(utterance: UtteranceLike): void; cancel(): void };
  SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
};

const voiceLang = (lang: Language): string => (lang === 'en' ? 'en-US' : 'zh-CN');

/** speechSynthesis when the browser has it (and a voice is installed), otherwise silence. */
export function createSpeechSource(env: SpeechEnv = globalThis as SpeechEnv): VoiceSource {
  const synth = env.speechSynthesis;
  const Utterance = env.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return silentSource;
  return {
    speak(text, { lang, volume }) {
      return new Promise<void>((resolve) => {
        try {
          const utterance = new Utterance(text);
          utterance.lang = voiceLang(lang);
          utterance.volume = volume;
          utterance.onend = () => resolve();
          utterance.onerror = () => resolve();
          synth.speak(utterance);
        } catch {
          // A missing voice must never break the screen behind it.
          resolve();
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
