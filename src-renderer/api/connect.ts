import type { KioskApi, KioskBridge, KioskEvent } from '../../src-main/contract/index.js';
import { kioskProxy } from './kiosk-proxy.js';
import { createWsClient, type ConnectionListener } from './ws-client.js';
import type { SocketLike } from './socket.js';
import { socketUrl, takeToken } from './token.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    kiosk?: KioskBridge;
  }
}

export type Connection = { api: KioskApi };

/**
 * Picks the client at startup: the Electron bridge when the preload put one on
 * `window.kiosk`, else the browser host's WebSocket. Everything above this
 * module sees only `KioskApi`. Listeners are attached before `rendererReady`
 * so no queued event is lost.
 */
export function connectKiosk(onEvent: (event: KioskEvent) => void, onConnection: ConnectionListener): Connection {
  const bridge = window.kiosk;
  if (bridge) {
    const api = kioskProxy(
      (name, input) => bridge.call(name, input),
      (listener) => bridge.onEvent(listener),
    );
    api.onEvent(onEvent);
    onConnection('open');
    api.rendererReady({}).catch((error: unknown) => console.error('rendererReady failed', error));
    return { api };
  }
  const token = takeToken(window);
  const client = createWsClient({
    url: socketUrl(window.location, token),
    socketFactory: browserSocket,
  });
  client.api.onEvent(onEvent);
  client.onConnection(onConnection);
  return { api: client.api };
}

/** Adapts the DOM WebSocket to the small SocketLike the client is written (and tested) against. */
function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const socket: SocketLike = {
    send: (data) => ws.send(data),
    close: () => ws.close(),
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  };
  ws.onopen = (event) => socket.onopen?.(event);
  ws.onmessage = (event) => socket.onmessage?.(event);
  ws.onclose = (event) => socket.onclose?.(event);
  ws.onerror = (event) => socket.onerror?.(event);
  return socket;
}
