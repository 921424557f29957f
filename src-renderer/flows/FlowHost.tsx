import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowView } from '../../src-main/contract/index.js';
import { kiosk } from '../app/kiosk.js';
import { pickLocalized } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { Reminder } from './common/steps.js';
import { DemoPanel } from './DemoPanel.js';
import { afterFlow } from './after-flow.js';
import { cancelFlow, sendFlowAction, startFlow } from './flow-actions.js';
import type { FlowScreens } from './types.js';

/** Steps where the resident has nothing left to leave: the flow's own buttons end it. */
const CLOSING_STEPS = new Set(['done', 'failed', 'completed', 'ended']);

/** "Step 2 of 5" and a bar of segments, so the resident knows how far there is to go. */
function StepHeader({ view }: { view: FlowView }) {
  const { t } = useTranslation();
  return (
    <div className="flow__header">
      <p className="flow__steps" data-testid="flow-steps">
        {t('flow.stepOf', { index: view.stepIndex, count: view.stepCount })}
      </p>
      <ol className="flow__progress" aria-hidden="true">
        {Array.from({ length: view.stepCount }, (_, i) => (
          <li key={i} className={i < view.stepIndex ? 'flow__segment flow__segment--done' : 'flow__segment'} />
        ))}
      </ol>
    </div>
  );
}

/** Shown once a flow that was left early has ended while a card is still in a reader. */
function TakeCards({ view, onDone }: { view: FlowView; onDone(): void }) {
  const { t } = useTranslation();
  useScreenVoice('flowTakeCard');
  return (
    <div className="flow__step" data-testid="flow-take-cards">
      <Reminder reminder={view.reminder} />
      <button type="button" className="button button--primary button--large" data-testid="flow-take-cards-done" onClick={onDone}>
        {t('flow.done.finish')}
      </button>
    </div>
  );
}

function StepVoice({ screens, view }: { screens: FlowScreens; view: FlowView }) {
  const said = screens.voice(view);
  useScreenVoice(typeof said === 'string' ? said : said.prompt, typeof said === 'string' ? undefined : said.values);
  return null;
}

/**
 * Runs one service's flow: starts it in the core, shows the screen of the step the core's view
 * names, and sends the resident's touches back. The core decides every move; this only shows.
 */
export function FlowHost({ serviceId, screens }: { serviceId: string; screens: FlowScreens }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const service = useStore((s) => s.catalog?.services.find((entry) => entry.id === serviceId) ?? null);
  const view = useStore((s) => (s.flow?.serviceId === serviceId ? s.flow : null));
  const leaveService = useStore((s) => s.leaveService);
  const openService = useStore((s) => s.openService);
  const [leftEarly, setLeftEarly] = useState<FlowView | null>(null);
  const nextService = useRef<string | null>(null);
  const latest = useRef<FlowView | null>(null);
  latest.current = view;

  useEffect(() => {
    void startFlow(serviceId);
    return () => {
      // Left by any other way (the technician corner, a reload of the screen): the core ends it cleanly.
      const last = latest.current;
      const { sessionId } = useStore.getState();
      if (last && last.status !== 'ended' && sessionId) void kiosk().cancelFlow({ sessionId, flowId: last.flowId }).catch(() => undefined);
    };
  }, [serviceId]);

  useEffect(() => {
    const next = afterFlow(view, nextService.current);
    if (next.kind === 'open') openService(next.serviceId);
    else if (next.kind === 'takeCards') setLeftEarly(view);
    else if (next.kind === 'home') leaveService();
  }, [view, openService, leaveService]);

  const title = service ? pickLocalized(service.name, language) : serviceId;
  const Step = view ? screens.steps[view.step] : undefined;
  const closing = !view || CLOSING_STEPS.has(view.step);
  const canBack = view?.status === 'waiting' && !closing && !screens.noBack?.has(view.step);
  const canLeave = view !== null && view.status !== 'ended' && !closing && !screens.noLeave?.has(view.step);

  return (
    <main
      className={view?.demo ? 'screen screen--flow screen--flow-demo' : 'screen screen--flow'}
      data-screen="service"
      data-service-id={serviceId}
      data-flow-step={leftEarly ? 'takeCards' : view?.step ?? 'starting'}
      data-flow-status={view?.status ?? 'working'}
    >
      <div className="flow__main">
        <div className="flow__top">
          <h1>{title}</h1>
          {view && !leftEarly && !CLOSING_STEPS.has(view.step) && <StepHeader view={view} />}
        </div>
        <section className="flow__body">
          {leftEarly ? (
            <TakeCards view={leftEarly} onDone={leaveService} />
          ) : view && Step ? (
            <>
              <StepVoice screens={screens} view={view} />
              <Step
                view={view}
                choose={(choice) => {
                  nextService.current = choice;
                  void sendFlowAction({ type: 'choose', choice });
                }}
              />
            </>
          ) : (
            <p className="screen__lead" role="status">
              {t('flow.working')}
            </p>
          )}
        </section>
        {!leftEarly && (canBack || canLeave) && (
          <div className="screen__actions flow__actions">
            {canBack && (
              <button type="button" className="button button--secondary button--large" data-testid="flow-back" onClick={() => void sendFlowAction({ type: 'back' })}>
                {t('flow.back')}
              </button>
            )}
            {canLeave && (
              <button type="button" className="button button--large" data-testid="flow-exit" onClick={() => void cancelFlow()}>
                {t('flow.exit')}
              </button>
            )}
          </div>
        )}
      </div>
      {/* On the reminder to take the cards back, the demonstrator takes them out here. */}
      {view?.demo && (leftEarly || view.status !== 'ended') && <DemoPanel view={view} removeOnly={leftEarly !== null} />}
    </main>
  );
}
