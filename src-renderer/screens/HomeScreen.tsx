import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { loadCatalog } from '../app/site-actions.js';
import { finishSession } from '../app/session-actions.js';
import { usePackedPages } from '../app/usePackedPages.js';
import { useReachZone } from '../app/useReachZone.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { Pager } from '../components/Pager.js';
import { CatalogGroups, catalogInOrder } from './CatalogGroups.js';

/**
 * The site's services by category, a page at a time, and the way out. Each page holds as many tiles
 * as fit below the reach line on this display, in this mode and language, worked out before the
 * screen is painted and again when the window, the mode, the language or the catalog changes.
 */
export function HomeScreen() {
  const { t } = useTranslation();
  const catalog = useStore((s) => s.catalog);
  const elderly = useStore((s) => s.settings.elderlyMode);
  const language = useStore((s) => s.settings.language);
  const ordered = catalog ? catalogInOrder(catalog) : [];
  const total = ordered.length;
  const zone = useReachZone<HTMLDivElement>();
  const pages = usePackedPages(total, `${elderly}|${language}`, zone);
  const { fitted, page, from, to } = pages;
  // The first page says what to do and, when there are more, how many pages there are; the others say where the resident is.
  // Nothing while the pages are being packed (the count is not known yet), so only the final prompt is heard.
  const paged = fitted && pages.pageCount > 1;
  // Nothing either before the catalog has come (its page count is not known yet).
  const prompt = catalog === null || !fitted ? null : !paged ? 'home' : page === 0 ? 'homePaged' : 'flowRecordsPage';
  useScreenVoice(prompt, paged ? { page: page + 1, pages: pages.pageCount } : undefined);

  useEffect(() => {
    void loadCatalog();
  }, []);

  const shown: Catalog | null = catalog ? { ...catalog, services: ordered.slice(from, to) } : null;
  return (
    <main className="screen screen--home" data-screen="home">
      <h1 className="home__title">{t('home.title')}</h1>
      <p className="screen__lead home__lead">{t('home.lead')}</p>
      <div className="reach-zone home__zone" ref={zone} data-testid="home-zone" data-fitted={fitted && total > 0}>
        {shown === null ? <p role="status">{t('home.loading')}</p> : <CatalogGroups catalog={shown} />}
        <div className="home__foot">
          {pages.showPager && <Pager page={page} pageCount={pages.pageCount} onPage={pages.setPage} testId="home-pager" />}
          <button type="button" className="button button--secondary button--large" data-testid="end-session" onClick={() => void finishSession('user')}>
            {t('home.endSession')}
          </button>
        </div>
      </div>
    </main>
  );
}
