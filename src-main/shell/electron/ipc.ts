import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isCallName } from '../../contract/calls.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../contract/names.js';
import type { Result } from '../../contract/errors.js';
import type { EventQueue } from '../../core/event-queue.js';
import { createLogger } from '../../logs/logger.js';
import { isAppUrl } from './origin.js';

const log = createLogger('electron-ipc');

/** The part of the core the IPC layer uses (KioskCore satisfies it). */
export interface IpcCore {
  /** Checks the name (`unknown_call`) and the payload itself. */
  call(name: unknown, payload: unknown): Promise<Result<unknown>>;
  readonly events: Pick<EventQueue, 'subscribe' | 'markNotReady'>;
}

/** Thrown to a refused sender; says nothing about the call or its payload. */
export const REFUSED_MESSAGE = 'request refused';

/**
 * Only the top frame of our own window, showing the app origin, may call the core:
 * not another webContents, not an iframe, not a page that got navigated elsewhere.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, contents: WebContents): boolean {
  const frame = event.senderFrame;
  if (!frame || contents.isDestroyed()) return false;
  if (event.sender.id !== contents.id) return false;
  if (frame.parent !== null || !isAppUrl(frame.url)) return false;
  const main = contents.mainFrame;
  // Distinct WebFrameMain objects can stand for the same frame; compare identifiers.
  return frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
}

/** The one `ipcMain.handle` that carries every contract call; returns its removal. */
export function registerCallHandlers(core: IpcCore, contents: WebContents): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, payload: unknown) => {
    if (!isTrustedSender(event, contents)) {
      // The name is the sender's string: log it only when it is one of ours.
      log.warn('call from untrusted sender refused', { call: isCallName(name) ? name : 'unknown' });
      throw new Error(REFUSED_MESSAGE);
    }
    // The core checks the name and the payload and answers bad ones with an error value.
    return core.call(name, payload);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/**
 * Delivers core events to the window. The queue holds them while the renderer is away
 * (loading, reloading, crashed) until it calls `rendererReady` again.
 */
export function forwardCoreEvents(core: IpcCore, contents: WebContents): () => void {
  const unsubscribe = core.events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  const notReady = () => core.events.markNotReady();
  // A main-frame document change (reload, navigation) drops the page's listeners; subframes
  // and same-document (hash) navigations do not, so they leave the queue alone.
  const onNavigation = (details: { isMainFrame: boolean; isSameDocument: boolean }) => {
    if (details.isMainFrame && !details.isSameDocument) notReady();
  };
  contents.on('did-start-navigation', onNavigation);
  contents.on('render-process-gone', notReady);
  contents.on('destroyed', notReady);
  return () => {
    unsubscribe();
    contents.off('did-start-navigation', onNavigation);
    contents.off('render-process-gone', notReady);
    contents.off('destroyed', notReady);
  };
}
