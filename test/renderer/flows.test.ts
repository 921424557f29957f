import { beforeEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../src-main/contract/index.js';
import { STEPS as RESET_STEPS } from '../../src-main/flows/ssc-pin-reset/view.js';
import { STEPS as CHANGE_STEPS } from '../../src-main/flows/ssc-pin-change/view.js';
import { RECORD_SERVICES, STEPS as RECORDS_STEPS } from '../../src-main/flows/records/view.js';
import { en } from '../../src-renderer/i18n/locales/en.js';
import { planPrompt, promptTemplates } from '../../src-renderer/voice/clip-plan.js';
import { resultVoice } from '../../src-renderer/flows/records/screens.js';
import { setKioskApi } from '../../src-renderer/app/kiosk.js';
import { afterFlow } from '../../src-renderer/flows/after-flow.js';
import { cancelFlow, sendFlowAction, startFlow } from '../../src-renderer/flows/flow-actions.js';
import { leaveForIdle } from '../../src-renderer/idle/leave-for-idle.js';
import { FLOW_SCREENS } from '../../src-renderer/flows/registry.js';
import { commonStepPrompt } from '../../src-renderer/flows/common/voice.js';
import { voicePrompts } from '../../src-renderer/voice/prompts.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { useStore } from '../../src-renderer/store/index.js';
import { SESSION_ID, fakeKiosk } from './fake-kiosk.js';

const view = (over: Partial<FlowView> = {}): FlowView => ({
  flowId: 'f-1',
  serviceId: 'ssc.pin.reset',
  step: 'insertCard',
  stepIndex: 1,
  stepCount: 5,
  status: 'waiting',
  ...over,
});

describe('where a flow goes when it ends', () => {
  it('stays while the flow runs', () => {
    expect(afterFlow(view(), null)).toEqual({ kind: 'stay' });
    expect(afterFlow(null, null)).toEqual({ kind: 'stay' });
  });

  it('goes to the rating after a success, to the chosen service, or asks for the cards back before home', () => {
    expect(afterFlow(view({ status: 'ended', step: 'completed', next: 'rating' }), null)).toEqual({ kind: 'open', serviceId: 'rating' });
    expect(afterFlow(view({ status: 'ended', step: 'ended', next: 'home' }), 'ssc.pin.reset')).toEqual({ kind: 'open', serviceId: 'ssc.pin.reset' });
    expect(afterFlow(view({ status: 'ended', step: 'ended', next: 'home', reminder: 'takeCard' }), null)).toEqual({ kind: 'takeCards' });
    expect(afterFlow(view({ status: 'ended', step: 'ended', next: 'home' }), null)).toEqual({ kind: 'home' });
  });
});

describe('flow calls from the renderer', () => {
  let fake: ReturnType<typeof fakeKiosk>;
  beforeEach(() => {
    fake = fakeKiosk();
    setKioskApi(fake.api);
    useStore.setState(useStore.getInitialState(), true);
    useStore.getState().beginSession(SESSION_ID, '2025-01-01T00:00:00Z');
    useStore.getState().openService('ssc.pin.reset');
  });

  it('keeps the first view of a started flow and sends actions to that flow', async () => {
    fake.api.startFlow.mockResolvedValueOnce({ ok: true, value: view() } as never);
    await startFlow('ssc.pin.reset');
    expect(useStore.getState().flow).toMatchObject({ flowId: 'f-1', step: 'insertCard' });
    fake.api.flowAction.mockResolvedValueOnce({ ok: true, value: view({ step: 'idCard', stepIndex: 2 }) } as never);
    await sendFlowAction({ type: 'continue' });
    expect(fake.api.flowAction).toHaveBeenCalledWith({ sessionId: SESSION_ID, flowId: 'f-1', action: { type: 'continue' } });
    expect(useStore.getState().flow?.step).toBe('idCard');
  });

  it('a refused action (a second touch while the step moves on) changes nothing and shows no notice', async () => {
    fake.api.startFlow.mockResolvedValueOnce({ ok: true, value: view() } as never);
    await startFlow('ssc.pin.reset');
    fake.api.flowAction.mockResolvedValueOnce({ ok: false, error: { code: 'flow_refused' } } as never);
    await sendFlowAction({ type: 'continue' });
    expect(useStore.getState().flow?.step).toBe('insertCard');
    expect(useStore.getState().notice).toBeNull();
  });

  it('a disabled service shows its notice and no flow starts', async () => {
    fake.api.startFlow.mockResolvedValueOnce({ ok: false, error: { code: 'service_disabled' } } as never);
    await startFlow('ssc.pin.reset');
    expect(useStore.getState().flow).toBeNull();
    expect(useStore.getState().notice).toMatchObject({ kind: 'error', code: 'service_disabled' });
  });

  it('leaving asks the core to end the flow, once; an ended flow is not cancelled again', async () => {
    fake.api.startFlow.mockResolvedValueOnce({ ok: true, value: view() } as never);
    await startFlow('ssc.pin.reset');
    fake.api.cancelFlow.mockResolvedValueOnce({ ok: true, value: view({ status: 'ended', step: 'ended', next: 'home' }) } as never);
    await cancelFlow();
    await cancelFlow();
    expect(fake.api.cancelFlow).toHaveBeenCalledTimes(1);
    expect(useStore.getState().flow?.status).toBe('ended');
  });

  it('idle mid-flow: the flow is ended first; a card still in keeps its reminder up, else the session ends', async () => {
    fake.api.startFlow.mockResolvedValueOnce({ ok: true, value: view({ step: 'confirmCard' }) } as never);
    await startFlow('ssc.pin.reset');
    fake.api.cancelFlow.mockResolvedValueOnce({ ok: true, value: view({ status: 'ended', step: 'ended', next: 'home', reminder: 'takeCard' }) } as never);
    expect(await leaveForIdle()).toBe(true);
    expect(fake.api.cancelFlow).toHaveBeenCalledTimes(1);
    expect(fake.api.endSession).not.toHaveBeenCalled();
    expect(useStore.getState().sessionId).toBe(SESSION_ID);
    // The next idle period: the flow has ended, the session goes.
    expect(await leaveForIdle()).toBe(false);
    expect(fake.api.cancelFlow).toHaveBeenCalledTimes(1);
    expect(fake.api.endSession).toHaveBeenCalledTimes(1);
    expect(useStore.getState().sessionId).toBeNull();
  });

  it('idle mid-flow with no card in: the flow is ended and the session with it', async () => {
    fake.api.startFlow.mockResolvedValueOnce({ ok: true, value: view({ step: 'insertCard' }) } as never);
    await startFlow('ssc.pin.reset');
    fake.api.cancelFlow.mockResolvedValueOnce({ ok: true, value: view({ status: 'ended', step: 'ended', next: 'home' }) } as never);
    expect(await leaveForIdle()).toBe(false);
    expect(fake.api.cancelFlow).toHaveBeenCalledTimes(1);
    expect(fake.api.endSession).toHaveBeenCalledTimes(1);
  });

  it('a view of another service (a late event) is not kept', () => {
    useStore.getState().setFlowView(view({ serviceId: 'ssc.pin.change' }));
    expect(useStore.getState().flow).toBeNull();
  });
});

describe('flow screens', () => {
  const prompts = voicePrompts(zhCN);
  // Every step id the core's views can name (the ended ones are never shown: the host moves on).
  const shown = (table: Record<string, [string, number, string]>) => [...new Set(Object.values(table).map(([step]) => step))].filter((s) => s !== 'completed' && s !== 'ended');
  const steps: Record<string, string[]> = {
    'ssc.pin.reset': shown(RESET_STEPS),
    'ssc.pin.change': shown(CHANGE_STEPS),
    ...Object.fromEntries(Object.keys(RECORD_SERVICES).map((id) => [id, shown(RECORDS_STEPS)])),
  };
  const promptOf = (said: ReturnType<(typeof FLOW_SCREENS)[string]['voice']>) => (typeof said === 'string' ? said : said.prompt);

  it('every step a flow can show has a screen and a voice prompt that exists', () => {
    for (const [serviceId, list] of Object.entries(steps)) {
      const screens = FLOW_SCREENS[serviceId]!;
      for (const step of list) {
        expect(screens.steps[step], `${serviceId} ${step}`).toBeDefined();
        expect(prompts.has(promptOf(screens.voice(view({ serviceId, step })))), `${serviceId} ${step} voice`).toBe(true);
      }
    }
  });

  it('an error on a step is said instead of the step prompt, with the words on screen', () => {
    const prompt = commonStepPrompt(view({ step: 'newPin', error: 'pinWeak' }));
    expect(prompt).toBe('flowErrorPinWeak');
    expect(prompts.get(prompt)).toBe(zhCN.flow.error.pinWeak);
  });

  it('a query answer is summed up aloud from word clips; a later page says which page it is', () => {
    const templates = promptTemplates({ 'zh-CN': zhCN, en });
    const table = { columns: [{ key: 'balance', labelKey: 'flow.records.col.balance', format: 'amount' as const }], rows: [], page: 0, pageCount: 3, total: 12 };
    const balance = resultVoice('insuranceAccount', view({ step: 'result', summary: { balance: 123456, status: 'active' }, result: table }));
    expect(balance).toEqual({ prompt: 'flowRecordsBalance', values: { balance: '1234.56' } });
    if (typeof balance === 'string') throw new Error('no values');
    const plan = planPrompt(templates, 'zh-CN', balance.prompt, balance.values);
    expect(plan?.map((p) => ('clip' in p ? p.clip : '|'))).toContain('zh-CN/flowRecordsBalance@0');
    expect(plan?.length).toBeGreaterThan(5);
    const page = resultVoice('settlements', view({ step: 'result', summary: { count: 12, latest: '2026-11-30' }, result: { ...table, page: 1 } }));
    expect(page).toEqual({ prompt: 'flowRecordsPage', values: { page: 2, pages: 3 } });
    if (typeof page === 'string') throw new Error('no values');
    for (const lang of ['zh-CN', 'en'] as const) expect(planPrompt(templates, lang, page.prompt, page.values), lang).toBeDefined();
    expect(resultVoice('settlements', view({ step: 'result', summary: { count: 0 } }))).toBe('flowRecordsSettlementsNone');
    expect(resultVoice('card', view({ step: 'result', summary: { status: 'frozen', validUntil: '2030-01-01' } }))).toBe('flowRecordsCardFrozen');
  });
});
