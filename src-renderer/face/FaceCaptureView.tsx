import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuidanceState } from './face-guidance.js';
import { guidanceKeys } from './face-voice.js';

export type ViewState = GuidanceState | 'starting';

/**
 * The camera preview with an oval to put the face in, and one large line of guidance under it.
 * `data-face-frames` counts analysed frames, for tests that must see the check run a while;
 * `data-face-blinked` says whether the check has seen this face blink (a blink may come before it is asked for).
 */
export function FaceCaptureView({
  state,
  videoRef,
  frames = 0,
  blinked = false,
}: {
  state: ViewState;
  videoRef?: RefObject<HTMLVideoElement | null>;
  frames?: number;
  blinked?: boolean;
}) {
  const { t } = useTranslation();
  const good = state === 'checking';
  const text = state === 'starting' ? t('face.guide.starting') : t(guidanceKeys(state).text);
  return (
    <div className="face-capture" data-testid="face-capture" data-face-state={state} data-face-frames={frames} data-face-blinked={blinked ? 'yes' : 'no'}>
      <div className={`face-capture__frame${good ? ' face-capture__frame--good' : ''}`}>
        {/* Mirrored like a mirror, so moving left moves left; the still itself is not mirrored. */}
        <video ref={videoRef} className="face-capture__video" autoPlay muted playsInline aria-hidden="true" />
        <svg className="face-capture__outline" viewBox="0 0 640 480" aria-hidden="true" preserveAspectRatio="xMidYMid slice">
          {/* The frame minus the oval (even-odd fill), so the shade darkens everything but the face. */}
          <path className="face-capture__shade" fillRule="evenodd" d="M0 0H640V480H0Z M185 235a135 175 0 1 0 270 0a135 175 0 1 0 -270 0Z" />
          <ellipse cx="320" cy="235" rx="135" ry="175" className="face-capture__oval" />
        </svg>
      </div>
      <p className="face-capture__guide" role="status" aria-live="polite" data-testid="face-guide">
        {text}
      </p>
    </div>
  );
}
