// Child process for the SIGKILL test: records, claims, sends and acks in a tight loop against the
// reference backend. "R <id>" is printed only after record() returned, i.e. after the commit:
// those are the transactions the resident was told are recorded.
import { join } from 'node:path';
import { CountyClient } from '../../../src-main/county/client.js';
import { configureLogging } from '../../../src-main/logs/logger.js';
import { StaticKeyProvider } from '../../../src-main/outbox/key-provider.js';
import { Outbox } from '../../../src-main/outbox/outbox.js';
import { SyncEngine } from '../../../src-main/outbox/sync-engine.js';

async function main(): Promise<void> {
  const [dir, url, terminalId, credential] = process.argv.slice(2);
  if (!dir || !url || !terminalId || !credential) throw new Error('usage: crash-worker <dir> <url> <terminalId> <credential>');
  configureLogging({ sinks: [] });
  const outbox = await Outbox.open({ file: join(dir, 'outbox.db'), keys: new StaticKeyProvider(Buffer.alloc(32, 7)), limits: { minFreeBytes: 1024 } });
  const client = new CountyClient({ baseUrl: url, credentials: { terminalId, credential: Buffer.from(credential, 'base64url') }, timeoutMs: 2_000 });
  const engine = new SyncEngine({ outbox, client, owner: `crash-${process.pid}`, leaseMs: 300, maxItems: 8, backoff: { baseMs: 5, capMs: 50 } });
  process.stdout.write('READY\n');
  for (let i = 0; i < 5_000; i++) {
    for (let k = 0; k <= i % 3; k++) {
      const r = outbox.record({ kind: 'demo', orderingKey: `resident-${(i + k) % 7}`, payload: { i, k, pid: process.pid }, personal: { name: `Demo ${i}` } });
      process.stdout.write(`R ${r.id}\n`);
    }
    await engine.runOnce();
  }
  outbox.close();
}

await main();
