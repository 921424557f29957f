import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_REPLACED, createWsClient } from '../../src-renderer/api/ws-client.js';
import { CLOSE_REPLACED as HOST_CLOSE_REPLACED } from '../../src-main/shell/browser/wire.js';
import type { SocketLike } from '../../src-renderer/api/socket.js';
import type { KioskEvent } from '../../src-main/contract/index.js';

/** A scripted WebSocket: the test opens it, reads what was sent and pushes frames back. */
class FakeSocket implements SocketLike {
  sent: Array<{ id: number; call: string; input: unknown }> = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as { id: number; call: string; input: unknown });
  }
  close(code?: number) {
    this.onclose?.(code === undefined ? {} : { code });
  }
  open() {
    this.onopen?.({});
  }
  reply(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
  sentCall(call: string) {
    const found = this.sent.find((m) => m.call === call);
    if (!found) throw new Error(`${call} was not sent`);
    return found;
  }
}

let sockets: FakeSocket[];
const last = () => {
  const socket = sockets.at(-1);
  if (!socket) throw new Error('no socket');
  return socket;
};

function client(callTimeoutMs = 5_000) {
  return createWsClient({
    url: 'ws://127.0.0.1:1234/api?token=abc',
    socketFactory: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    callTimeoutMs,
    backoffInitialMs: 100,
    backoffMaxMs: 1_000,
  });
}

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ws client', () => {
  it('connects to the given url and calls rendererReady once open', () => {
    client();
    expect(last().url).toBe('ws://127.0.0.1:1234/api?token=abc');
    last().open();
    expect(last().sent.map((m) => m.call)).toEqual(['rendererReady']);
    expect(last().sentCall('rendererReady').input).toEqual({});
  });

  it('correlates responses by id, whatever order they arrive in', async () => {
    const c = client();
    last().open();
    const info = c.api.getTerminalInfo({});
    const policy = c.api.getIdlePolicy({});
    const policyId = last().sentCall('getIdlePolicy').id;
    const infoId = last().sentCall('getTerminalInfo').id;
    expect(policyId).not.toBe(infoId);
    last().reply(policyId, { ok: true, value: { warnAfterMs: 5000, countdownMs: 20000 } });
    last().reply(infoId, { ok: false, error: { code: 'internal' } });
    await expect(policy).resolves.toEqual({ ok: true, value: { warnAfterMs: 5000, countdownMs: 20000 } });
    await expect(info).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('sends the call name and input', () => {
    const c = client();
    last().open();
    void c.api.adminLogin({ pin: '1234' });
    expect(last().sentCall('adminLogin').input).toEqual({ pin: '1234' });
  });

  it('delivers events to every listener until unsubscribed', () => {
    const c = client();
    const a: KioskEvent[] = [];
    const b: KioskEvent[] = [];
    const offA = c.api.onEvent((e) => a.push(e));
    c.api.onEvent((e) => b.push(e));
    last().open();
    const event: KioskEvent = { type: 'catalog.changed', version: '7' };
    last().onmessage?.({ data: JSON.stringify({ event }) });
    offA();
    last().onmessage?.({ data: JSON.stringify({ event }) });
    expect(a).toEqual([event]);
    expect(b).toEqual([event, event]);
  });

  it('ignores malformed frames without failing pending calls', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = client();
    last().open();
    const call = c.api.getHealth({});
    last().onmessage?.({ data: 'not json' });
    last().onmessage?.({ data: JSON.stringify({ id: 'x' }) });
    last().reply(last().sentCall('getHealth').id, { ok: true, value: { level: 'ok', uptimeMs: 0, checks: [] } });
    await expect(call).resolves.toMatchObject({ ok: true });
  });

  it('reconnects with growing backoff after the socket closes, and reports the state', () => {
    const c = client();
    const states: string[] = [];
    c.onConnection((s) => states.push(s));
    last().open();
    last().close();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    last().close(); // fails again before opening
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().open();
    expect(states).toEqual(['open', 'reconnecting', 'reconnecting', 'open']);
    expect(last().sent.map((m) => m.call)).toEqual(['rendererReady']);
  });

  it('a call made while disconnected waits and is sent after the reconnect', async () => {
    const c = client();
    last().open();
    last().close();
    const call = c.api.getCatalog({});
    vi.advanceTimersByTime(100);
    last().open();
    const sent = last().sentCall('getCatalog');
    last().reply(sent.id, { ok: true, value: { version: '1', categories: [], services: [] } });
    await expect(call).resolves.toMatchObject({ ok: true });
  });

  it('a call that waits too long for the connection rejects', async () => {
    const c = client(2_000);
    const call = c.api.getCatalog({});
    const assertion = expect(call).rejects.toThrow(/timed out/);
    vi.advanceTimersByTime(2_000);
    await assertion;
    expect(last().sent).toEqual([]);
  });

  it('a call in flight when the socket drops rejects instead of being re-sent', async () => {
    const c = client();
    last().open();
    const call = c.api.startSession({});
    const assertion = expect(call).rejects.toThrow(/connection lost/);
    last().close();
    await assertion;
    vi.advanceTimersByTime(100);
    last().open();
    expect(last().sent.map((m) => m.call)).toEqual(['rendererReady']);
  });

  it('close stops reconnecting and rejects waiting calls', async () => {
    const c = client();
    const call = c.api.getHealth({});
    c.close();
    await expect(call).rejects.toThrow(/closed/);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('uses the close code the browser host sends for a replaced socket', () => {
    expect(CLOSE_REPLACED).toBe(HOST_CLOSE_REPLACED);
  });

  it('a socket replaced by a newer window stops for good: no reconnect, calls fail, status replaced', async () => {
    const c = client();
    const states: string[] = [];
    c.onConnection((s) => states.push(s));
    last().open();
    const inFlight = c.api.getHealth({});
    const assertion = expect(inFlight).rejects.toThrow(/replaced/);
    last().close(CLOSE_REPLACED);
    await assertion;
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(states).toEqual(['open', 'replaced']);
    await expect(c.api.getCatalog({})).rejects.toThrow(/replaced/);
  });

  it('any other close code still reconnects', () => {
    client();
    last().open();
    last().close(1006);
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
  });
});
