import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeadLetter, QueueStatus, Result } from '../../src-main/contract/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { useStore } from '../store/index.js';

/** Refreshes quietly this often, so the oldest row's age stays true between `queue.changed` events. */
const POLL_MS = 10_000;

export interface OpsQueue {
  queue: QueueStatus | null;
  /** The dead letters; null until loaded. */
  items: DeadLetter[] | null;
  now: number;
  /** Reloads status and dead letters; a failure goes to the banner. */
  refresh(): Promise<void>;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
}

/**
 * The offline outbox as the technician screens see it: the status (live from `queue.changed`, polled
 * quietly for the age), the dead letters (reloaded when their count changes), and retry and discard.
 */
export function useOpsQueue(): OpsQueue {
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

  return {
    queue,
    items,
    now,
    refresh,
    retry: (id) => afterAction(() => kiosk().retryDeadLetter({ id })),
    discard: (id) => afterAction(() => kiosk().discardDeadLetter({ id })),
  };
}
