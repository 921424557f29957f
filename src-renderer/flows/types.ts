import type { ComponentType } from 'react';
import type { FlowView } from '../../src-main/contract/index.js';
import type { VoicePrompt } from '../voice/useScreenVoice.js';

/** What every step screen gets: the flow's latest view (masked fields and digit counts only). */
export interface StepProps {
  view: FlowView;
  /** Picks one of the view's choices (another service, offered when this one cannot go on). */
  choose(choice: string): void;
}

/** What a view says: a prompt, or a prompt with the values its `{{name, kind}}` places speak. */
export type ScreenVoice = VoicePrompt | { prompt: VoicePrompt; values: Readonly<Record<string, string | number>> };

/** A service's screens: one per step id of its flow, and the prompt each view says. */
export interface FlowScreens {
  steps: Readonly<Record<string, ComponentType<StepProps>>>;
  voice(view: FlowView): ScreenVoice;
  /** Steps with no "back" button: going back from them would only leave the flow ("leave" does that). */
  noBack?: ReadonlySet<string>;
  /** Steps whose own main button is the way out (a query's answer: "I have read it"): no separate "leave". */
  noLeave?: ReadonlySet<string>;
}
