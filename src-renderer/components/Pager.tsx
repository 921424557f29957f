import { useTranslation } from 'react-i18next';

/**
 * The one page control of the terminal (a query's rows; later the services and dead letters): two
 * large buttons and "page 1 of 3" between them. Pages are 0-based here and counted from 1 on screen.
 * Nothing scrolls: a list longer than one screen is read a page at a time.
 */
export function Pager({ page, pageCount, onPage, testId = 'pager' }: { page: number; pageCount: number; onPage(page: number): void; testId?: string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')} data-testid={testId}>
      <button type="button" className="button button--large pager__button" data-testid={`${testId}-prev`} disabled={page <= 0} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">◀ </span>
        {t('pager.previous')}
      </button>
      <p className="pager__where" role="status" data-testid={`${testId}-where`} data-page={page + 1} data-pages={pageCount}>
        {t('pager.where', { page: page + 1, pages: pageCount })}
      </p>
      <button type="button" className="button button--large pager__button" data-testid={`${testId}-next`} disabled={page >= pageCount - 1} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
        <span aria-hidden="true"> ▶</span>
      </button>
    </nav>
  );
}
