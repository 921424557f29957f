import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountyClient } from '../../src-main/county/client.js';
import type { FaultRequest } from '../../src-main/county/reference/faults.js';
import { configureLogging } from '../../src-main/logs/logger.js';
import { SyncEngine } from '../../src-main/outbox/sync-engine.js';
import { openTestOutbox, useTempDir } from '../outbox/helpers.js';
import { effects, enrolFresh, setFault, spawnBackend, type BackendProcess } from './harness.js';

// Every fault mode of the reference backend: each transaction ends applied exactly once or in
// dead letters with a reason (the poisoned one), never lost, never applied twice.

let b: BackendProcess;
beforeAll(async () => {
  configureLogging({ sinks: [{ write: () => undefined }] });
  b = await spawnBackend();
});
afterAll(() => b.stop());

const CASES: [string, FaultRequest][] = [
  ['drop response after commit', { fault: { mode: 'drop-after-commit' }, times: 3 }],
  ['reset connection', { fault: { mode: 'reset' }, times: 3 }],
  ['stall past the client timeout', { fault: { mode: 'stall', ms: 900 }, times: 2 }],
  ['500', { fault: { mode: 'status', status: 500 }, times: 3 }],
  ['503 with Retry-After', { fault: { mode: 'status', status: 503, retryAfterS: 1 }, times: 1 }],
  ['429 with Retry-After', { fault: { mode: 'status', status: 429, retryAfterS: 1 }, times: 2 }],
  ['bad signature', { fault: { mode: 'bad-signature' }, times: 2 }],
  ['clock skew beyond the limit', { fault: { mode: 'clock-skew', skewMs: 40 * 60_000 } }],
  ['small body limit (413)', { fault: { mode: 'body-limit', bytes: 1_500 } }],
  ['random drops, half the requests', { fault: { mode: 'drop-after-commit' }, probability: 0.5, times: 8 }],
];

describe('fault matrix against the reference backend', () => {
  const t = useTempDir('faults-');
  let n = 0;

  it.each(CASES)('%s', async (_name, fault) => {
    const who = await enrolFresh(b, `FAULT-CASE-${String(++n).padStart(2, '0')}`);
    const client = new CountyClient({ baseUrl: b.url, credentials: who, timeoutMs: 400 });
    const ob = await openTestOutbox(t.dir);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const poison = i === 5;
      ids.push(ob.record({ kind: 'demo', orderingKey: `r-${i % 4}`, payload: { i, ...(poison ? { poison: true } : {}) }, personal: { name: `Demo ${i}` } }).id);
    }
    let reEnrolled = 0;
    const engine = new SyncEngine({
      outbox: ob,
      client,
      maxItems: 5,
      backoff: { baseMs: 20, capMs: 200 },
      inFlightRetryMs: 50,
      onAuthFailure: () => {
        reEnrolled++;
        return true;
      },
    });
    await setFault(b, fault);
    try {
      expect(await engine.drain(20_000)).toBe(true);
    } finally {
      await setFault(b, { fault: { mode: 'none' } });
    }
    const fx = await effects(b);
    const dead = new Map(ob.deadLetters.list().map((d) => [d.id, d.reason]));
    for (const [i, id] of ids.entries()) {
      if (i === 5) {
        expect(dead.get(id)).toBe('rejected:invalid_item');
        expect(fx[id]).toBeUndefined();
      } else {
        expect(fx[id]).toBe(1);
        expect(['applied', 'duplicate']).toContain(ob.txState(id));
      }
    }
    expect(dead.size).toBe(1);
    if (fault.fault.mode === 'bad-signature') expect(reEnrolled).toBeGreaterThan(0);
    // A dropped answer after commit comes back as "duplicate" on the retry: proof the fault fired.
    if (fault.fault.mode === 'drop-after-commit' && fault.probability === undefined) expect(ids.some((id) => ob.txState(id) === 'duplicate')).toBe(true);
    ob.close();
  }, 40_000);
});
