import type { ComponentType } from 'react';
import type { FlowView } from '../../src-main/contract/index.js';
import type { VoicePrompt } from '../voice/useScreenVoice.js';

/** What every step screen gets: the flow's latest view (masked fields and digit counts only). */
export interface StepProps {
  view: FlowView;
  /** Picks one of the view's choices (another service, offered when this one cannot go on). */
  choose(choice: string): void;
}

/** A service's screens: one per step id of its flow, and the prompt each view says. */
export interface FlowScreens {
  steps: Readonly<Record<string, ComponentType<StepProps>>>;
  voice(view: FlowView): VoicePrompt;
  /** Steps with no "back" button: going back from them would only leave the flow ("leave" does that). */
  noBack?: ReadonlySet<string>;
}
