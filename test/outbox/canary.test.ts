import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountyClient } from '../../src-main/county/client.js';
import type { CountyError } from '../../src-main/county/errors.js';
import { configureLogging } from '../../src-main/logs/logger.js';
import { SyncEngine } from '../../src-main/outbox/sync-engine.js';
import { enrolFresh, setFault, spawnBackend, type BackendProcess } from '../county/harness.js';
import { openTestOutbox, useTempDir } from './helpers.js';

// Canary values in personal fields go through record, failed and successful syncs, rejections,
// dead letters and error paths; they must never show up in logs, error messages or the
// database files in clear text.

const CANARY = { idNumber: '990000195001010117', name: 'CANARY-Zhang-5e1d', cardNumber: 'CANARYCARD77310', address: 'CANARY-Street-42' };
const needles = Object.values(CANARY);

let backend: BackendProcess;
const lines: string[] = [];
beforeAll(async () => {
  configureLogging({ sinks: [{ write: (l) => lines.push(l) }], level: 'debug' });
  process.env['KIOSK_LOG_LEVEL'] = 'debug';
  backend = await spawnBackend();
});
afterAll(() => backend.stop());

function leaks(text: string): string[] {
  return needles.filter((n) => text.includes(n));
}

describe('canary personal data', () => {
  const t = useTempDir('canary-');

  it('never appears in logs, errors or the database files', async () => {
    const who = await enrolFresh(backend, 'CANARY-TEST-01');
    const client = new CountyClient({ baseUrl: backend.url, credentials: who, timeoutMs: 500 });
    const ob = await openTestOutbox(t.dir);
    const errors: string[] = [];
    const record = (i: number, extra: Record<string, unknown> = {}) => ob.record({ kind: 'pin-reset', orderingKey: ob.pseudonym(CANARY.idNumber), payload: { i, ...extra }, personal: CANARY });
    // Control: a clear-text payload value must be findable, or the file scan below proves nothing.
    ob.record({ kind: 'demo', orderingKey: 'control', payload: { note: 'CONTROL-PLAIN-9d2' } });
    for (let i = 0; i < 5; i++) record(i);
    record(5, { poison: true });
    ob.record({ kind: 'unknown-kind', orderingKey: 'x', payload: {}, personal: CANARY });
    try {
      ob.record({ kind: '', orderingKey: CANARY.idNumber.slice(0, 0), payload: {}, personal: { ...CANARY, bad: 42 as unknown as string } });
    } catch (err) {
      errors.push(String(err), JSON.stringify(err));
    }
    const atRest = readdirSync(t.dir).map((f) => readFileSync(join(t.dir, f)).toString('latin1'));
    expect(atRest.some((f) => f.includes('CONTROL-PLAIN-9d2'))).toBe(true);
    expect(atRest.flatMap(leaks)).toEqual([]);
    const engine = new SyncEngine({ outbox: ob, client, maxItems: 3, backoff: { baseMs: 10, capMs: 50 } });
    for (const fault of [{ mode: 'status', status: 500 }, { mode: 'drop-after-commit' }, { mode: 'body-limit', bytes: 700 }] as const) {
      await setFault(backend, { fault, times: 2 });
      const out = await engine.runOnce();
      if (out.kind === 'failed') errors.push(out.error.message, String(out.error.cause ?? ''));
    }
    await setFault(backend, { fault: { mode: 'none' } });
    await engine.drain(10_000);
    try {
      await client.lookupResident(CANARY.idNumber);
    } catch (err) {
      errors.push((err as CountyError).message, JSON.stringify(err));
    }
    const status = engine.status();
    errors.push(JSON.stringify(status));
    expect(status.deadLetterCount).toBeGreaterThan(0);
    ob.close();

    const files = readdirSync(t.dir).map((f) => readFileSync(join(t.dir, f)).toString('latin1'));
    expect(files.flatMap(leaks)).toEqual([]);
    expect(leaks(lines.join('\n'))).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
    expect(leaks(errors.join('\n'))).toEqual([]);
    expect(leaks(backend.stderr())).toEqual([]);
  });
});
