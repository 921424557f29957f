// Child process: records into an outbox until the storage refuses, then prints what happened.
// Runs in its own process so that a SIGBUS on a full tmpfs could not take the test runner down.
import { join } from 'node:path';
import { StaticKeyProvider } from '../../../src-main/outbox/key-provider.js';
import { Outbox } from '../../../src-main/outbox/outbox.js';

const [dir, minFree] = process.argv.slice(2);
if (!dir) throw new Error('usage: fill-disk <dir> [minFreeBytes]');
const outbox = await Outbox.open({ file: join(dir, 'outbox.db'), keys: new StaticKeyProvider(Buffer.alloc(32, 7)), limits: { minFreeBytes: Number(minFree ?? 0) } });
const committed: string[] = [];
let error: { name: string; code: unknown } | null = null;
for (let i = 0; i < 100_000; i++) {
  try {
    committed.push(outbox.record({ kind: 'doc', orderingKey: `k${i}`, payload: { blob: 'x'.repeat(2000), i } }).id);
  } catch (err) {
    error = { name: (err as Error).name, code: (err as { code?: unknown }).code };
    break;
  }
}
// After the failure the connection must still serve reads.
const depth = outbox.stats().depth;
outbox.close();
process.stdout.write(JSON.stringify({ committed, error, depth }));
