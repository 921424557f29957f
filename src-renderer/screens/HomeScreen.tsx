import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { loadCatalog } from '../app/site-actions.js';
import { finishSession } from '../app/session-actions.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { CatalogGroups } from './CatalogGroups.js';

/** The site's services by category, and the way out. */
export function HomeScreen() {
  const { t } = useTranslation();
  const catalog = useStore((s) => s.catalog);
  useScreenVoice('home');

  useEffect(() => {
    void loadCatalog();
  }, []);

  return (
    <main className="screen screen--home" data-screen="home">
      <div className="screen__head">
        <h1>{t('home.title')}</h1>
        <button
          type="button"
          className="button button--secondary"
          data-testid="end-session"
          onClick={() => void finishSession('user')}
        >
          {t('home.endSession')}
        </button>
      </div>
      {catalog === null ? <p role="status">{t('home.loading')}</p> : <CatalogGroups catalog={catalog} />}
    </main>
  );
}
