import type { PlayStart } from './audio-player.js';
import type { Utterance, VoiceOrigin } from './voice-source.js';

/** What a started prompt tells the page: its key and source, never its values (a value may be card digits). */
export type VoiceStartDetail = { key: string; origin: VoiceOrigin; clips: number; firstSampleAt: number };

export const VOICE_START_EVENT = 'kiosk:voice-start';

/**
 * Test hook for every prompt a screen asks for: `<html data-voice-requests>` counts them and
 * `data-voice-request` is `<key>:speak` or `<key>:silent` (muted, volume 0) for the last one. A muted
 * screen's request is counted at once, so a test can tell "asked and stayed silent" without waiting.
 */
export function reportVoiceRequest(utterance: Utterance, outcome: 'speak' | 'silent'): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.voiceRequests = String(Number(root.dataset.voiceRequests ?? '0') + 1);
  root.dataset.voiceRequest = `${utterance.key ?? ''}:${outcome}`;
}

/**
 * Test hooks for a prompt whose audio was scheduled: `<html data-voice-count>` counts started
 * prompts, `data-voice-last` is the last prompt's key and `data-voice-origin` its source; a
 * `kiosk:voice-start` event on `document` carries the same and when the first sample is due.
 */
export function reportVoiceStart(utterance: Utterance, start: PlayStart & { origin: VoiceOrigin }): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  const detail: VoiceStartDetail = { key: utterance.key ?? '', origin: start.origin, clips: start.clips, firstSampleAt: start.firstSampleAt };
  root.dataset.voiceCount = String(Number(root.dataset.voiceCount ?? '0') + 1);
  root.dataset.voiceLast = detail.key;
  root.dataset.voiceOrigin = detail.origin;
  document.dispatchEvent(new CustomEvent(VOICE_START_EVENT, { detail }));
}

/** `<html data-voice-preloaded>`: the language whose prompts are all loaded and decoded (the last preload that finished). */
export function reportPreloaded(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.voicePreloaded = language;
}
