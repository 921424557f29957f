import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CALL_NAMES, CALLS, type KioskEvent } from '../../src-main/contract/index.js';
import { SetupService } from '../../src-main/setup/setup-service.js';
import { catalogFile, fakeFlows, makeCore } from './helpers.js';

describe('KioskCore call dispatch', () => {
  it('answers every call name in the contract with a value that matches its output schema', async () => {
    const target = { id: 'local', kind: 'local' as const, label: 'bundles' };
    const logBundle = {
      targets: () => [target],
      write: async () => ({ ok: true as const, value: { name: 'kiosk-logs-T-1.zip', target, bytes: 10, sha256: 'a'.repeat(64), files: 3, omitted: 0 } }),
    };
    const setupDir = mkdtempSync(join(tmpdir(), 'kiosk-core-setup-'));
    onTestFinished(() => rmSync(setupDir, { recursive: true, force: true }));
    const setup = new SetupService({ dataDir: setupDir, catalogFile, listPorts: async () => [], enrol: async () => 'C-0001', pinParams: { N: 16_384, r: 8, p: 1 } });
    const draft = { siteId: 'xa-hospital-01', countyUrl: 'https://county.example.cn', technicianPin: '583920', devices: [], language: 'zh-CN', volume: 0.8, idleWarnSeconds: 60, idleCountdownSeconds: 30 };
    const core = makeCore({}, undefined, undefined, { flows: fakeFlows(), demoDevices: () => true, logBundle, setup });
    const sessionId = () => core.sessions.sessionId ?? core.sessions.start().sessionId;
    const enabled = core.catalog().services.find((s) => !s.disabledReason)?.id;
    const inputs: Record<string, () => unknown> = {
      startFlow: () => ({ sessionId: sessionId(), serviceId: enabled }),
      flowAction: () => ({ sessionId: sessionId(), flowId: 'flow-1', action: { type: 'continue' } }),
      cancelFlow: () => ({ sessionId: sessionId(), flowId: 'flow-1' }),
      demoDevice: () => ({ action: { type: 'removeCard' } }),
      endSession: () => ({ sessionId: core.sessions.sessionId, reason: 'user' }),
      updateSettings: () => ({ language: 'en' }),
      adminLogin: () => ({ pin: '246810' }),
      retryDeadLetter: () => ({ id: 'dl-1' }),
      discardDeadLetter: () => ({ id: 'dl-2' }),
      exportLogBundle: () => ({ targetId: 'local' }),
      setupEnrol: () => ({ url: 'https://county.example.cn', code: 'ONE-TIME-1', siteId: 'xa-hospital-01' }),
      previewSetup: () => ({ draft }),
      applySetup: () => ({ draft }),
      submitRating: () => ({ sessionId: core.sessions.sessionId ?? core.sessions.start().sessionId, score: 4 }),
    };
    // Signed in first so the ops calls answer; logout goes last.
    await core.call('adminLogin', { pin: '246810' });
    // The setup code opens the wizard only out of service; a configured terminal refuses it.
    expect(await core.call('setupUnlock', { code: '12345678' })).toEqual({ ok: false, error: { code: 'admin_not_authorized' } });
    const order = [...CALL_NAMES.filter((n) => n !== 'adminLogout' && n !== 'setupUnlock'), 'adminLogout' as const];
    for (const name of order) {
      const result = await core.call(name, inputs[name]?.() ?? {});
      expect(result.ok, name).toBe(true);
      if (result.ok) expect(CALLS[name].output.safeParse(result.value).success, name).toBe(true);
    }
  });

  it('refuses the demo hardware calls on a terminal built without them, and flows with none configured', async () => {
    const core = makeCore();
    expect(await core.call('demoDevice', { action: { type: 'removeCard' } })).toEqual({ ok: false, error: { code: 'not_demo' } });
    const sessionId = core.sessions.start().sessionId;
    const enabled = core.catalog().services.find((s) => !s.disabledReason)?.id;
    expect(await core.call('startFlow', { sessionId, serviceId: enabled })).toEqual({ ok: false, error: { code: 'service_unknown' } });
  });

  it('refuses a flow for a service that is not on offer now', async () => {
    const core = makeCore({}, undefined, undefined, { flows: fakeFlows() });
    const sessionId = core.sessions.start().sessionId;
    const disabled = core.catalog().services.find((s) => s.disabledReason)?.id;
    expect(disabled).toBeDefined();
    expect(await core.call('startFlow', { sessionId, serviceId: disabled })).toEqual({ ok: false, error: { code: 'service_disabled' } });
  });

  it('rejects unknown calls and malformed payloads as error values, not exceptions', async () => {
    const core = makeCore();
    expect(await core.call('dropTables', {})).toEqual({ ok: false, error: { code: 'unknown_call' } });
    const bad = await core.call('updateSettings', { language: 'fr' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const extra = await core.call('getCatalog', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const wrongType = await core.call('endSession', 'not an object');
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('never echoes a rejected payload back in the error', async () => {
    const core = makeCore();
    const canary = 'CANARY-110101199003074514';
    const result = await core.call('adminLogin', { pin: canary });
    expect(JSON.stringify(result)).not.toContain('110101199003074514');
    expect(JSON.stringify(result)).not.toContain('CANARY');
  });
});

describe('sessions and settings', () => {
  it('returns settings to the defaults when a session ends and tells the UI', async () => {
    const core = makeCore();
    const events: KioskEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    core.events.markReady();
    const started = await core.call('startSession', {});
    if (!started.ok) throw new Error('no session');
    const { sessionId } = started.value as { sessionId: string };
    await core.call('updateSettings', { language: 'en', elderlyMode: true, volume: 0.2 });
    expect(await core.call('getSettings', {})).toMatchObject({ ok: true, value: { language: 'en', elderlyMode: true } });
    expect((await core.call('endSession', { sessionId, reason: 'idle' })).ok).toBe(true);
    expect(await core.call('getSettings', {})).toEqual({
      ok: true,
      value: { language: 'zh-CN', elderlyMode: false, voiceMuted: false, volume: 0.8 },
    });
    expect(events.map((e) => e.type)).toEqual(['settings.changed', 'session.ended', 'settings.changed']);
    expect(events[1]).toMatchObject({ type: 'session.ended', sessionId, reason: 'idle' });
  });

  it('runs every registered wipe when a session ends, even if one throws', async () => {
    const core = makeCore();
    let wiped = 0;
    core.sessions.registerWipe(() => {
      throw new Error('broken store');
    });
    core.sessions.registerWipe(() => {
      wiped += 1;
    });
    const started = core.sessions.start();
    core.sessions.end(started.sessionId, 'completed');
    expect(wiped).toBe(1);
  });

  it('refuses to end a session that is not the current one', async () => {
    const core = makeCore();
    await core.call('startSession', {});
    const result = await core.call('endSession', { sessionId: '00000000-0000-4000-8000-000000000000', reason: 'user' });
    expect(result).toMatchObject({ ok: false, error: { code: 'session_mismatch' } });
  });

  it('ends the previous session as replaced when a new one starts', async () => {
    const core = makeCore();
    const events: KioskEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    core.events.markReady();
    const first = core.sessions.start();
    core.sessions.start();
    expect(events).toContainEqual({ type: 'session.ended', sessionId: first.sessionId, reason: 'replaced' });
  });
});

describe('event queue', () => {
  it('holds events until the renderer is ready, then delivers them in order', async () => {
    const core = makeCore();
    const seen: string[] = [];
    core.events.subscribe((e) => seen.push(e.type));
    await core.call('updateSettings', { language: 'en' });
    await core.call('startSession', {});
    expect(seen).toEqual([]);
    await core.call('rendererReady', {});
    expect(seen).toEqual(['settings.changed']);
    core.events.markNotReady();
    await core.call('updateSettings', { elderlyMode: true });
    expect(seen).toHaveLength(1);
    await core.call('rendererReady', {});
    expect(seen).toEqual(['settings.changed', 'settings.changed']);
  });
});

describe('technician entry', () => {
  it('counts bad PINs down, locks out, and accepts the right PIN after the lockout', async () => {
    let now = 1_000_000;
    const core = makeCore({}, () => now);
    for (let triesLeft = 4; triesLeft >= 1; triesLeft -= 1) {
      expect(await core.call('adminLogin', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'admin_bad_pin', triesLeft } });
    }
    expect(await core.call('adminLogin', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'admin_locked' } });
    expect(await core.call('adminLogin', { pin: '246810' })).toMatchObject({ ok: false, error: { code: 'admin_locked' } });
    now += 300_001;
    expect(await core.call('adminLogin', { pin: '246810' })).toMatchObject({ ok: true, value: { role: 'technician' } });
  });
});
