import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../../src-main/contract/calls.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-main/contract/names.js';
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

  it('has exactly call and onEvent, both functions: no list of calls to keep in step', () => {
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);
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

  it('invokes every call on the one call channel with its name and input, and nothing else', async () => {
    for (const name of [...CALL_NAMES, 'notACall']) {
      const input = { probe: name };
      await expect(bridge['call']!(name, input)).resolves.toEqual({ channel: CALL_CHANNEL, args: [name, input] });
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(CALL_CHANNEL, name, input);
    }
  });

  it('refuses a call without a string name before it reaches IPC', async () => {
    const before = fake.ipcRenderer.invoke.mock.calls.length;
    await expect(bridge['call']!({ toString: () => 'getCatalog' }, {})).rejects.toThrow(TypeError);
    expect(fake.ipcRenderer.invoke.mock.calls.length).toBe(before);
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
