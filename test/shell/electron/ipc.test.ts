import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../../src-main/contract/calls.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-main/contract/names.js';
import { fake, FakeFrame, FakeWebContents, invokeEvent, resetFake } from './fake-electron.js';
import { fakeCore } from './fake-core.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const { forwardCoreEvents, registerCallHandlers, REFUSED_MESSAGE } = await import('../../../src-main/shell/electron/ipc.js');

const asContents = (contents: FakeWebContents) => contents as unknown as WebContents;

function setup() {
  const core = fakeCore();
  const contents = new FakeWebContents();
  const dispose = registerCallHandlers(core, asContents(contents));
  const invoke = (name: string, event: unknown, payload: unknown) => {
    const handler = fake.ipcHandlers.get(CALL_CHANNEL);
    if (!handler) throw new Error('no call handler');
    return Promise.resolve().then(() => handler(event, name, payload));
  };
  return { core, contents, dispose, invoke };
}

beforeEach(resetFake);

describe('call handlers', () => {
  it('register one ipcMain.handle, on the call channel, and nothing else', () => {
    setup();
    expect([...fake.ipcHandlers.keys()]).toEqual([CALL_CHANNEL]);
    expect(fake.electron.ipcMain.handle).toHaveBeenCalledTimes(1);
  });

  it('pass the name and payload unchanged to core.call (which judges the name) and return its result value', async () => {
    const { core, contents, invoke } = setup();
    const names = [...CALL_NAMES, 'notACall'];
    for (const name of names) {
      const payload = { probe: name };
      await expect(invoke(name, invokeEvent(contents), payload)).resolves.toEqual({ ok: true, value: { answered: name } });
      expect(core.call).toHaveBeenLastCalledWith(name, payload);
    }
    expect(core.call).toHaveBeenCalledTimes(names.length);
  });

  it('can be removed again', () => {
    const { dispose } = setup();
    dispose();
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('sender check', () => {
  const secretPayload = { pin: '246810' };

  async function expectRefused(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(REFUSED_MESSAGE);
    expect((error as Error).message).not.toContain('246810');
  }

  it('rejects a frame of another webContents', async () => {
    const { core, invoke } = setup();
    const other = new FakeWebContents();
    await expectRefused(invoke('adminLogin', invokeEvent(other), secretPayload));
    expect(core.call).not.toHaveBeenCalled();
  });

  it('rejects a subframe of our own window', async () => {
    const { core, contents, invoke } = setup();
    const sub = new FakeFrame('app://kiosk/index.html', contents.mainFrame.processId, 999);
    sub.parent = contents.mainFrame;
    await expectRefused(invoke('adminLogin', invokeEvent(contents, sub), secretPayload));
    expect(core.call).not.toHaveBeenCalled();
  });

  it('rejects our main frame once it shows a foreign origin', async () => {
    const { core, contents, invoke } = setup();
    contents.mainFrame.url = 'https://evil.example/';
    await expectRefused(invoke('getHealth', invokeEvent(contents), {}));
    expect(core.call).not.toHaveBeenCalled();
  });

  it('rejects a missing sender frame, a different frame and a destroyed window', async () => {
    const { core, contents, invoke } = setup();
    await expectRefused(invoke('getHealth', invokeEvent(contents, null), {}));
    await expectRefused(invoke('getHealth', invokeEvent(contents, new FakeFrame('app://kiosk/index.html', 5, 5)), {}));
    contents.destroyed = true;
    await expectRefused(invoke('getHealth', invokeEvent(contents), {}));
    expect(core.call).not.toHaveBeenCalled();
  });

  it('accepts a distinct frame object that stands for our main frame', async () => {
    const { core, contents, invoke } = setup();
    const same = new FakeFrame(contents.mainFrame.url, contents.mainFrame.processId, contents.mainFrame.routingId);
    await invoke('getHealth', invokeEvent(contents, same), {});
    expect(core.call).toHaveBeenCalledWith('getHealth', {});
  });
});

describe('event forwarding', () => {
  const event = { type: 'catalog.changed', version: 'v2' } as const;

  it('sends core events to the window once the renderer is ready', () => {
    const core = fakeCore();
    const contents = new FakeWebContents();
    forwardCoreEvents(core, asContents(contents));
    core.events.emit(event);
    expect(contents.send).not.toHaveBeenCalled();
    core.events.markReady();
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
  });

  it('queues again when the main frame reloads or the renderer crashes, not on subframe or hash navigation', () => {
    const core = fakeCore();
    const contents = new FakeWebContents();
    forwardCoreEvents(core, asContents(contents));
    core.events.markReady();

    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    core.events.emit(event);
    expect(contents.send).toHaveBeenCalledTimes(1);

    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    core.events.emit(event);
    expect(contents.send).toHaveBeenCalledTimes(1);
    core.events.markReady();
    expect(contents.send).toHaveBeenCalledTimes(2);

    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    core.events.emit(event);
    expect(contents.send).toHaveBeenCalledTimes(2);
  });

  it('stops sending after disposal or when the window is gone', () => {
    const core = fakeCore();
    const contents = new FakeWebContents();
    const dispose = forwardCoreEvents(core, asContents(contents));
    core.events.markReady();
    contents.destroyed = true;
    core.events.emit(event);
    contents.destroyed = false;
    dispose();
    core.events.emit(event);
    expect(contents.send).not.toHaveBeenCalled();
  });
});
