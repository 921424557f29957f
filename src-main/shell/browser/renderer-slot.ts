import type { RawData, WebSocket } from 'ws';
import { createLogger } from '../../logs/logger.js';
import type { HostCore } from './host.js';
import { CLOSE_REPLACED, parseClientMessage } from './wire.js';

const log = createLogger('browser-host');

/**
 * The one renderer the host serves. A new authorised socket replaces the current one, which is
 * closed with CLOSE_REPLACED: a kiosk's Chromium reloads, and the new page must not wait for the
 * old socket to time out. Only the current socket may call the core or receive its events.
 */
export class RendererSlot {
  private current: WebSocket | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly core: HostCore) {
    this.unsubscribe = core.events.subscribe((event) => {
      const ws = this.current;
      if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
    });
  }

  /** Takes over from the current renderer, if any. */
  attach(ws: WebSocket): void {
    // Registered first: an unhandled 'error' (oversized frame, bad UTF-8) would end the process.
    // ws has already started closing this socket with 1009 or 1007 when it reports one.
    ws.on('error', (error: Error & { code?: string }) => {
      log.warn('renderer socket closed after a protocol error', { code: error.code ?? 'unknown' });
      if (ws.readyState === ws.OPEN) ws.close(1011);
    });
    const previous = this.current;
    this.current = ws;
    // Events wait in the queue until this renderer says it is ready.
    this.core.events.markNotReady();
    if (previous) {
      log.info('renderer socket replaced by a newer one');
      previous.close(CLOSE_REPLACED, 'replaced');
    }
    ws.on('close', () => {
      if (this.current !== ws) return;
      this.current = null;
      this.core.events.markNotReady();
    });
    ws.on('message', (data, isBinary) => this.onMessage(ws, data, isBinary));
  }

  private onMessage(ws: WebSocket, data: RawData, isBinary: boolean): void {
    if (this.current !== ws) return; // a replaced renderer no longer drives the core
    const message = isBinary ? undefined : parseClientMessage(data.toString());
    const reply = (frame: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    if (!message) {
      reply({ error: 'bad_message' });
      return;
    }
    void this.core.call(message.call, message.input).then(
      (result) => reply({ id: message.id, result }),
      () => reply({ id: message.id, result: { ok: false, error: { code: 'internal' } } }),
    );
  }

  close(): void {
    this.unsubscribe();
    this.current?.terminate();
    this.current = null;
  }
}
