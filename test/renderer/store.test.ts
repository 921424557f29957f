import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../src-renderer/store/index.js';
import { handleKioskEvent } from '../../src-renderer/app/events.js';
import { initialSession } from '../../src-renderer/store/session-slice.js';
import { fallbackSettings } from '../../src-renderer/store/settings-slice.js';

const defaults = { language: 'zh-CN', elderlyMode: false, voiceMuted: false, volume: 0.7 } as const;

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
});

describe('store', () => {
  it('starts on the attract screen with no session and fallback settings', () => {
    const s = useStore.getState();
    expect(s.screen).toEqual({ name: 'attract' });
    expect(s.sessionId).toBeNull();
    expect(s.settings).toEqual(fallbackSettings);
  });

  it('beginSession stores the session and goes home', () => {
    useStore.getState().beginSession('sid', 'now');
    expect(useStore.getState()).toMatchObject({ sessionId: 'sid', startedAt: 'now', screen: { name: 'home' } });
  });

  it('openService records the current service and shows its screen; leaveService goes home', () => {
    useStore.getState().beginSession('sid', 'now');
    useStore.getState().openService('pin-reset');
    expect(useStore.getState()).toMatchObject({ currentServiceId: 'pin-reset', screen: { name: 'service', serviceId: 'pin-reset' } });
    useStore.getState().leaveService();
    expect(useStore.getState()).toMatchObject({ currentServiceId: null, screen: { name: 'home' } });
  });

  it('endSession wipes the session slice, resets settings to the defaults and returns to attract', () => {
    const s = useStore.getState();
    s.setDefaults(defaults);
    s.beginSession('sid', 'now');
    s.openService('pension-query');
    s.setFlowView({ flowId: 'f-1', serviceId: 'pension-query', step: 'confirmCard', stepIndex: 1, stepCount: 3, status: 'waiting', masked: { name: '张*明', cardNumber: '****1234' } });
    expect(useStore.getState().flow?.masked?.name).toBe('张*明');
    s.applySettings({ language: 'en', elderlyMode: true, voiceMuted: true, volume: 0.2 });
    s.showNotice({ kind: 'error', code: 'internal' });

    useStore.getState().endSession();

    const after = useStore.getState();
    expect({ sessionId: after.sessionId, startedAt: after.startedAt, currentServiceId: after.currentServiceId, flow: after.flow }).toEqual(initialSession);
    expect(after.settings).toEqual(defaults);
    expect(after.screen).toEqual({ name: 'attract' });
    expect(after.notice).toBeNull();
  });

  it('endSession keeps terminal-wide data (catalog, policy) that is not resident data', () => {
    const s = useStore.getState();
    s.setIdlePolicy({ warnAfterMs: 30_000, countdownMs: 20_000 });
    s.setCatalog({ version: '3', categories: [], services: [] });
    s.beginSession('sid', 'now');
    useStore.getState().endSession();
    expect(useStore.getState().idlePolicy).toEqual({ warnAfterMs: 30_000, countdownMs: 20_000 });
    expect(useStore.getState().catalog?.version).toBe('3');
  });

  it('setDefaults applies the defaults only outside a session', () => {
    useStore.getState().beginSession('sid', 'now');
    useStore.getState().applySettings({ ...defaults, language: 'en' });
    useStore.getState().setDefaults(defaults);
    expect(useStore.getState().settings.language).toBe('en');
    useStore.getState().endSession();
    useStore.getState().setDefaults({ ...defaults, volume: 0.5 });
    expect(useStore.getState().settings.volume).toBe(0.5);
  });

  it('navigating clears a banner raised on the previous screen', () => {
    useStore.getState().showNotice({ kind: 'unexpected' });
    useStore.getState().navigate({ name: 'adminLogin' });
    expect(useStore.getState().notice).toBeNull();
  });
});

describe('ops state from core events', () => {
  it('keeps the latest health for the admin screen', () => {
    handleKioskEvent({ type: 'health.changed', health: { level: 'degraded', uptimeMs: 5, checks: [{ name: 'county', level: 'degraded', messageKey: 'countyUnreachable' }] } });
    expect(useStore.getState().health).toMatchObject({ level: 'degraded' });
  });
});
