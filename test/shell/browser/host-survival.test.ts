import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore } from '../../../src-main/app/create-core.js';
import type { KioskCore } from '../../../src-main/core/kiosk-core.js';
import { startBrowserHost, type BrowserHost } from '../../../src-main/shell/browser/host.js';

// The real composition root (outbox, sync, embedded county), because a crash here takes all of it down.
const TOKEN = 'survival-token-0123456789';
let host: BrowserHost;
let core: KioskCore;
let dataDir: string;
let rendererDir: string;
// What would have ended a real host process (vitest keeps the worker alive and reports these apart).
const crashes: Error[] = [];
const onCrash = (error: Error) => crashes.push(error);

beforeAll(async () => {
  process.on('uncaughtExceptionMonitor', onCrash);
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-survival-'));
  rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  core = await createCore({ dataDir, shell: 'browser', logToStderr: false });
  host = await startBrowserHost({ core, rendererDir, token: TOKEN });
});
afterEach(() => {
  expect(crashes.splice(0).map((e) => e.message)).toEqual([]);
});
afterAll(async () => {
  process.off('uncaughtExceptionMonitor', onCrash);
  await host.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${TOKEN}`, { origin: host.origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the close code the server sent. */
const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

/** A client that matches answers to its calls by id, ignoring everything else. */
function caller(ws: WebSocket) {
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data: WebSocket.RawData) => {
    const frame = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (typeof frame.id === 'number') waiting.get(frame.id)?.(frame.result);
  });
  return (id: number, call: string, input: unknown = {}) =>
    new Promise<unknown>((resolve) => {
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, call, input }));
    });
}

/** The outbox and the core still work: a technician can read the queue. */
async function coreStillAnswers(): Promise<void> {
  expect(crashes).toEqual([]);
  const ws = await connect();
  const call = caller(ws);
  expect(await call(1, 'adminLogin', { pin: '246810' })).toMatchObject({ ok: true });
  expect(await call(2, 'getQueueStatus')).toMatchObject({ ok: true, value: { accepting: true } });
  await call(3, 'adminLogout');
  ws.close();
}

describe('browser host against hostile frames', () => {
  it('closes only the socket that sends a frame over the size limit (1009)', async () => {
    const bad = await connect();
    const code = closed(bad);
    bad.send('x'.repeat(300 * 1024));
    expect(await code).toBe(1009);
    await coreStillAnswers();
  });

  it('closes only the socket that sends a text frame that is not UTF-8 (1007)', async () => {
    const bad = await connect();
    const code = closed(bad);
    bad.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await code).toBe(1007);
    await coreStillAnswers();
  });

  it('keeps answering through a burst of 10,000 malformed messages, then survives the frame that ends it', async () => {
    const ws = await connect();
    const call = caller(ws);
    const badMessages = ['not json', '{"id":"x"}', '[]', 'null', JSON.stringify({ id: 1, call: '' }), JSON.stringify({ id: -1, call: 'getHealth' })];
    let badAnswers = 0;
    ws.on('message', (data: WebSocket.RawData) => {
      if ((JSON.parse(data.toString()) as { error?: string }).error === 'bad_message') badAnswers += 1;
    });
    const answers: Promise<unknown>[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      if (i % 2_000 === 0) answers.push(call(100 + i, 'getTerminalInfo'));
      if (i % 3 === 0) ws.send(Buffer.from([0x01, 0x02]), { binary: true });
      else ws.send(badMessages[i % badMessages.length] ?? '');
    }
    for (const answer of await Promise.all(answers)) expect(answer).toMatchObject({ ok: true, value: { shell: 'browser' } });
    await expect.poll(() => badAnswers, { timeout: 10_000 }).toBe(10_000);
    const code = closed(ws);
    ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect(await code).toBe(1007);
    await coreStillAnswers();
  });
});
