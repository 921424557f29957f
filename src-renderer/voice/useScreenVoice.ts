import { useEffect } from 'react';
import i18next from 'i18next';
import type { Language } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { setCountyRecordings, voice } from './index.js';
import type { Utterance } from './voice-source.js';
import type { zhCN } from '../i18n/locales/zh-CN.js';
import { voiceLocales } from './locales.js';
import { voicePrompts } from './prompts.js';
import { reportPreloaded } from './voice-hooks.js';

/** A voice prompt: a key of the locales' `voice` object (`home`, `triesLeft`, `faceBlink`). */
export type VoicePrompt = keyof (typeof zhCN)['voice'];

/**
 * Every prompt of a language, the one on screen first; preloading one with values loads its fixed
 * pieces and the joiner's words.
 */
function allPrompts(language: Language): Utterance[] {
  const first = currentPrompt()?.prompt;
  const keys = [...voicePrompts(voiceLocales[language]).keys()].sort((a, b) => Number(b === first) - Number(a === first));
  return keys.map((key) => ({ key, text: '' }));
}

/** The utterance of `voice.<prompt>` in `language`: its key (for the clips) and its text (for the OS voice). */
export function promptUtterance(language: Language, prompt: string, values?: Record<string, unknown>): Utterance {
  // getFixedT: the prompt must be in the new language even if i18next switches a tick later.
  const t = i18next.getFixedT(language) as unknown as (key: string, options?: object) => string;
  const text = t(`voice.${prompt}`, values);
  return values ? { key: prompt, values, text } : { key: prompt, text };
}

type OnScreen = { prompt: VoicePrompt; values: Record<string, unknown> | undefined };

/** The prompts of what is on screen, innermost (a dialog over a screen) last: "hear it again" says the last. */
const onScreen: OnScreen[] = [];

/** The prompt "hear it again" repeats (with its values): the top dialog's, else the screen's. */
export const currentPrompt = (): Readonly<OnScreen> | undefined => onScreen.at(-1);

/**
 * Speaks `voice.<prompt>` when a screen (or dialog) appears, and again when the language, mute, volume
 * or a value changes; `null` while the screen is not yet ready to say anything. `values` fill the prompt's `{{name, kind}}` places (joined from word clips).
 */
export function useScreenVoice(prompt: VoicePrompt | null, values?: Readonly<Record<string, string | number>>): void {
  const language = useStore((s) => s.settings.language);
  const voiceMuted = useStore((s) => s.settings.voiceMuted);
  const volume = useStore((s) => s.settings.volume);
  // Values by content, not identity: a new object with the same values on each render says nothing new.
  const valuesKey = values ? JSON.stringify(values) : undefined;
  useEffect(() => {
    if (prompt === null) return;
    const entry: OnScreen = { prompt, values: valuesKey === undefined ? undefined : (JSON.parse(valuesKey) as Record<string, unknown>) };
    onScreen.push(entry);
    return () => {
      const index = onScreen.lastIndexOf(entry);
      if (index >= 0) onScreen.splice(index, 1);
    };
  }, [prompt, valuesKey]);
  // Not before the terminal info is in: it names the county's recordings, and the settings that come with it may change the language.
  const known = useStore((s) => s.terminal !== null);
  useEffect(() => {
    const parsed = valuesKey === undefined ? undefined : (JSON.parse(valuesKey) as Record<string, unknown>);
    if (known && prompt !== null) void voice.say(promptUtterance(language, prompt, parsed), { language, voiceMuted, volume });
  }, [prompt, valuesKey, language, voiceMuted, volume, known]);
}

/**
 * Decodes every prompt of the current language ahead of time, in the background (and the joiner's
 * words for prompts with values), so a screen's prompt starts the moment the screen appears; the
 * prompt a screen says first is fetched ahead of the rest.
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
    void voice.preload(allPrompts(language), language).then(() => reportPreloaded(language));
  }, [language, recordings, known]);
}
