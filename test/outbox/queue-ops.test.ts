import { describe, expect, it } from 'vitest';
import { QueueStatusSchema, DeadLetterSchema } from '../../src-main/contract/ops.js';
import { CountyError } from '../../src-main/county/errors.js';
import { queueOps } from '../../src-main/outbox/queue-ops.js';
import { SyncEngine } from '../../src-main/outbox/sync-engine.js';
import { openTestOutbox, sampleTx, useTempDir } from './helpers.js';

describe('queueOps (the core’s QueueOps over the real outbox)', () => {
  const t = useTempDir('qops-');

  it('reports contract-valid status and dead letters, retries and discards them, and pushes changes', async () => {
    const ob = await openTestOutbox(t.dir);
    let calls = 0;
    const engine = new SyncEngine({
      outbox: ob,
      client: {
        async uploadBatch(items) {
          if (calls++ === 0) throw new CountyError('network', 'uploadBatch');
          return items.map((i) => ({ id: i.id, status: i.payload['step'] === 2 ? ('rejected' as const) : ('applied' as const), reason: 'invalid_item' }));
        },
      },
      backoff: { baseMs: 1, capMs: 2 },
    });
    const ops = queueOps(ob, engine);
    const seen: string[] = [];
    const off = ops.onChange((s) => seen.push(s.sync));
    ob.record(sampleTx(1));
    ob.record(sampleTx(2));
    await engine.runOnce();
    expect(QueueStatusSchema.parse(ops.status())).toMatchObject({ depth: 2, sync: 'offline', accepting: true });
    await engine.drain(5_000);
    const status = QueueStatusSchema.parse(ops.status());
    expect(status).toMatchObject({ depth: 0, deadLetters: 1 });
    expect(status.lastSyncAt).not.toBeNull();
    const [dead] = ops.deadLetters();
    expect(DeadLetterSchema.parse(dead)).toMatchObject({ reason: 'rejected:invalid_item' });
    expect(ops.retry(dead?.id ?? '', 'tech-1')).toBe(true);
    expect(ops.retry(dead?.id ?? '', 'tech-1')).toBe(false);
    expect(ops.discard('no-such-id', 'tech-1')).toBe(false);
    expect(seen.length).toBeGreaterThan(3);
    off();
    ob.close();
  });
});
