// Runs sandboxed in the kiosk page before its scripts. Imports nothing but `electron` and the
// zod-free call names, so the bundle stays small and holds no schema code.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, EVENT_CHANNEL, ipcChannel, type CallName } from '../../contract/names.js';

type Call = (input?: unknown) => Promise<unknown>;
type Bridge = Record<CallName, Call> & { onEvent(listener: (event: unknown) => void): () => void };

/** `window.kiosk`: one function per contract call plus `onEvent`; never `ipcRenderer` itself. */
function createBridge(): Bridge {
  const calls = {} as Record<CallName, Call>;
  for (const name of CALL_NAMES) {
    const channel = ipcChannel(name);
    calls[name] = (input) => ipcRenderer.invoke(channel, input);
  }
  return {
    ...calls,
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
      // The page gets the event only, never the IpcRendererEvent (it carries the sender).
      const relay = (_ipcEvent: IpcRendererEvent, event: unknown) => listener(event);
      ipcRenderer.on(EVENT_CHANNEL, relay);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}

contextBridge.exposeInMainWorld('kiosk', createBridge());
