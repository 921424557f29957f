import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReachZone } from '../components/ReachZone.js';
import { useStore } from '../store/index.js';
import { startSession } from '../app/session-actions.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';

/** The idle face of the terminal: one big button that starts a resident session. */
export function AttractScreen() {
  const { t } = useTranslation();
  const ready = useStore((s) => s.terminal !== null && s.connection === 'open');
  const [starting, setStarting] = useState(false);
  useScreenVoice('attract');

  const start = async () => {
    setStarting(true);
    const ok = await startSession();
    if (!ok) setStarting(false);
  };

  return (
    <main className="screen screen--attract" data-screen="attract">
      <h1 className="attract__title">{t('attract.title')}</h1>
      <p className="attract__subtitle">{t('attract.subtitle')}</p>
      <ReachZone>
        <button
          type="button"
          className="button button--primary button--hero"
          data-testid="start"
          disabled={!ready || starting}
          onClick={() => void start()}
        >
          {starting ? t('attract.starting') : t('attract.start')}
        </button>
      </ReachZone>
    </main>
  );
}
