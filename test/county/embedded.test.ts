import { describe, expect, it } from 'vitest';
import { CountyClient } from '../../src-main/county/client.js';
import { DEMO_ENROLMENT_CODES, startCountyBackend } from '../../src-main/county/reference/index.js';
import { configureLogging } from '../../src-main/logs/logger.js';
import { buildHeartbeat } from '../../src-main/outbox/heartbeat.js';
import { SyncEngine } from '../../src-main/outbox/sync-engine.js';
import { openTestOutbox, sampleTx, useTempDir } from '../outbox/helpers.js';

describe('embedded reference backend (as npm start runs it)', () => {
  const t = useTempDir('embedded-');

  it('enrols with a demo code, syncs the outbox, reports a heartbeat, and ops can retry a dead letter', async () => {
    configureLogging({ sinks: [] });
    const backend = await startCountyBackend({ port: 0 });
    try {
      const client = new CountyClient({ baseUrl: backend.url });
      await client.enrol(DEMO_ENROLMENT_CODES[0] ?? '', 'demo-site-01');
      const ob = await openTestOutbox(t.dir);
      const engine = new SyncEngine({ outbox: ob, client, backoff: { baseMs: 5, capMs: 20 } });
      for (let i = 0; i < 3; i++) ob.record({ ...sampleTx(i), kind: 'demo' });
      const odd = ob.record({ ...sampleTx(9), kind: 'not-yet-known' });
      expect(await engine.drain(10_000)).toBe(true);
      expect(engine.status()).toMatchObject({ depth: 0, deadLetterCount: 1, deadLetters: [{ id: odd.id, reason: 'rejected:unknown_kind' }] });

      const ack = await client.heartbeat(buildHeartbeat(engine.status(), [{ kind: 'card-reader', status: 'ok' }], '0.1.0'));
      expect(ack.configVersion).toBe('1');
      const stored = backend.db.prepare('SELECT body FROM heartbeats').get() as { body: string };
      expect(JSON.parse(stored.body)).toMatchObject({ queueDepth: 0, deadLetters: 1, devices: [{ kind: 'card-reader', status: 'ok' }] });

      engine.retryDeadLetter(odd.id, 'ops-demo', 'kind enabled at the county');
      expect(engine.status()).toMatchObject({ depth: 1, deadLetterCount: 0 });
      expect(ob.deadLetters.auditTrail()[0]).toMatchObject({ deadLetterId: odd.id, action: 'retry', actor: 'ops-demo' });
      ob.close();
    } finally {
      await backend.close();
    }
  });
});
