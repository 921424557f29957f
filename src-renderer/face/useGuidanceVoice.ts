import { useEffect, useRef } from 'react';
import { useStore } from '../store/index.js';
import { voice } from '../voice/index.js';
import { promptUtterance } from '../voice/useScreenVoice.js';
import type { ViewState } from './FaceCaptureView.js';
import { guidanceKeys, shouldSpeak, type Spoken } from './face-voice.js';

/** Speaks the guidance: on a change (after a short gap) and as a reminder while it stays. */
export function useGuidanceVoice(state: ViewState): void {
  const language = useStore((s) => s.settings.language);
  const voiceMuted = useStore((s) => s.settings.voiceMuted);
  const volume = useStore((s) => s.settings.volume);
  const last = useRef<Spoken | undefined>(undefined);
  useEffect(() => {
    if (state === 'starting') return;
    const speakIfDue = () => {
      const now = Date.now();
      if (!shouldSpeak(last.current, state, now)) return;
      last.current = { state, at: now };
      void voice.say(promptUtterance(language, guidanceKeys(state).voice.slice('voice.'.length)), { language, voiceMuted, volume });
    };
    speakIfDue();
    const timer = setInterval(speakIfDue, 500);
    return () => clearInterval(timer);
  }, [state, language, voiceMuted, volume]);
}
