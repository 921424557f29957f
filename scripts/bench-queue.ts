// Outbox benchmark: `tsx scripts/bench-queue.ts [--rows 2000] [--backlog 10000] [--depth-rows 100000]`.
// Prints figures and ratios; nothing is asserted. The raw better-sqlite3 rate is measured in the
// same run on the same disk so our figures can be read as a ratio of the physical reference.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CountyClient } from '../src-main/county/client.js';
import { configureLogging } from '../src-main/logs/logger.js';
import { FieldCipher } from '../src-main/outbox/field-cipher.js';
import { StaticKeyProvider } from '../src-main/outbox/key-provider.js';
import { openOutboxDb } from '../src-main/outbox/open-db.js';
import { Outbox } from '../src-main/outbox/outbox.js';
import { SyncEngine } from '../src-main/outbox/sync-engine.js';
import { uuidv7 } from '../src-main/outbox/uuidv7.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '2000' }, backlog: { type: 'string', default: '10000' }, 'depth-rows': { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);
const BACKLOG = Number(values.backlog);
const DEPTH_ROWS = Number(values['depth-rows']);
const KEY = new StaticKeyProvider(Buffer.alloc(32, 9));
configureLogging({ sinks: [] });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (ns: bigint) => Number(ns) / 1e6;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** A payload that stores at about 683 bytes (the SYNC.md reference row) once its personal fields are encrypted. */
function tx(i: number) {
  return {
    kind: 'pension-certification',
    orderingKey: `resident-${i % 5000}`,
    payload: { siteId: 'demo-site-01', service: 'pension-certification', step: i, result: 'certified', device: 'camera-01', score: 0.97, note: 'x'.repeat(200) },
    personal: { idNumber: '990000195001010117', name: 'Demo Resident', cardNumber: 'DEMOCARD0001' },
  };
}

interface Rate {
  rate: number;
  p50: number;
  p99: number;
}

function summarize(lat: number[]): Rate {
  const total = lat.reduce((a, b) => a + b, 0);
  return { rate: (lat.length / total) * 1000, p50: pct(lat, 50), p99: pct(lat, 99) };
}

/**
 * The physical reference and our durable enqueue, measured in alternating blocks so that disk and
 * CPU contention from neighbours hits both sides alike. The reference is raw better-sqlite3
 * writing the same rows as `Outbox.record` (the service record, the outbox row and the counter,
 * with the same schema, indexes and triggers) in one FULL transaction. Three forms of it: (a) and
 * (b) time the bare commit, with the id and sealed fields made before the clock starts; (c) times
 * what an application writing these rows with better-sqlite3 alone must do, making them too. What
 * is left between (c) and Outbox.record is our own per-record work (validation, the capacity check,
 * error mapping); between (b) and (c), the price of an ordered id and of encrypting at rest.
 */
async function enqueueVsRaw(dir: string): Promise<{ raw: Rate; rawJustMade: Rate; rawMaking: Rate; ours: Rate; make: Rate; bytes: number }> {
  const db = openOutboxDb(join(dir, 'raw.db'));
  const nextSeq = db.prepare<[], { seq: number }>('UPDATE counters SET next_seq = next_seq + 1 WHERE id = 1 RETURNING next_seq - 1 AS seq');
  const insTx = db.prepare("INSERT INTO service_tx (id, seq, kind, recorded_at, state) VALUES (?, ?, ?, ?, 'pending')");
  const insRow = db.prepare(
    'INSERT INTO outbox (id, seq, kind, ordering_key, payload, personal, schema_version, created_at, available_at, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((id: string, key: string, payload: string, personal: string, now: number) => {
    const seq = nextSeq.get()?.seq ?? 0;
    insTx.run(id, seq, 'pension-certification', now);
    insRow.run(id, seq, 'pension-certification', key, payload, personal, 1, now, now, payload.length + personal.length);
  });
  const cipher = new FieldCipher(Buffer.alloc(32, 3));
  const ob = await Outbox.open({ file: join(dir, 'enqueue.db'), keys: KEY, limits: { maxRows: 1e9, minFreeBytes: 0 } });
  const rawLat: number[] = [];
  const justMadeLat: number[] = [];
  const makingLat: number[] = [];
  const makeLat: number[] = [];
  const ourLat: number[] = [];
  const make = (i: number) => {
    const t = tx(i);
    const id = uuidv7();
    return { id, key: t.orderingKey, payload: JSON.stringify(t.payload), personal: cipher.sealMap(id, t.personal) };
  };
  const BLOCK = 100;
  for (let done = 0; done < ROWS; done += BLOCK) {
    // (a) rows made in advance, written back to back: the bare cost of the commits.
    const ready = Array.from({ length: BLOCK }, (_, i) => make(done + i));
    for (const r of ready) {
      const s = process.hrtime.bigint();
      write.immediate(r.id, r.key, r.payload, r.personal, Date.now());
      rawLat.push(ms(process.hrtime.bigint() - s));
    }
    // (b) each row made (id, payload, sealed fields) just before its write, outside the clock, as an
    // application does: the write then runs on the same cold caches as Outbox.record's does.
    for (let i = 0; i < BLOCK; i++) {
      const r = make(done + i);
      const s = process.hrtime.bigint();
      write.immediate(r.id, r.key, r.payload, r.personal, Date.now());
      justMadeLat.push(ms(process.hrtime.bigint() - s));
    }
    // (c) the same rows written by an application using better-sqlite3 alone: it too must make the
    // UUIDv7, the payload JSON and the sealed personal column, so that work runs inside its clock.
    // This is the like-for-like reference for Outbox.record; the target ratio is read against it.
    for (let i = 0; i < BLOCK; i++) {
      const s = process.hrtime.bigint();
      const r = make(done + i);
      const m = process.hrtime.bigint();
      write.immediate(r.id, r.key, r.payload, r.personal, Date.now());
      const e = process.hrtime.bigint();
      makingLat.push(ms(e - s));
      makeLat.push(ms(m - s));
    }
    for (let i = 0; i < BLOCK; i++) {
      const s = process.hrtime.bigint();
      ob.record(tx(done + i));
      ourLat.push(ms(process.hrtime.bigint() - s));
    }
  }
  const bytes = (ob.db.prepare('SELECT avg(bytes) AS b FROM outbox').get() as { b: number }).b;
  ob.close();
  db.close();
  return { raw: summarize(rawLat), rawJustMade: summarize(justMadeLat), rawMaking: summarize(makingLat), ours: summarize(ourLat), make: summarize(makeLat), bytes };
}

function startBackend(): Promise<{ url: string; adminToken: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'county-backend.ts'), '--port', '0', '--body-limit', String(4 * 1024 * 1024)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, KIOSK_LOG_LEVEL: 'error' },
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (c) => reject(new Error(`backend exited ${c}`)));
    createInterface({ input: child.stdout }).once('line', (l) => {
      const info = JSON.parse(l) as { url: string; adminToken: string };
      resolve({ ...info, stop: () => child.kill('SIGTERM') });
    });
  });
}

async function drainRate(dir: string): Promise<{ rate: number; seconds: number }> {
  const backend = await startBackend();
  try {
    await fetch(`${backend.url}/_admin/enrolment-codes`, { method: 'POST', headers: { 'x-admin-token': backend.adminToken }, body: JSON.stringify({ code: 'BENCH-0001', siteId: 'demo-site-01' }) });
    const client = new CountyClient({ baseUrl: backend.url });
    await client.enrol('BENCH-0001', 'demo-site-01');
    const ob = await Outbox.open({ file: join(dir, 'drain.db'), keys: KEY, limits: { maxRows: 1e9, minFreeBytes: 0 } });
    ob.db.transaction(() => {
      for (let i = 0; i < BACKLOG; i++) ob.record(tx(i));
    })();
    const engine = new SyncEngine({ outbox: ob, client, maxItems: 100, maxBytes: 512 * 1024 });
    const t0 = process.hrtime.bigint();
    const drained = await engine.drain(600_000);
    const seconds = ms(process.hrtime.bigint() - t0) / 1000;
    if (!drained) throw new Error('backlog did not drain');
    ob.close();
    return { rate: BACKLOG / seconds, seconds };
  } finally {
    backend.stop();
  }
}

/** Claim 100 rows (decrypting 3 fields each) and nack them back, timed separately; two FULL commits. */
function claimNack(ob: Outbox): Record<string, number> {
  let claim = 0;
  let nack = 0;
  const n = 50;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const c = ob.leases.claim('bench', 100, 60_000, Date.now());
    const t1 = process.hrtime.bigint();
    ob.leases.nack(c.token, c.rows.map((r) => r.id), { availableAt: 0, status: 'bench', error: 'bench', countAttempt: false });
    claim += ms(t1 - t0);
    nack += ms(process.hrtime.bigint() - t1);
  }
  return { 'claim 100 at the head of the backlog, µs': (claim / n) * 1000, 'nack those 100, µs': (nack / n) * 1000 };
}

async function queryTimes(dir: string): Promise<Record<string, number>> {
  const ob = await Outbox.open({ file: join(dir, 'depth.db'), keys: KEY, limits: { maxRows: 1e9, minFreeBytes: 0 } });
  // Fill fast through the same record() path, many records per transaction (the bench is about reads).
  for (let done = 0; done < DEPTH_ROWS; done += 10_000) {
    ob.db.transaction(() => {
      for (let i = done; i < Math.min(DEPTH_ROWS, done + 10_000); i++) ob.record(tx(i));
    })();
  }
  const time = (fn: () => unknown, n = 2_000) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    return (ms(process.hrtime.bigint() - t0) / n) * 1000;
  };
  const now = Date.now();
  const out = {
    'depth + dead (counters row), µs': time(() => ob.db.prepare('SELECT depth, dead FROM counters WHERE id = 1').get()),
    'oldest row (rowid order, LIMIT 1), µs': time(() => ob.db.prepare('SELECT created_at FROM outbox ORDER BY seq LIMIT 1').get()),
    'next due (due index), µs': time(() => ob.nextDueAfter(now)),
    'stats() all figures, µs': time(() => ob.stats()),
    'count(*) scan for comparison, µs': time(() => ob.db.prepare('SELECT count(*) FROM outbox').get(), 20),
    ...claimNack(ob),
  };
  for (const [name, sql] of [
    ['oldest', 'SELECT created_at FROM outbox ORDER BY seq LIMIT 1'],
    ['next due', 'SELECT available_at FROM outbox WHERE available_at > 0 ORDER BY available_at LIMIT 1'],
  ] as const) {
    const plan = (ob.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join('; ');
    console.log(`  plan ${name}: ${plan}`);
  }
  ob.close();
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
try {
  console.log(`bench-queue: ${ROWS} single-row commits, ${BACKLOG}-row drain, reads at ${DEPTH_ROWS} rows; data in ${dir}`);
  const { raw, rawJustMade, rawMaking, ours: enq, make, bytes } = await enqueueVsRaw(dir);
  const line = (r: Rate) => `${fmt(r.rate)} rows/s, p50 ${fmt(r.p50, 3)} ms, p99 ${fmt(r.p99, 3)} ms`;
  console.log(`raw better-sqlite3, the same rows in one WAL+FULL transaction, (a) rows made in advance: ${line(raw)}`);
  console.log(`raw better-sqlite3, the same rows in one WAL+FULL transaction, (b) each made just before its write, outside the clock: ${line(rawJustMade)}`);
  console.log(`raw better-sqlite3, the same rows in one WAL+FULL transaction, (c) each made inside the clock (id, JSON, AES-GCM seal): ${line(rawMaking)}`);
  console.log(`durable enqueue Outbox.record (${fmt(bytes)} B stored, 2 rows + seq per tx): ${line(enq)}`);
  console.log(`ratio enqueue / raw (c), like for like: ${fmt(enq.rate / rawMaking.rate, 2)} (p50 ${fmt(rawMaking.p50 / enq.p50, 2)}); target ≥ 0.9, p99 ${fmt(enq.p99, 3)} ms, target ≤ 2 ms`);
  console.log(`ratio enqueue / raw (b), the bare commit: ${fmt(enq.rate / rawJustMade.rate, 2)} (p50 ${fmt(rawJustMade.p50 / enq.p50, 2)}); the gap is making the row, measured inside (c): mean ${fmt((1 / make.rate) * 1000 * 1000, 1)} µs, p50 ${fmt(make.p50 * 1000, 1)} µs per row`);
  console.log(`ratio enqueue / raw (a): ${fmt(enq.rate / raw.rate, 2)} (p50 ${fmt(raw.p50 / enq.p50, 2)}); rows made in advance, warm caches`);
  const drain = await drainRate(dir);
  console.log(`drain ${BACKLOG} rows to the reference backend (separate process, batches of 100): ${fmt(drain.rate)} rows/s (${fmt(drain.seconds, 2)} s)`);
  console.log(`query times at ${DEPTH_ROWS} rows:`);
  for (const [k, v] of Object.entries(await queryTimes(dir))) console.log(`  ${k}: ${fmt(v, 1)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
