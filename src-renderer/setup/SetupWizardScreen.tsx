import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupOptions } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { ReachZone } from '../components/ReachZone.js';
import type { Draft } from './parts.js';
import { CountyStep, DevicesStep, PinStep, PrefsStep, ReviewStep, SiteStep, UnlockStep } from './steps.js';

export type SetupStep = 'unlock' | 'pin' | 'site' | 'county' | 'devices' | 'prefs' | 'review';

/** The steps of a setup: out of service the setup code comes first; a signed-in technician skips it. */
export function setupSteps(outOfService: boolean): SetupStep[] {
  const steps: SetupStep[] = ['pin', 'site', 'county', 'devices', 'prefs', 'review'];
  return outOfService ? ['unlock', ...steps] : steps;
}

/**
 * The technician's setup wizard, one step per screen: the setup code (out of service), the technician
 * PIN, the site, enrolment with the county backend, the devices' ports, language, voice and times,
 * then a check of what residents will see and the save. Nothing is written until the last step; the
 * terminal then takes the new configuration by itself (between resident sessions).
 */
export function SetupWizardScreen() {
  const { t } = useTranslation();
  const outOfService = useStore((s) => s.terminal?.outOfService !== undefined);
  const navigate = useStore((s) => s.navigate);
  const steps = setupSteps(outOfService);
  const [index, setIndex] = useState(0);
  const [options, setOptions] = useState<SetupOptions | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const step = steps[Math.min(index, steps.length - 1)]!;
  useScreenVoice('setupWizard');

  const load = async () => {
    const got = await run(() => kiosk().getSetupOptions({}));
    if (!got) return false;
    setOptions(got);
    setDraft((d) => d ?? { ...got.draft });
    return true;
  };
  useEffect(() => {
    if (!outOfService) void load();
    // Loaded once when the wizard opens; the unlock step loads it out of service.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const leave = () => navigate({ name: outOfService ? 'adminLogin' : 'admin' });
  const next = () => setIndex((i) => Math.min(i + 1, steps.length - 1));
  const back = () => (index === 0 ? leave() : setIndex((i) => i - 1));
  const patch = (p: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...p } : d));
  // Undefined keeps the configured PIN: the field is left out of the draft, not sent empty.
  const setPin = (pin: string | undefined) =>
    setDraft((d) => {
      if (!d) return d;
      const { technicianPin: _old, ...rest } = d;
      return pin === undefined ? rest : { ...rest, technicianPin: pin };
    });
  const ready = step === 'unlock' || (options !== null && draft !== null);

  return (
    <main className="screen screen--wizard" data-screen="setup" data-step={step}>
      <div className="wizard__read">
        <h1>{t('setupWizard.title')}</h1>
        <p className="wizard__steps" data-testid="wizard-steps">
          {t('setupWizard.stepOf', { index: index + 1, count: steps.length })} · {t(`setupWizard.step.${step}`)}
        </p>
        <ol className="flow__progress" aria-hidden="true">
          {steps.map((s, i) => (
            <li key={s} className={i <= index ? 'flow__segment flow__segment--done' : 'flow__segment'} />
          ))}
        </ol>
      </div>
      <ReachZone className="wizard__zone">
        <div className="wizard__body" data-testid="wizard-body">
          {step === 'unlock' && <UnlockStep onUnlocked={async () => (await load()) && next()} />}
          {ready && step === 'pin' && <PinStep draft={draft!} hasPin={options!.hasTechnicianPin} onPin={setPin} onDone={next} />}
          {ready && step === 'site' && <SiteStep options={options!} draft={draft!} onPick={(siteId) => patch({ siteId })} />}
          {ready && step === 'county' && <CountyStep options={options!} draft={draft!} onUrl={(countyUrl) => patch({ countyUrl })} />}
          {ready && step === 'devices' && <DevicesStep options={options!} draft={draft!} onChange={(devices) => patch({ devices })} />}
          {ready && step === 'prefs' && <PrefsStep draft={draft!} onChange={patch} />}
          {ready && step === 'review' && <ReviewStep draft={draft!} />}
        </div>
        <div className="wizard__bar">
          <button type="button" className="button button--secondary" data-testid="wizard-leave" onClick={leave}>
            {t('setupWizard.leave')}
          </button>
          <button type="button" className="button button--secondary" data-testid="wizard-back" onClick={back}>
            {t('setupWizard.back')}
          </button>
          {step !== 'unlock' && step !== 'pin' && step !== 'review' && (
            <button type="button" className="button button--primary" data-testid="wizard-next" disabled={!ready || (step === 'site' && !draft?.siteId)} onClick={next}>
              {t('setupWizard.next')}
            </button>
          )}
        </div>
      </ReachZone>
    </main>
  );
}
