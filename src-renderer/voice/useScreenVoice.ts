import { useEffect } from 'react';
import i18next from 'i18next';
import type { Language } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { setCountyRecordings, voice } from './index.js';
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

/** The prompts of what is on screen, innermost (a dialog over a screen) last: "hear it again" says the last. */
const onScreen: VoicePrompt[] = [];

/** The prompt "hear it again" repeats: the top dialog's, else the screen's. */
export const currentPrompt = (): VoicePrompt | undefined => onScreen.at(-1);

/** Speaks `voice.<prompt>` when a screen (or dialog) appears, and again when the language or mute changes. */
export function useScreenVoice(prompt: VoicePrompt): void {
  const language = useStore((s) => s.settings.language);
  const voiceMuted = useStore((s) => s.settings.voiceMuted);
  const volume = useStore((s) => s.settings.volume);
  useEffect(() => {
    onScreen.push(prompt);
    return () => {
      const index = onScreen.lastIndexOf(prompt);
      if (index >= 0) onScreen.splice(index, 1);
    };
  }, [prompt]);
  // Not before the terminal info is in: it names the county's recordings, and the settings that come with it may change the language.
  const known = useStore((s) => s.terminal !== null);
  useEffect(() => {
    if (known) void voice.say(promptUtterance(language, prompt), { language, voiceMuted, volume });
  }, [prompt, language, voiceMuted, volume, known]);
}

/**
 * Decodes every screen's prompt in the current language ahead of time (and the joiner's words of
 * prompts with values), so a screen's prompt starts the moment the screen appears.
 */
export function useVoicePreload(): void {
  const language = useStore((s) => s.settings.language);
  const known = useStore((s) => s.terminal !== null);
  const recordings = useStore((s) => s.terminal?.voiceRecordings);
  useEffect(() => {
    // The county's recordings (named in the terminal info) take precedence from then on. Before
    // it arrives the shipped clips are loaded and the audio output started, which takes a while
    // the first time; the attract prompt then starts as soon as the terminal info is in.
    if (known) setCountyRecordings(recordings ?? []);
    const prompts = [...SCREEN_PROMPTS, ...VALUE_PROMPTS].map((p): Utterance => ({ key: p, text: '' }));
    void voice.preload(prompts, language);
  }, [language, recordings, known]);
}
