import { useEffect } from 'react';
import i18next from 'i18next';
import { useStore } from '../store/index.js';
import { voice } from './index.js';

export type VoicePrompt = 'attract' | 'home' | 'service' | 'adminLogin' | 'admin' | 'idle' | 'rating' | 'ratingDone';

/** Speaks `voice.<prompt>` when a screen (or dialog) appears, and again when the language or mute changes. */
export function useScreenVoice(prompt: VoicePrompt): void {
  const language = useStore((s) => s.settings.language);
  const voiceMuted = useStore((s) => s.settings.voiceMuted);
  const volume = useStore((s) => s.settings.volume);
  useEffect(() => {
    // getFixedT: the prompt must be in the new language even if i18next switches a tick later.
    const key = `voice.${prompt}` as const;
    void voice.say(i18next.getFixedT(language)(key), { language, voiceMuted, volume });
  }, [prompt, language, voiceMuted, volume]);
}
