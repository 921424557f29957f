import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetter, QueueStatus, Result } from '../../src-main/contract/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { useStore } from '../store/index.js';
import { DeadLetterList } from './DeadLetterList.js';
import { SYNC_VIEW, acceptingWarning, formatAge, formatInstant, syncText } from './queue-panel-model.js';
import '../styles/ops.css';

/** Refreshes quietly this often, so the oldest row's age stays true between `queue.changed` events. */
const POLL_MS = 10_000;

/** Technician view of the offline outbox: status (live from `queue.changed`) and the dead letters. */
export function QueuePanel() {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const queue = useStore((s) => s.queue);
  const setQueue = useStore((s) => s.setQueue);
  const [items, setItems] = useState<DeadLetter[] | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    const [status, list] = await Promise.all([run(() => kiosk().getQueueStatus({})), run(() => kiosk().listDeadLetters({}))]);
    if (status) setQueue(status);
    if (list) setItems(list.items);
    setNow(Date.now());
  }, [setQueue]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      setNow(Date.now());
      // Quiet: a failed poll is not worth a banner; the explicit refresh shows errors.
      kiosk()
        .getQueueStatus({})
        .then((r) => r.ok && setQueue(r.value))
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, setQueue]);

  // A dead letter appeared or went (engine, another action): reload the list quietly.
  const deadCount = queue?.deadLetters ?? null;
  const seenCount = useRef(deadCount);
  useEffect(() => {
    if (deadCount === null || seenCount.current === deadCount) return;
    seenCount.current = deadCount;
    kiosk()
      .listDeadLetters({})
      .then((r) => r.ok && setItems(r.value.items))
      .catch(() => undefined);
  }, [deadCount]);

  const afterAction = useCallback(
    async (call: () => Promise<Result<unknown>>) => {
      // not_found / admin_not_authorized go to the banner as errors.<code>; reload either way.
      await run(call);
      await refresh();
    },
    [refresh],
  );

  return (
    <section className="queue-panel" aria-labelledby="queue-panel-title" data-testid="queue-panel">
      <div className="device-panel__head">
        <h2 id="queue-panel-title">{t('queue.title')}</h2>
        <button type="button" className="button button--secondary ops-button" data-testid="queue-refresh" onClick={() => void refresh()}>
          {t('queue.refresh')}
        </button>
      </div>
      {queue === null ? <p role="status">{t('queue.loading')}</p> : <QueueFacts queue={queue} now={now} />}
      <DeadLetterList
        items={items}
        language={language}
        now={now}
        onRetry={(id) => afterAction(() => kiosk().retryDeadLetter({ id }))}
        onDiscard={(id) => afterAction(() => kiosk().discardDeadLetter({ id }))}
      />
    </section>
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
