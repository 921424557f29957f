// Child process: records until storage fails (run under an fsync-failing LD_PRELOAD shim) and
// prints the acknowledged ids and the error.
import { join } from 'node:path';
import { StaticKeyProvider } from '../../../src-main/outbox/key-provider.js';
import { Outbox } from '../../../src-main/outbox/outbox.js';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: io-error <dir>');
const outbox = await Outbox.open({ file: join(dir, 'outbox.db'), keys: new StaticKeyProvider(Buffer.alloc(32, 7)), limits: { minFreeBytes: 0 } });
const committed: string[] = [];
let error: { name: string; code: unknown; sqliteCode: unknown; txId: unknown } | null = null;
for (let i = 0; i < 1_000 && !error; i++) {
  try {
    committed.push(outbox.record({ kind: 'doc', orderingKey: `k${i}`, payload: { i } }).id);
  } catch (err) {
    const e = err as { name: string; code?: unknown; sqliteCode?: unknown; txId?: unknown };
    error = { name: e.name, code: e.code, sqliteCode: e.sqliteCode, txId: e.txId };
  }
}
process.stdout.write(JSON.stringify({ committed, error }));
process.exit(0);
