// Runs the reference county backend standalone: `tsx scripts/county-backend.ts --port 8787 [--db file] [--admin-token t]`.
// Prints one JSON line {"url","port","adminToken"} to stdout once listening (tests read it).
import { parseArgs } from 'node:util';
import { startCountyBackend } from '../src-main/county/reference/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: ':memory:' },
    'admin-token': { type: 'string' },
    'body-limit': { type: 'string' },
  },
});
if (!['127.0.0.1', '::1', 'localhost'].includes(values.host)) throw new Error('the reference backend binds to loopback only');
const backend = await startCountyBackend({
  host: values.host,
  port: Number(values.port),
  dbFile: values.db,
  ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
  ...(values['body-limit'] ? { bodyLimit: Number(values['body-limit']) } : {}),
});
process.stdout.write(`${JSON.stringify({ url: backend.url, port: backend.port, adminToken: backend.adminToken })}\n`);
const stop = () => void backend.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
