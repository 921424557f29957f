import { request as httpRequest } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src-main/shell/browser/host.js';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/shell/browser/static.js';
import { CLOSE_REPLACED } from '../../../src-main/shell/browser/wire.js';
import { makeCore } from '../../core/helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
let host: BrowserHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');
  host = await startBrowserHost({ core: makeCore(), rendererDir, token: TOKEN });
});
afterAll(async () => {
  await host.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function connect(query: string, origin: string | undefined): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A raw HTTP request with any Host header (fetch does not let a caller set it). */
function rawRequest(hostHeader: string, headers: Record<string, string> = {}, path = '/'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, headers: { ...headers, host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const UPGRADE = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };

function request(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data: WebSocket.RawData) => resolve(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('browser host', () => {
  it('binds to loopback only and puts the token in the URL fragment', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/#token=${TOKEN}`);
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const index = await fetch(`${host.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const traversal = await fetch(`${host.origin}/..%2foutside-secret.txt`);
    expect(traversal.status).toBe(404);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses HTTP requests whose Host header is not 127.0.0.1:<port> (DNS rebinding)', async () => {
    expect(await rawRequest(`127.0.0.1:${host.port}`)).toBe(200);
    expect(await rawRequest(`evil.example:${host.port}`)).toBe(403);
    expect(await rawRequest(`localhost:${host.port}`)).toBe(403);
    expect(await rawRequest('127.0.0.1')).toBe(403);
    expect(await rawRequest(`evil.example:${host.port}`, {}, '/index.html')).toBe(403);
  });

  it('refuses a websocket upgrade with the right token and origin but a foreign Host header', async () => {
    const headers = { ...UPGRADE, origin: host.origin };
    expect(await rawRequest(`127.0.0.1:${host.port}`, headers, `/api?token=${TOKEN}`)).toBe(101);
    expect(await rawRequest(`evil.example:${host.port}`, headers, `/api?token=${TOKEN}`)).toBe(403);
  });

  it('rejects a bad token, a missing token and a foreign origin', async () => {
    await expect(connect('?token=wrong', host.origin)).rejects.toThrow('HTTP 403');
    await expect(connect('', host.origin)).rejects.toThrow('HTTP 403');
    await expect(connect(`?token=${TOKEN}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(connect(`?token=${TOKEN}`, undefined)).rejects.toThrow('HTTP 403');
  });

  it('carries calls with the right token and origin, matched by id', async () => {
    const ws = await connect(`?token=${TOKEN}`, host.origin);
    const reply = await request(ws, { id: 7, call: 'getTerminalInfo', input: {} });
    expect(reply).toMatchObject({ id: 7, result: { ok: true, value: { terminalId: 'T-TEST0001', shell: 'browser' } } });
    const invalid = await request(ws, { id: 8, call: 'updateSettings', input: { volume: 7 } });
    expect(invalid).toMatchObject({ id: 8, result: { ok: false, error: { code: 'invalid_payload' } } });
    expect(await request(ws, 'not json')).toEqual({ error: 'bad_message' });
    ws.close();
  });

  it('delivers core events after the renderer says it is ready', async () => {
    const ws = await connect(`?token=${TOKEN}`, host.origin);
    await request(ws, { id: 1, call: 'rendererReady', input: {} });
    const frames: Record<string, unknown>[] = [];
    ws.on('message', (d: WebSocket.RawData) => frames.push(JSON.parse(d.toString()) as Record<string, unknown>));
    ws.send(JSON.stringify({ id: 2, call: 'updateSettings', input: { elderlyMode: true } }));
    await expect.poll(() => frames.length).toBeGreaterThanOrEqual(2);
    expect(frames).toContainEqual(expect.objectContaining({ event: expect.objectContaining({ type: 'settings.changed' }) }));
    ws.close();
  });

  it('serves one renderer at a time: a newer socket replaces the older, which is closed with 4001', async () => {
    const older = await connect(`?token=${TOKEN}`, host.origin);
    await request(older, { id: 1, call: 'rendererReady', input: {} });
    const olderClosed = new Promise<number>((resolve) => older.once('close', (code) => resolve(code)));
    const newer = await connect(`?token=${TOKEN}`, host.origin);
    expect(await request(newer, { id: 1, call: 'rendererReady', input: {} })).toMatchObject({ id: 1, result: { ok: true } });
    expect(await olderClosed).toBe(CLOSE_REPLACED);

    // The older socket's close does not put the newer renderer's events back in the queue.
    const frames: Record<string, unknown>[] = [];
    newer.on('message', (d: WebSocket.RawData) => frames.push(JSON.parse(d.toString()) as Record<string, unknown>));
    newer.send(JSON.stringify({ id: 2, call: 'updateSettings', input: { elderlyMode: false } }));
    await expect.poll(() => frames.some((f) => 'event' in f)).toBe(true);
    newer.close();
  });
});

describe('shutting down', () => {
  function rawSocket(port: number, data: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connectTcp(port, '127.0.0.1', () => {
        socket.write(data);
        resolve(socket);
      });
      socket.on('error', reject);
    });
  }

  it('close() ends every open connection at once: a half-sent request and an upgraded socket that never answers', async () => {
    const own = await startBrowserHost({ core: makeCore(), rendererDir, token: TOKEN });
    const hostHeader = `127.0.0.1:${own.port}`;
    // Headers never finished: Node would otherwise wait for its headers timeout (a minute).
    const halfSent = await rawSocket(own.port, `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\n`);
    // A renderer socket whose peer never reads or answers a close frame.
    const upgraded = await rawSocket(
      own.port,
      `GET /api?token=${TOKEN} HTTP/1.1\r\nHost: ${hostHeader}\r\nOrigin: ${own.origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    await new Promise((resolve) => upgraded.once('data', resolve));
    upgraded.pause();
    const ended = (s: Socket) => new Promise<void>((resolve) => s.once('close', () => resolve()));
    const both = Promise.all([ended(halfSent), ended(upgraded)]);
    await own.close();
    await both;
    expect(halfSent.destroyed && upgraded.destroyed).toBe(true);
  });
});
