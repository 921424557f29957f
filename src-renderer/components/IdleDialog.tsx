import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreenVoice } from '../voice/useScreenVoice.js';

type Props = { secondsLeft: number; onContinue(): void };

/** "Are you still there?" with a live countdown; only Continue keeps the session. */
export function IdleDialog({ secondsLeft, onContinue }: Props) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useScreenVoice('idle');
  useEffect(() => button.current?.focus(), []);

  return (
    <div className="overlay">
      <div
        className="overlay__panel idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
        data-testid="idle-dialog"
      >
        <h2 id="idle-title" className="overlay__title">{t('idle.title')}</h2>
        <p id="idle-text">{t('idle.warning')}</p>
        <p className="idle-dialog__count" aria-live="polite" aria-atomic="true">
          <span className="visually-hidden">{t('idle.secondsLeft')}: </span>
          <span data-testid="idle-countdown">{secondsLeft}</span>
        </p>
        <button ref={button} type="button" className="button button--primary button--large" data-testid="idle-continue" onClick={onContinue}>
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
