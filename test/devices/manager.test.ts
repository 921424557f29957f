import { afterEach, describe, expect, it } from 'vitest';
import { EvolisModel } from '../../drivers/printer/emulator.js';
import { SscReaderModel } from '../../drivers/ssc/emulator.js';
import { DEMO_ID_CARD, type IdSamModel } from '../../drivers/idcard/emulator.js';
import { SscStxReaderModel } from '../../drivers/ssc/emulator-stx.js';
import { DeviceEntrySchema } from '../../src-main/config/schema.js';
import type { DeviceStatus } from '../../src-main/contract/ops.js';
import type { DeviceManager } from '../../src-main/devices/index.js';
import { eventually, trackTimers, manager, stateOf, waitFor } from './helpers.js';

let m: DeviceManager | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

const allUp = (d: DeviceStatus[]) => d.every((x) => x.state === 'ready');

describe('device manager on the in-memory emulators', () => {
  it('brings every configured device up ready, in configuration order', async () => {
    m = manager();
    m.start();
    const devices = await waitFor(m, allUp);
    expect(devices.map((d) => [d.kind, d.driver, d.state])).toEqual([
      ['cardReader', 'emulator', 'ready'],
      ['idReader', 'emulator', 'ready'],
      ['pinPad', 'emulator', 'ready'],
      ['cardPrinter', 'emulator', 'ready'],
      ['camera', 'browser', 'ready'],
      ['docCamera', 'emulator', 'ready'],
    ]);
    // Honest about what it cannot check: the browser camera.
    expect(stateOf(devices, 'camera')?.messageKey).toBe('checkedByUi');
    expect(stateOf(devices, 'cardReader')?.messageKey).toBeUndefined();
    expect(stateOf(devices, 'cardReader')?.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stateOf(devices, 'pinPad')?.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(m.driver('cardPrinter')).toBeDefined();
  });

  it('reports an unplug as disconnected, then reconnecting with counted attempts, then ready after replug', async () => {
    m = manager([{ kind: 'pinPad', driver: 'emulator' }]);
    const seen: [DeviceStatus['state'], number][] = [];
    m.onChange((d) => {
      const p = stateOf(d, 'pinPad');
      if (p) seen.push([p.state, p.reconnectAttempts]);
    });
    m.start();
    await waitFor(m, allUp);
    await m.emulator('pinPad')?.unplug();
    await waitFor(m, (d) => (stateOf(d, 'pinPad')?.reconnectAttempts ?? 0) >= 2);
    await m.emulator('pinPad')?.replug();
    const back = await waitFor(m, allUp);

    expect(stateOf(back, 'pinPad')).toMatchObject({ state: 'ready', reconnectAttempts: 0 });
    const afterUnplug = seen.slice(seen.findIndex(([s]) => s === 'disconnected'));
    expect(afterUnplug[0]).toEqual(['disconnected', 0]);
    expect(afterUnplug).toContainEqual(['reconnecting', 1]);
    expect(afterUnplug).toContainEqual(['reconnecting', 2]);
    expect(afterUnplug.at(-1)).toEqual(['ready', 0]);
    // Attempts only ever grow while the device is away.
    const attempts = afterUnplug.filter(([s]) => s === 'reconnecting').map(([, n]) => n);
    expect(attempts).toEqual([...attempts].sort((a, b) => a - b));
  });

  it('heartbeats the card reader with slot status (never the card) and finds an unplugged reader', async () => {
    m = manager([{ kind: 'cardReader', driver: 'emulator' }]);
    m.start();
    await waitFor(m, allUp);
    const host = m.emulator('cardReader')?.host;
    // A few heartbeats: each one is a slot status query, and the card is never powered or addressed.
    await eventually(() => (host?.transcript.commands().length ?? 0) >= 3);
    expect(new Set(host?.transcript.commands())).toEqual(new Set(['SLOT_STATUS']));
    await m.emulator('cardReader')?.unplug();
    await waitFor(m, (d) => ['disconnected', 'reconnecting'].includes(stateOf(d, 'cardReader')?.state ?? ''));
    await m.emulator('cardReader')?.replug();
    await waitFor(m, allUp);
  });

  it('keeps the card reader ready with its slot empty, and faults it on a reader error', async () => {
    m = manager([{ kind: 'cardReader', driver: 'emulator' }]);
    m.start();
    await waitFor(m, allUp);
    const model = m.emulator('cardReader')?.host?.model;
    if (model instanceof SscReaderModel) model.remove();
    const host = m.emulator('cardReader')?.host;
    const seen = host?.transcript.commands().length ?? 0;
    await eventually(() => (host?.transcript.commands().length ?? 0) >= seen + 2);
    expect(stateOf(m.list(), 'cardReader')?.state).toBe('ready');
    if (model instanceof SscReaderModel) model.insert();
    host?.faults.always('SLOT_STATUS', { kind: 'status', code: 0x05 });
    const faulted = await waitFor(m, (d) => stateOf(d, 'cardReader')?.state === 'fault');
    expect(stateOf(faulted, 'cardReader')).toMatchObject({ messageKey: 'deviceError', reconnectAttempts: 0 });
    host?.faults.clear();
    await waitFor(m, allUp);
  });

  it.each(['cardReader', 'idReader', 'pinPad', 'cardPrinter', 'docCamera'] as const)(
    'marks %s disconnected as soon as it is unplugged, before any heartbeat',
    async (kind) => {
      // Heartbeats a minute apart: only the line's close event can tell the manager within the test.
      m = manager([{ kind, driver: 'emulator' }], { heartbeatMs: 60_000, backoff: { baseMs: 60_000, maxMs: 60_000 }, missLimit: 1 });
      m.start();
      await waitFor(m, allUp);
      const host = m.emulator(kind)?.host;
      const sent = host?.transcript.commands().length;
      await m.emulator(kind)?.unplug();
      const down = await waitFor(m, (d) => stateOf(d, kind)?.state === 'disconnected', 1_000);
      expect(stateOf(down, kind)).toMatchObject({ messageKey: 'disconnected', reconnectAttempts: 0 });
      // Nothing was asked of the device: no heartbeat ran.
      expect(host?.transcript.commands().length).toBe(sent);
    },
  );

  it('drives the card reader in the framing its config entry selects (STX family on the emulator)', async () => {
    const entry = DeviceEntrySchema.parse({ kind: 'cardReader', driver: 'emulator', framing: 'stx-len-bcc' });
    m = manager([entry]);
    m.start();
    await waitFor(m, allUp);
    const host = m.emulator('cardReader')?.host;
    expect(host?.model).toBeInstanceOf(SscStxReaderModel);
    await eventually(() => (host?.transcript.commands().length ?? 0) >= 2);
    expect(new Set(host?.transcript.commands())).toEqual(new Set(['SLOT_STATUS']));
    expect((await m.use('cardReader', (r) => r.readCard())).ok).toBe(true);
    // Only the card reader has a framing to choose.
    expect(DeviceEntrySchema.safeParse({ kind: 'pinPad', framing: 'ccid' }).success).toBe(false);
    expect(DeviceEntrySchema.safeParse({ kind: 'cardReader', framing: 'x' }).success).toBe(false);
    expect(DeviceEntrySchema.parse({ kind: 'cardReader' })).toEqual({ kind: 'cardReader', driver: 'emulator' });
  });

  it('frees the emulators when it closes', async () => {
    const local = manager([{ kind: 'pinPad', driver: 'emulator' }]);
    local.start();
    await waitFor(local, allUp);
    const pad = local.driver('pinPad');
    const host = local.emulator('pinPad')?.host;
    await local.close();
    // Reopening the driver's end reaches no emulator any more.
    expect((await pad?.open())?.ok).toBe(true);
    const seen = host?.transcript.commands().length;
    expect(await pad?.status()).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(host?.transcript.commands().length).toBe(seen);
    await pad?.close();
  });

  it('unplugs the document camera after the manager let go of it without an unhandled error', async () => {
    const local = manager([{ kind: 'docCamera', driver: 'emulator' }]);
    local.start();
    await waitFor(local, allUp);
    const socket = local.emulator('docCamera');
    await local.close();
    await expect(socket?.unplug()).resolves.toBeUndefined();
    await expect(socket?.unplug()).resolves.toBeUndefined();
  });

  it('reconnects the document camera after its HID device goes away', async () => {
    m = manager([{ kind: 'docCamera', driver: 'emulator' }]);
    m.start();
    await waitFor(m, allUp);
    await m.emulator('docCamera')?.unplug();
    await waitFor(m, (d) => stateOf(d, 'docCamera')?.state === 'reconnecting');
    await m.emulator('docCamera')?.replug();
    await waitFor(m, allUp);
  });

  it('maps a printer condition to fault with its operator message, and recovers', async () => {
    m = manager([{ kind: 'cardPrinter', driver: 'emulator' }]);
    m.start();
    await waitFor(m, allUp);
    const model = m.emulator('cardPrinter')?.host?.model;
    expect(model).toBeInstanceOf(EvolisModel);
    if (!(model instanceof EvolisModel)) return;
    model.mech.coverOpen = true;
    const faulted = await waitFor(m, (d) => stateOf(d, 'cardPrinter')?.state === 'fault');
    expect(stateOf(faulted, 'cardPrinter')?.messageKey).toBe('printer.coverOpen');
    model.mech.coverOpen = false;
    await waitFor(m, allUp);
  });

  it('heartbeats the PIN pad with STATUS and never sends it RESET', async () => {
    m = manager([{ kind: 'pinPad', driver: 'emulator' }]);
    m.start();
    await waitFor(m, allUp);
    const host = m.emulator('pinPad')?.host;
    await eventually(() => (host?.transcript.commands().length ?? 0) >= 4);
    expect(new Set(host?.transcript.commands())).toEqual(new Set(['STATUS']));
  });

  it('maps a refused status command to fault + deviceError without dropping the line', async () => {
    m = manager([{ kind: 'pinPad', driver: 'emulator' }]);
    m.start();
    await waitFor(m, allUp);
    m.emulator('pinPad')?.host?.faults.always('STATUS', { kind: 'status', code: 0x01 });
    const faulted = await waitFor(m, (d) => stateOf(d, 'pinPad')?.state === 'fault');
    expect(stateOf(faulted, 'pinPad')).toMatchObject({ messageKey: 'deviceError', reconnectAttempts: 0 });
    m.emulator('pinPad')?.host?.faults.clear();
    await waitFor(m, allUp);
  });

  it('shows busy while a flow uses a device, and a lost line during use starts reconnecting', async () => {
    m = manager([{ kind: 'cardPrinter', driver: 'emulator' }], { heartbeatMs: 60_000, backoff: { baseMs: 20, maxMs: 40 }, missLimit: 1 });
    const states: string[] = [];
    m.onChange((d) => states.push(stateOf(d, 'cardPrinter')?.state ?? '?'));
    m.start();
    await waitFor(m, allUp);
    const r = await m.use('cardPrinter', (p) => p.feederHasCards());
    expect(r).toEqual({ ok: true, value: true });
    expect(states.slice(-2)).toEqual(['busy', 'ready']);

    await m.emulator('cardPrinter')?.unplug();
    const lost = await m.use('cardPrinter', (p) => p.feederHasCards());
    expect(lost.ok).toBe(false);
    await waitFor(m, (d) => stateOf(d, 'cardPrinter')?.state === 'reconnecting');
    await m.emulator('cardPrinter')?.replug();
    await waitFor(m, allUp);
  });

  it('reports a real port that is missing or unusable without throwing', async () => {
    m = manager([
      { kind: 'pinPad', driver: 'serial' },
      { kind: 'docCamera', driver: 'tcp', port: { type: 'tcp', host: '127.0.0.1', port: 9 } },
      { kind: 'idReader', driver: 'serial', port: { type: 'serial', path: '/dev/does-not-exist-kiosk' } },
    ]);
    m.start();
    const devices = await waitFor(m, (d) => stateOf(d, 'idReader')?.messageKey !== 'starting');
    expect(stateOf(devices, 'pinPad')).toMatchObject({ state: 'fault', messageKey: 'notConfigured' });
    expect(stateOf(devices, 'docCamera')).toMatchObject({ state: 'fault', messageKey: 'unsupportedPort' });
    expect(['disconnected', 'reconnecting']).toContain(stateOf(devices, 'idReader')?.state);
    expect(['portNotFound', 'openFailed']).toContain(stateOf(devices, 'idReader')?.messageKey);
  });

  it('leaves no timers behind after close, even mid-reconnect', async () => {
    const timers = trackTimers();
    const local = manager();
    local.start();
    await waitFor(local, allUp);
    await local.emulator('pinPad')?.unplug();
    await waitFor(local, (d) => stateOf(d, 'pinPad')?.state === 'reconnecting');
    // The tracker sees the manager's timers (the reconnect backoff and heartbeats are pending now).
    const midway = timers.pending();
    await local.close();
    await new Promise((r) => setImmediate(r));
    const pending = timers.pending();
    timers.restore();
    expect(midway).toBeGreaterThan(0);
    expect(pending).toBe(0);
  });
});

describe('card watch', () => {
  it('reports a card put in and pulled out of each reader, without flooding device listeners', async () => {
    const m = manager();
    m.start();
    await waitFor(m, (d) => d.every((x) => x.state === 'ready'));
    const ssc = m.emulator('cardReader')?.host?.model as SscReaderModel;
    const id = m.emulator('idReader')?.host?.model as IdSamModel;
    ssc.remove();
    id.card = undefined;
    let deviceEvents = 0;
    m.onChange(() => deviceEvents++);
    const seen: Record<string, string[]> = { cardReader: [], idReader: [] };
    const stops = (['cardReader', 'idReader'] as const).map((kind) => m.watchCard(kind, (p) => seen[kind]?.push(p), 10));
    await eventually(() => seen['cardReader']?.length === 1 && seen['idReader']?.length === 1);
    ssc.insert();
    id.card = DEMO_ID_CARD;
    await eventually(() => seen['cardReader']?.length === 2 && seen['idReader']?.length === 2);
    ssc.remove();
    id.card = undefined;
    await eventually(() => seen['cardReader']?.length === 3 && seen['idReader']?.length === 3);
    stops.forEach((s) => s());
    expect(seen).toEqual({ cardReader: ['absent', 'present', 'absent'], idReader: ['absent', 'present', 'absent'] });
    expect(deviceEvents).toBe(0);
    await m.close();
  });

  it('says unavailable while the reader is unplugged', async () => {
    const m = manager();
    m.start();
    await waitFor(m, (d) => stateOf(d, 'cardReader')?.state === 'ready');
    const seen: string[] = [];
    const stop = m.watchCard('cardReader', (p) => seen.push(p), 10);
    await eventually(() => seen.length === 1);
    await m.emulator('cardReader')?.unplug();
    await eventually(() => seen.at(-1) === 'unavailable');
    stop();
    expect(seen).toEqual(['present', 'unavailable']);
    await m.close();
  });
});
