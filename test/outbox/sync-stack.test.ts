import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ENROLMENT_CODES, startCountyBackend } from '../../src-main/county/reference/index.js';
import { configureLogging } from '../../src-main/logs/logger.js';
import { SyncStack } from '../../src-main/outbox/sync-stack.js';
import { sampleTx, useTempDir } from './helpers.js';

describe('SyncStack', () => {
  const t = useTempDir('stack-');

  it('enrols once, keeps the credential encrypted, syncs after a restart, and pauses for re-enrolment on 401', async () => {
    configureLogging({ sinks: [] });
    const backend = await startCountyBackend({ port: 0 });
    try {
      const opts = { dataDir: t.dir, countyUrl: backend.url, siteId: 'demo-site-01', engine: { backoff: { baseMs: 5, capMs: 20 } } };
      const first = await SyncStack.open(opts);
      expect(first.enrolled).toBe(false);
      const terminalId = await first.enrol(DEMO_ENROLMENT_CODES[1] ?? '');
      const a = first.outbox.record({ ...sampleTx(1), kind: 'demo' });
      await first.close();
      const credential = (backend.db.prepare('SELECT credential FROM terminals WHERE terminal_id = ?').get(terminalId) as { credential: Buffer }).credential;
      const onDisk = readdirSync(t.dir).map((f) => readFileSync(join(t.dir, f)).toString('latin1')).join('');
      expect(onDisk.includes(credential.toString('base64url'))).toBe(false);

      let needs = 0;
      const second = await SyncStack.open({ ...opts, onNeedsEnrolment: () => void needs++ });
      expect(second.enrolled).toBe(true);
      expect(await second.engine.drain(10_000)).toBe(true);
      expect(second.outbox.txState(a.id)).toBe('applied');
      await second.heartbeat([{ kind: 'printer', status: 'degraded', detail: 'ribbon low' }], '0.1.0');
      expect(JSON.parse((backend.db.prepare('SELECT body FROM heartbeats').get() as { body: string }).body)).toMatchObject({ queueDepth: 0, devices: [{ kind: 'printer' }] });
      const docs = await second.pullDocuments();
      expect(docs.config?.siteId).toBe('demo-site-01');
      expect(docs.catalog?.services.length).toBeGreaterThan(0);
      expect(await second.pullDocuments()).toEqual({ config: null, catalog: null });

      backend.db.prepare('UPDATE terminals SET revoked = 1').run();
      second.outbox.record({ ...sampleTx(2), kind: 'demo' });
      expect(await second.engine.drain(2_000)).toBe(false);
      expect([needs, second.engine.status().state, second.engine.status().deadLetterCount]).toEqual([1, 'paused-auth', 0]);
      await second.enrol(DEMO_ENROLMENT_CODES[2] ?? '');
      expect(await second.engine.drain(10_000)).toBe(true);
      await second.close();
    } finally {
      await backend.close();
    }
  });
});
