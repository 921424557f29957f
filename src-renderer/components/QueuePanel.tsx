import { useTranslation } from 'react-i18next';
import type { QueueStatus } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { DeadLetterList } from './DeadLetterList.js';
import { useOpsQueue } from './useOpsQueue.js';
import { SYNC_VIEW, acceptingWarning, formatAge, formatInstant, syncText } from './queue-panel-model.js';
import { OpsPanel } from './OpsPanel.js';
import '../styles/ops.css';

/** Technician view of the offline outbox's status, live from `queue.changed`. */
export function QueuePanel() {
  const { t } = useTranslation();
  const { queue, now, refresh } = useOpsQueue();
  return (
    <OpsPanel id="queue-panel-title" title={t('queue.title')} className="queue-panel" testId="queue-panel">
      <div className="ops-pages">
        {queue === null ? <p role="status">{t('queue.loading')}</p> : <QueueFacts queue={queue} now={now} />}
        <div className="ops-foot">
          <button type="button" className="button button--secondary ops-button" data-testid="queue-refresh" onClick={() => void refresh()}>
            {t('queue.refresh')}
          </button>
        </div>
      </div>
    </OpsPanel>
  );
}

/** Technician view of the records the county refused or that kept failing: retry or discard, a page at a time. */
export function DeadLetterPanel() {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const { items, now, refresh, retry, discard } = useOpsQueue();
  return (
    <OpsPanel id="dead-letters-title" title={t('queue.dead.title')} className="queue-panel dead-panel" testId="dead-panel">
      <DeadLetterList
        items={items}
        language={language}
        now={now}
        onRetry={retry}
        onDiscard={discard}
        refresh={
          <button type="button" className="button button--secondary ops-button" data-testid="dead-refresh" onClick={() => void refresh()}>
            {t('queue.refresh')}
          </button>
        }
      />
    </OpsPanel>
  );
}

function QueueFacts({ queue, now }: { queue: QueueStatus; now: number }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const view = SYNC_VIEW[queue.sync];
  const age = formatAge(queue.oldestAgeMs);
  const lastSync = formatInstant(queue.lastSyncAt, language, now);
  const warning = acceptingWarning(queue);
  return (
    <>
      {warning !== null && (
        <p className="queue-warning" role="alert" data-testid="queue-not-accepting">
          <span aria-hidden="true" className="queue-warning__symbol">
            ⚠
          </span>
          {t(warning)}
        </p>
      )}
      <dl className="facts queue-facts" data-testid="queue-status" data-sync={queue.sync} data-accepting={queue.accepting}>
        <dt>{t('queue.syncLabel')}</dt>
        <dd data-testid="queue-sync">
          <span className={`device-state device-state--${view.tone}`}>
            <span aria-hidden="true" className="device-state__symbol">
              {view.symbol}
            </span>
            {t(syncText(queue.sync))}
          </span>
        </dd>
        <dt>{t('queue.depth')}</dt>
        <dd data-testid="queue-depth" className="queue-facts__num">
          {queue.depth}
        </dd>
        <dt>{t('queue.oldest')}</dt>
        <dd data-testid="queue-oldest">{age.key === 'queue.age.none' ? t(age.key) : t(age.key, { count: age.count })}</dd>
        <dt>{t('queue.deadLetters')}</dt>
        <dd data-testid="queue-dead-count" className="queue-facts__num">
          {queue.deadLetters}
        </dd>
        <dt>{t('queue.lastSync')}</dt>
        <dd data-testid="queue-last-sync">{lastSync ?? t('queue.never')}</dd>
        <dt>{t('queue.accepting')}</dt>
        <dd data-testid="queue-accepting">
          {queue.accepting ? (
            t('queue.acceptingYes')
          ) : (
            <span className="device-state device-state--bad">
              <span aria-hidden="true" className="device-state__symbol">
                ✖
              </span>
              {t('queue.acceptingNo')}
            </span>
          )}
        </dd>
      </dl>
    </>
  );
}
