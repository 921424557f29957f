import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, EVENT_CHANNEL, ipcChannel } from '../../../src-main/contract/names.js';
import { fake, resetFake } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

type Bridge = Record<string, (...args: unknown[]) => unknown>;
let bridge: Bridge;

beforeAll(async () => {
  resetFake();
  await import('../../../src-main/shell/electron/preload.js');
  bridge = fake.exposed.get('kiosk') as Bridge;
});

describe('preload bridge', () => {
  it('is exposed once, as window.kiosk', () => {
    expect(fake.electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...fake.exposed.keys()]).toEqual(['kiosk']);
  });

  it('has exactly one function per call name plus onEvent', () => {
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES, 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    const values = Object.values(bridge);
    expect(values).not.toContain(fake.ipcRenderer);
    for (const method of ['invoke', 'on', 'send', 'sendSync', 'removeListener', 'emit'] as const) {
      expect(values).not.toContain((fake.ipcRenderer as unknown as Record<string, unknown>)[method]);
    }
    expect(Object.keys(bridge)).not.toContain('ipcRenderer');
  });

  it('invokes each call on its own channel with the input as the only argument', async () => {
    for (const name of CALL_NAMES) {
      const input = { probe: name };
      await expect(bridge[name]!(input)).resolves.toEqual({ channel: ipcChannel(name), input });
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(name), input);
    }
  });

  it('hands listeners the event only, and each unsubscribe removes only its own listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge['onEvent']!(first) as () => void;
    const offSecond = bridge['onEvent']!(second) as () => void;
    const ipcEvent = { sender: 'secret', ports: [] };
    const event = { type: 'catalog.changed', version: 'v1' };

    fake.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, event);
    expect(first).toHaveBeenCalledWith(event);
    expect(first.mock.calls[0]).toHaveLength(1);

    offFirst();
    fake.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, event);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);

    offFirst();
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
    offSecond();
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge['onEvent']!('nope')).toThrow(TypeError);
  });
});
