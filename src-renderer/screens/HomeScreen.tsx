import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { loadCatalog } from '../app/site-actions.js';
import { finishSession } from '../app/session-actions.js';
import { useReachZone } from '../app/useReachZone.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { Pager } from '../components/Pager.js';
import { CatalogGroups, catalogInOrder } from './CatalogGroups.js';

/**
 * Pages packed one after another: each page starts where the last one ended and takes as many tiles
 * as fit (its category headings count too), trying all that are left and giving one back at a time.
 */
interface Fit {
  key: string;
  /** The first tile of each packed page. */
  starts: number[];
  /** The page being packed: its first tile and how many it is trying; null once every tile has a page. */
  probe: { start: number; count: number } | null;
  /** True once one page could not hold every tile: every page then carries the pager. */
  paged: boolean;
  /** The page the resident is on. */
  page: number;
}

function startFit(key: string, total: number): Fit {
  return { key, starts: [], probe: { start: 0, count: total }, paged: false, page: 0 };
}

/** One step of packing after the probe was laid out: give a tile back, or close the page and start the next. */
export function packStep(fit: Fit, total: number, overflows: boolean): Fit {
  const probe = fit.probe;
  if (!probe) return fit;
  if (overflows && probe.count > 1) {
    // A page that cannot hold everything left shows the pager: start again with it there.
    if (!fit.paged) return { ...fit, starts: [], probe: { start: 0, count: total - 1 }, paged: true };
    return { ...fit, probe: { start: probe.start, count: probe.count - 1 } };
  }
  const starts = [...fit.starts, probe.start];
  const next = probe.start + probe.count;
  return { ...fit, starts, probe: next < total ? { start: next, count: total - next } : null };
}

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
  const zone = useReachZone<HTMLDivElement>();
  const ordered = catalog ? catalogInOrder(catalog) : [];
  const total = ordered.length;
  const [viewport, setViewport] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  const key = `${viewport}|${elderly}|${language}|${total}`;
  const [fit, setFit] = useState<Fit>(() => startFit('', 0));
  const current = fit.key === key;
  const fitted = current && fit.probe === null;
  const pageCount = Math.max(1, fit.starts.length);
  const page = fitted ? Math.min(fit.page, pageCount - 1) : 0;
  // While fitting, the page being packed is shown (never painted); once fitted, the resident's page.
  const from = !current ? 0 : fit.probe ? fit.probe.start : (fit.starts[page] ?? 0);
  const to = !current ? total : fit.probe ? fit.probe.start + fit.probe.count : (fit.starts[page + 1] ?? total);
  // The first page says what to do and, when there are more, how many pages there are; the others say where the resident is.
  // Nothing while the pages are being packed (the count is not known yet), so only the final prompt is heard.
  const paged = fitted && pageCount > 1;
  const prompt = !fitted && total > 0 ? null : !paged ? 'home' : page === 0 ? 'homePaged' : 'flowRecordsPage';
  useScreenVoice(prompt, paged ? { page: page + 1, pages: pageCount } : undefined);

  useEffect(() => {
    void loadCatalog();
  }, []);

  useEffect(() => {
    const onResize = () => setViewport(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useLayoutEffect(() => {
    const el = zone.current;
    if (!el || total === 0) return;
    if (!current) return setFit(startFit(key, total));
    if (fit.probe) setFit(packStep(fit, total, el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1));
  }, [zone, total, current, key, fit]);

  const shown: Catalog | null = catalog ? { ...catalog, services: ordered.slice(from, to) } : null;
  return (
    <main className="screen screen--home" data-screen="home">
      <h1 className="home__title">{t('home.title')}</h1>
      <p className="screen__lead home__lead">{t('home.lead')}</p>
      <div className="reach-zone home__zone" ref={zone} data-testid="home-zone" data-fitted={fitted}>
        {shown === null ? <p role="status">{t('home.loading')}</p> : <CatalogGroups catalog={shown} />}
        <div className="home__foot">
          {(fit.paged || pageCount > 1) && (
            <Pager page={page} pageCount={fitted ? pageCount : Math.max(2, pageCount + 1)} onPage={(next) => setFit({ ...fit, page: next })} testId="home-pager" />
          )}
          <button type="button" className="button button--secondary button--large" data-testid="end-session" onClick={() => void finishSession('user')}>
            {t('home.endSession')}
          </button>
        </div>
      </div>
    </main>
  );
}
