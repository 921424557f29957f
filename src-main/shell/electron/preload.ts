// Runs sandboxed in the kiosk page before its scripts. Imports nothing but `electron` and the
// zod-free channel names, so the bundle stays small and holds no schema code or call list: the
// core checks every call's name and payload.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../contract/names.js';

interface Bridge {
  call(name: string, input?: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

/** `window.kiosk`: `call(name, input)` and `onEvent`; never `ipcRenderer` itself. */
function createBridge(): Bridge {
  return {
    call(name, input) {
      if (typeof name !== 'string') return Promise.reject(new TypeError('call needs a name'));
      return ipcRenderer.invoke(CALL_CHANNEL, name, input);
    },
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
