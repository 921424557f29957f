import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetter, Language } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { usePackedPages } from '../app/usePackedPages.js';
import { Pager } from './Pager.js';
import { formatInstant, kindKey, reasonView, rowMode } from './queue-panel-model.js';

export interface DeadLetterListProps {
  items: DeadLetter[] | null;
  language: Language;
  now: number;
  /** Each resolves when the call (and the reload after it) is done; failures are shown by the caller. */
  onRetry(id: string): Promise<void>;
  onDiscard(id: string): Promise<void>;
  /** The refresh control, placed beside the pager at the foot of the list. */
  refresh?: ReactNode;
}

/**
 * Dead letters: kind, reason, when set aside, attempts; Retry, or Discard in two steps
 * (irreversible and audited). Only kind and reason are shown, never a payload. A page of rows at a
 * time when they do not all fit the display.
 */
export function DeadLetterList({ items, language, now, onRetry, onDiscard, refresh }: DeadLetterListProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const elderly = useStore((s) => s.settings.elderlyMode);
  const kindText = (kind: string) => {
    const key = kindKey(kind);
    return key ? t(key) : kind;
  };
  const reasonText = (reason: string) => {
    const view = reasonView(reason);
    return view.key === 'queue.reason.rejectedOther' ? t(view.key, { code: view.code }) : t(view.key);
  };
  const [working, setWorking] = useState<string | null>(null);

  const act = async (id: string, action: (id: string) => Promise<void>) => {
    setWorking(id);
    setConfirming(null);
    try {
      await action(id);
    } finally {
      setWorking(null);
    }
  };

  const count = items?.length ?? 0;
  // As many rows as fit; packed again when the list changes (not while a row asks for confirmation:
  // the hint has its own line above the table, so a row keeps its height and its page).
  const pages = usePackedPages<HTMLDivElement>(count, `${elderly}|${language}|${items?.map((d) => d.id).join(',') ?? ''}`);

  return (
    <div className="dead-letters ops-pages" ref={pages.ref} data-testid="dead-letters" data-fitted={pages.fitted}>
      {items !== null && items.length > 0 && (
        <p className="dead-table__hint" id="dead-hint" role="status" data-testid="dead-hint">
          {confirming !== null ? t('queue.dead.confirmHint') : working !== null ? t('queue.dead.working') : ''}
        </p>
      )}
      {items === null ? (
        <p role="status">{t('queue.dead.loading')}</p>
      ) : items.length === 0 ? (
        <p data-testid="dead-empty">{t('queue.dead.empty')}</p>
      ) : (
        <table className="device-table dead-table">
          <thead>
            <tr>
              <th scope="col">{t('queue.dead.column.kind')}</th>
              <th scope="col">{t('queue.dead.column.reason')}</th>
              <th scope="col">{t('queue.dead.column.movedAt')}</th>
              <th scope="col" className="device-table__num">
                {t('queue.dead.column.attempts')}
              </th>
              <th scope="col">{t('queue.dead.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.slice(pages.from, pages.to).map((d) => {
              const mode = rowMode(d.id, confirming, working);
              return (
                <tr key={d.id} data-testid={`dead-${d.id}`}>
                  <th scope="row" className="dead-table__kind">
                    {kindText(d.kind)}
                  </th>
                  <td className="dead-table__reason">{reasonText(d.reason)}</td>
                  <td>{formatInstant(d.movedAt, language, now) ?? '—'}</td>
                  <td className="device-table__num">{d.attempts}</td>
                  <td>
                    {mode === 'working' && <span aria-hidden="true">…</span>}
                    {mode === 'actions' && (
                      <div className="dead-table__actions">
                        <button type="button" className="button button--primary ops-button" data-testid={`dead-retry-${d.id}`} disabled={working !== null} onClick={() => void act(d.id, onRetry)}>
                          {t('queue.dead.retry')}
                        </button>
                        <button type="button" className="button button--secondary ops-button" data-testid={`dead-discard-${d.id}`} disabled={working !== null} onClick={() => setConfirming(d.id)}>
                          {t('queue.dead.discard')}
                        </button>
                      </div>
                    )}
                    {mode === 'confirmDiscard' && (
                      <div className="dead-table__actions">
                          <button
                            type="button"
                            className="button ops-button ops-button--danger"
                            data-testid={`dead-confirm-${d.id}`}
                            aria-describedby="dead-hint"
                            onClick={() => void act(d.id, onDiscard)}
                          >
                            {t('queue.dead.confirm')}
                          </button>
                          <button type="button" className="button button--secondary ops-button" data-testid={`dead-cancel-${d.id}`} onClick={() => setConfirming(null)}>
                            {t('queue.dead.cancel')}
                          </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="ops-foot">
        {pages.showPager && <Pager page={pages.page} pageCount={pages.pageCount} onPage={pages.setPage} testId="dead-pager" />}
        {refresh}
      </div>
    </div>
  );
}
