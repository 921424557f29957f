import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { voice } from '../voice/index.js';
import { currentPrompt, promptUtterance } from '../voice/useScreenVoice.js';
import '../styles/hear-again.css';

type Props = {
  /** `bar` on the dark top bar (the default), `screen` on a light screen. */
  tone?: 'bar' | 'screen';
};

/**
 * "Hear it again": says the prompt of what is on screen once more (the dialog's when one is open),
 * in the current language and volume. Disabled while the voice is muted. At least 60 px (80 px in
 * elderly mode) square. Drop it in anywhere: `<HearAgainButton />`.
 */
export function HearAgainButton({ tone = 'bar' }: Props) {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const hear = () => {
    const current = currentPrompt();
    void (current ? voice.say(promptUtterance(settings.language, current.prompt, current.values), settings) : voice.repeat(settings));
  };
  return (
    <button
      type="button"
      className={`hear-again hear-again--${tone}`}
      data-testid="hear-again"
      disabled={settings.voiceMuted}
      onClick={hear}
    >
      <svg className="hear-again__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span>{t('hearAgain.label')}</span>
    </button>
  );
}
