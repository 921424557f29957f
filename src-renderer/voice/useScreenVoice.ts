import { useEffect } from 'react';
import i18next from 'i18next';
import type { Language } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { voice } from './index.js';
import type { Utterance } from './voice-source.js';

export const SCREEN_PROMPTS = ['attract', 'home', 'service', 'adminLogin', 'admin', 'idle', 'rating', 'ratingDone'] as const;
export type VoicePrompt = (typeof SCREEN_PROMPTS)[number];
/** Prompts said with values; preloading one (without values) loads its fixed pieces and the joiner's words. */
const VALUE_PROMPTS = ['triesLeft'] as const;

/** The utterance of `voice.<prompt>` in `language`: its key (for the clips) and its text (for the OS voice). */
export function promptUtterance(language: Language, prompt: string, values?: Record<string, unknown>): Utterance {
  // getFixedT: the prompt must be in the new language even if i18next switches a tick later.
  const t = i18next.getFixedT(language) as unknown as (key: string, options?: object) => string;
  const text = t(`voice.${prompt}`, values);
  return values ? { key: prompt, values, text } : { key: prompt, text };
}

/** Speaks `voice.<prompt>` when a screen (or dialog) appears, and again when the language or mute changes. */
export function useScreenVoice(prompt: VoicePrompt): void {
  const language = useStore((s) => s.settings.language);
  const voiceMuted = useStore((s) => s.settings.voiceMuted);
  const volume = useStore((s) => s.settings.volume);
  useEffect(() => {
    void voice.say(promptUtterance(language, prompt), { language, voiceMuted, volume });
  }, [prompt, language, voiceMuted, volume]);
}

/**
 * Decodes every screen's prompt in the current language ahead of time (and the joiner's words of
 * prompts with values), so a screen's prompt starts the moment the screen appears.
 */
export function useVoicePreload(): void {
  const language = useStore((s) => s.settings.language);
  useEffect(() => {
    const prompts = [...SCREEN_PROMPTS, ...VALUE_PROMPTS].map((p): Utterance => ({ key: p, text: '' }));
    void voice.preload(prompts, language);
  }, [language]);
}
