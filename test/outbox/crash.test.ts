import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountyClient } from '../../src-main/county/client.js';
import { configureLogging } from '../../src-main/logs/logger.js';
import { quickCheck } from '../../src-main/outbox/open-db.js';
import { SyncEngine } from '../../src-main/outbox/sync-engine.js';
import { effects, enrolFresh, spawnBackend, type BackendProcess } from '../county/harness.js';
import { openTestOutbox, tempDir } from './helpers.js';

// kill -9 at random points of record → claim → send → ack, 200 times, two workers at a time on
// one database. Afterwards: every transaction a worker reported as recorded (committed) reaches
// the backend, and the backend applied every transaction exactly once.
// kill -9 proves crash consistency; power loss is covered by synchronous=FULL (see README).

const ROUNDS = 200;
const LANES = 2;
const ROOT = join(import.meta.dirname, '../..');
const WORKER_TS = join(import.meta.dirname, 'children/crash-worker.ts');

let backend: BackendProcess;
let worker: string[];
const cacheDir = join(ROOT, 'node_modules/.cache', `outbox-crash-${process.pid}`);

beforeAll(async () => {
  configureLogging({ sinks: [] });
  backend = await spawnBackend();
  // A pre-bundled worker starts in a fraction of tsx's time, which is what makes 200 rounds affordable.
  try {
    const esbuild = await import('esbuild');
    mkdirSync(cacheDir, { recursive: true });
    const outfile = join(cacheDir, 'worker.mjs');
    await esbuild.build({ entryPoints: [WORKER_TS], bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node20', outfile, external: ['better-sqlite3', 'pino', 'pino-roll'], logLevel: 'error' });
    worker = [outfile];
  } catch {
    worker = ['--import', 'tsx', WORKER_TS];
  }
}, 60_000);

afterAll(async () => {
  await backend.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});

function round(dir: string, who: { terminalId: string; credential: Buffer }, recorded: Set<string>): Promise<void> {
  const child = spawn(process.execPath, [...worker, dir, backend.url, who.terminalId, who.credential.toString('base64url')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve) => {
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    // One round in ten is killed before it is ready (during open, quick_check or migration).
    if (Math.random() < 0.1) killTimer = setTimeout(kill, Math.random() * 150);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'READY' && !killTimer) killTimer = setTimeout(kill, Math.random() * 120);
      else if (line.startsWith('R ')) recorded.add(line.slice(2));
    });
    const guard = setTimeout(kill, 10_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      clearTimeout(guard);
      resolve();
    });
  });
}

describe('SIGKILL during record, claim, send and ack', () => {
  it(`loses nothing committed and applies everything exactly once over ${ROUNDS} kills`, async () => {
    const t = tempDir('crash-');
    try {
      const who = await enrolFresh(backend, 'CRASH-TEST-01');
      const recorded = new Set<string>();
      const lanes = Array.from({ length: LANES }, async () => {
        for (let i = 0; i < ROUNDS / LANES; i++) await round(t.dir, who, recorded);
      });
      await Promise.all(lanes);
      expect(recorded.size).toBeGreaterThan(ROUNDS / 4);

      // Recover as the next boot would: open (quick_check), then drain once the dead workers' leases expire.
      const ob = await openTestOutbox(t.dir);
      quickCheck(ob.db);
      for (const id of recorded) expect(ob.txState(id), `service record ${id}`).toBeDefined();
      const engine = new SyncEngine({ outbox: ob, client: new CountyClient({ baseUrl: backend.url, credentials: who }), backoff: { baseMs: 10, capMs: 100 } });
      expect(await engine.drain(30_000)).toBe(true);
      expect(ob.stats()).toMatchObject({ depth: 0, deadLetters: 0 });

      const fx = await effects(backend);
      const missing = [...recorded].filter((id) => fx[id] !== 1);
      expect(missing).toEqual([]);
      const twice = Object.entries(fx).filter(([, n]) => n !== 1);
      expect(twice).toEqual([]);
      const local = ob.db.prepare("SELECT count(*) AS n FROM service_tx WHERE state IN ('applied', 'duplicate')").get() as { n: number };
      expect(Object.keys(fx).length).toBe(local.n);
      const dup = ob.db.prepare("SELECT count(*) AS n FROM service_tx WHERE state = 'duplicate'").get() as { n: number };
      console.log(`crash test: ${ROUNDS} kills, ${recorded.size} recorded, ${local.n} applied once, ${dup.n} settled as duplicate (killed between send and ack)`);
      ob.close();
    } finally {
      t.cleanup();
    }
  }, 180_000);
});
