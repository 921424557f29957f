import type { KioskApi, KioskEvent } from '../../src-main/contract/index.js';
import { kioskProxy } from './kiosk-proxy.js';
import { backoffDelay } from './backoff.js';
import { parseServerMessage } from './ws-messages.js';
import { realTimers, type SocketFactory, type SocketLike, type Timers } from './socket.js';

/**
 * `replaced`: the host handed the terminal to a newer renderer (a reload, a second window). This
 * client stops for good instead of reconnecting, which would push the newer one out in turn.
 */
export type ConnectionListener = (status: 'connecting' | 'open' | 'reconnecting' | 'replaced') => void;

/** The host's close code for a socket replaced by a newer one; must equal CLOSE_REPLACED in src-main/shell/browser/wire.ts. */
export const CLOSE_REPLACED = 4001;

export type WsClientOptions = {
  url: string;
  socketFactory: SocketFactory;
  timers?: Timers;
  /** How long a call may wait (disconnected or in flight) before it rejects. */
  callTimeoutMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
};

export type WsClient = {
  api: KioskApi;
  onConnection(listener: ConnectionListener): () => void;
  close(): void;
};

type Pending = {
  /** The call's name as the page asked for it; the core checks it. */
  call: string;
  message: string;
  sent: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: unknown;
};

/** KioskApi over the browser host's WebSocket; see src-renderer/README.md for the wire format. */
export function createWsClient(options: WsClientOptions): WsClient {
  const timers = options.timers ?? realTimers;
  const callTimeoutMs = options.callTimeoutMs ?? 20_000;
  const pending = new Map<number, Pending>();
  const eventListeners = new Set<(event: KioskEvent) => void>();
  const connectionListeners = new Set<ConnectionListener>();
  let socket: SocketLike | null = null;
  let open = false;
  let closed = false;
  let closedReason = new Error('client closed');
  let attempt = 0;
  let nextId = 1;
  let reconnectTimer: unknown = null;

  const emitConnection = (status: Parameters<ConnectionListener>[0]) => {
    for (const listener of connectionListeners) listener(status);
  };

  const settle = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    if (!entry) return undefined;
    pending.delete(id);
    timers.clearTimeout(entry.timer);
    return entry;
  };

  const flush = () => {
    for (const entry of pending.values()) {
      if (!entry.sent && socket && open) {
        socket.send(entry.message);
        entry.sent = true;
      }
    }
  };

  const onMessage = (data: unknown) => {
    const message = parseServerMessage(data);
    if (message === null) {
      console.warn('kiosk ws: ignored a malformed message');
      return;
    }
    if ('event' in message) {
      for (const listener of eventListeners) listener(message.event);
      return;
    }
    settle(message.id)?.resolve(message.result);
  };

  const connect = () => {
    if (closed) return;
    const ws = options.socketFactory(options.url);
    socket = ws;
    ws.onopen = () => {
      open = true;
      attempt = 0;
      emitConnection('open');
      // Each socket is a new renderer to the host: it queues events until told we are ready.
      enqueue('rendererReady', {}).catch(() => undefined);
      flush();
    };
    ws.onmessage = (event) => onMessage(event.data);
    ws.onerror = () => undefined; // onclose follows and handles it
    ws.onclose = (event) => {
      if (socket !== ws) return;
      open = false;
      socket = null;
      if (event.code === CLOSE_REPLACED) {
        stop(new Error('replaced by a newer window'));
        emitConnection('replaced');
        return;
      }
      // A sent call's answer died with the socket; re-sending could repeat a
      // non-idempotent call (startSession), so it fails. Unsent calls wait.
      for (const [id, entry] of pending) {
        if (entry.sent) settle(id)?.reject(new Error(`connection lost during ${entry.call}`));
      }
      if (closed) return;
      emitConnection('reconnecting');
      const delay = backoffDelay(attempt++, options.backoffInitialMs ?? 500, options.backoffMaxMs ?? 10_000);
      reconnectTimer = timers.setTimeout(() => {
        reconnectTimer = null;
        connect();
      }, delay);
    };
  };

  /** Ends the client: no reconnect, every waiting call rejects with `reason`. */
  const stop = (reason: Error) => {
    closed = true;
    closedReason = reason;
    if (reconnectTimer !== null) timers.clearTimeout(reconnectTimer);
    reconnectTimer = null;
    for (const id of [...pending.keys()]) settle(id)?.reject(reason);
  };

  const enqueue = (call: string, input: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(closedReason);
        return;
      }
      const id = nextId++;
      const timer = timers.setTimeout(() => {
        settle(id)?.reject(new Error(`${call} timed out`));
      }, callTimeoutMs);
      const message = JSON.stringify({ id, call, input });
      pending.set(id, { call, message, sent: false, resolve, reject, timer });
      flush();
    });

  const api = kioskProxy(enqueue, (listener) => {
    eventListeners.add(listener);
    return () => eventListeners.delete(listener);
  });

  emitConnection('connecting');
  connect();

  return {
    api,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      stop(new Error('client closed'));
      socket?.close();
      socket = null;
    },
  };
}
