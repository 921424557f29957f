import type { KioskApi, KioskEvent } from '../../src-main/contract/index.js';

/**
 * A KioskApi over one generic `invoke`: `api.getCatalog(input)` sends the call named `getCatalog`.
 * No list of call names lives in the renderer (it may not import the schemas at run time); the
 * type comes from the contract and the core answers an unknown name with `unknown_call`.
 * `then` and symbols are not calls, so the API can be awaited, logged and spread safely.
 */
export function kioskProxy(invoke: (name: string, input: unknown) => Promise<unknown>, onEvent: (listener: (event: KioskEvent) => void) => () => void): KioskApi {
  const calls = new Map<string, (input?: unknown) => Promise<unknown>>();
  return new Proxy({} as KioskApi, {
    get(_target, prop) {
      if (prop === 'onEvent') return onEvent;
      if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
      let call = calls.get(prop);
      if (!call) {
        call = (input?: unknown) => invoke(prop, input ?? {});
        calls.set(prop, call);
      }
      return call;
    },
  });
}
