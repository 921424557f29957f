// When a guidance state is spoken: on a change (not more often than every couple of seconds, so a
// flickering state does not chatter), and again as a reminder while the resident stays stuck.
import type { GuidanceState } from './face-guidance.js';

export interface Spoken {
  state: GuidanceState;
  at: number;
}

export const VOICE_TIMING = { minGapMs: 2000, repeatMs: 12_000 } as const;

/** Whether to speak `state` now, given what was spoken last (and when). */
export function shouldSpeak(last: Spoken | undefined, state: GuidanceState, now: number): boolean {
  if (!last) return true;
  const since = now - last.at;
  return last.state === state ? since >= VOICE_TIMING.repeatMs : since >= VOICE_TIMING.minGapMs;
}

/** The i18next keys of a state: large text and voice prompt. */
export function guidanceKeys(state: GuidanceState) {
  const voiceKey = `face${state[0]!.toUpperCase()}${state.slice(1)}` as `face${Capitalize<GuidanceState>}`;
  return { text: `face.guide.${state}` as const, voice: `voice.${voiceKey}` as const };
}
