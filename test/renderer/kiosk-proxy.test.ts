import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../src-main/contract/calls.js';
import { kioskProxy } from '../../src-renderer/api/kiosk-proxy.js';

describe('kioskProxy', () => {
  const setup = () => {
    const invoke = vi.fn(async (name: string, input: unknown) => ({ ok: true, value: { name, input } }));
    const onEvent = vi.fn(() => () => undefined);
    return { invoke, onEvent, api: kioskProxy(invoke, onEvent) };
  };

  it('sends every contract call by its name, with its input (an empty object when none is given)', async () => {
    const { api, invoke } = setup();
    for (const name of CALL_NAMES) {
      const call = api[name] as (input?: unknown) => Promise<unknown>;
      await expect(call({ probe: name })).resolves.toEqual({ ok: true, value: { name, input: { probe: name } } });
    }
    await (api.getCatalog as () => Promise<unknown>)();
    expect(invoke).toHaveBeenLastCalledWith('getCatalog', {});
    expect(invoke).toHaveBeenCalledTimes(CALL_NAMES.length + 1);
  });

  it('gives the same function for a name each time, and onEvent is the subscription', () => {
    const { api, onEvent } = setup();
    expect(api.getHealth).toBe(api.getHealth);
    const listener = () => undefined;
    api.onEvent(listener);
    expect(onEvent).toHaveBeenCalledWith(listener);
  });

  it('is not a thenable, and symbols are not calls, so it can be awaited and printed', async () => {
    const { api, invoke } = setup();
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(api)).toBe(api);
    expect((api as unknown as Record<symbol, unknown>)[Symbol.toPrimitive]).toBeUndefined();
    expect(invoke).not.toHaveBeenCalled();
  });
});
