import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind, KioskError, SetupDraft, SetupOptions, SetupPreview } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { usePackedPages } from '../app/usePackedPages.js';
import { pickLocalized } from '../i18n/index.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { Pager } from '../components/Pager.js';
import { PinKeypad } from '../components/PinKeypad.js';
import { ReachZone } from '../components/ReachZone.js';

export type SetupStep = 'unlock' | 'pin' | 'site' | 'county' | 'devices' | 'prefs' | 'review';

/** The steps of a setup: out of service the setup code comes first; a signed-in technician skips it. */
export function setupSteps(outOfService: boolean): SetupStep[] {
  const steps: SetupStep[] = ['pin', 'site', 'county', 'devices', 'prefs', 'review'];
  return outOfService ? ['unlock', ...steps] : steps;
}

/** The answers so far. The technician PIN lives only here, in this screen's state, until it is sent with the draft. */
type Draft = Omit<SetupDraft, 'technicianPin'> & { technicianPin?: string };

type Failure = Pick<KioskError, 'code' | 'triesLeft' | 'retryAfterMs'>;

/** Runs a call; a failure this screen explains itself comes back as a value, anything else goes to the banner. */
async function attempt<T>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: KioskError }>, own: readonly string[]): Promise<{ value: T } | { failure: Failure } | null> {
  let failure: Failure | null = null;
  const value = await run(call, (error) => {
    if (!own.includes(error.code)) return false;
    failure = error;
    return true;
  });
  if (value !== null) return { value };
  return failure ? { failure } : null;
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

function Lead({ children }: { children: ReactNode }) {
  return <p className="wizard__lead">{children}</p>;
}

function failureText(t: ReturnType<typeof useTranslation>['t'], f: Failure): string {
  if (f.code === 'admin_bad_pin' && f.triesLeft !== undefined) return t('adminLogin.triesLeft', { count: f.triesLeft });
  if (f.code === 'admin_locked' && f.retryAfterMs !== undefined) return `${t('errors.admin_locked')} ${t('adminLogin.lockedFor', { minutes: Math.ceil(f.retryAfterMs / 60_000) })}`;
  return t(`errors.${f.code}` as const);
}

/** Digits on the keypad, shown as dots; the value stays in this component until it is handed on. */
function DigitEntry({ length, onSubmit, submitLabel, testId }: { length: [number, number]; onSubmit(digits: string): void; submitLabel: string; testId: string }) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [min, max] = length;
  return (
    <div className="wizard__digits">
      <p className="pin-dots" aria-label={`${t('adminLogin.pinLabel')}: ${digits.length}`} role="status" data-testid={`${testId}-dots`}>
        <span aria-hidden="true">{'●'.repeat(digits.length) || '\u00a0'}</span>
      </p>
      <PinKeypad onDigit={(d) => setDigits((p) => (p.length < max ? p + d : p))} onBackspace={() => setDigits((p) => p.slice(0, -1))} onClear={() => setDigits('')} />
      <button
        type="button"
        className="button button--primary"
        data-testid={`${testId}-submit`}
        disabled={digits.length < min}
        onClick={() => {
          const entered = digits;
          setDigits('');
          onSubmit(entered);
        }}
      >
        {submitLabel}
      </button>
    </div>
  );
}

function UnlockStep({ onUnlocked }: { onUnlocked(): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Failure | null>(null);
  return (
    <div className="wizard__step wizard__step--keypad">
      <div className="wizard__text">
        <Lead>{t('setupWizard.unlockLead')}</Lead>
        {failure && (
          <p className="inline-error" role="alert" data-testid="unlock-error">
            {failureText(t, failure)}
          </p>
        )}
      </div>
      <DigitEntry
        length={[8, 8]}
        testId="unlock"
        submitLabel={t('setupWizard.unlockSubmit')}
        onSubmit={async (code) => {
          const r = await attempt(() => kiosk().setupUnlock({ code }), ['admin_bad_pin', 'admin_locked']);
          if (r && 'value' in r) onUnlocked();
          else if (r) setFailure(r.failure);
        }}
      />
    </div>
  );
}

function PinStep({ draft, hasPin, onPin, onDone }: { draft: Draft; hasPin: boolean; onPin(pin: string | undefined): void; onDone(): void }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const check = async (pin: string) => {
    // The core judges the PIN (runs, repeats, the demo PIN) with the rest of the draft.
    const preview = await run(() => kiosk().previewSetup({ draft: { ...draft, technicianPin: pin } }));
    if (!preview) return;
    if (preview.problems.some((p) => p.field === 'technicianPin')) {
      setMessage(t('setupWizard.problem.pin_weak'));
      return;
    }
    onPin(pin);
    onDone();
  };
  return (
    <div className="wizard__step wizard__step--keypad">
      <div className="wizard__text">
        <Lead>{first === null ? t('setupWizard.pinLead') : t('setupWizard.pinConfirm')}</Lead>
        {message && (
          <p className="inline-error" role="alert" data-testid="pin-step-error">
            {message}
          </p>
        )}
        {hasPin && first === null && (
          <button
            type="button"
            className="button button--secondary"
            data-testid="pin-keep"
            onClick={() => {
              onPin(undefined);
              onDone();
            }}
          >
            {t('setupWizard.pinKeep')}
          </button>
        )}
      </div>
      <DigitEntry
        key={first === null ? 'first' : 'again'}
        length={[6, 12]}
        testId="new-pin"
        submitLabel={first === null ? t('setupWizard.next') : t('setupWizard.pinOk')}
        onSubmit={(pin) => {
          if (first === null) {
            setMessage(null);
            setFirst(pin);
          } else if (pin !== first) {
            setFirst(null);
            setMessage(t('setupWizard.pinMismatch'));
          } else {
            setFirst(null);
            void check(pin);
          }
        }}
      />
    </div>
  );
}

/** A list of choices paged to fit the step's box. */
function PagedChoices<T>({ items, render, layoutKey, testId }: { items: readonly T[]; render(item: T): ReactNode; layoutKey: string; testId: string }) {
  const elderly = useStore((s) => s.settings.elderlyMode);
  const language = useStore((s) => s.settings.language);
  const pages = usePackedPages<HTMLDivElement>(items.length, `${elderly}|${language}|${layoutKey}`);
  return (
    <div className="wizard__pages" ref={pages.ref} data-fitted={pages.fitted}>
      <ul className="wizard__choices" data-testid={testId}>
        {items.slice(pages.from, pages.to).map(render)}
      </ul>
      {pages.showPager && <Pager page={pages.page} pageCount={pages.pageCount} onPage={pages.setPage} testId={`${testId}-pager`} />}
    </div>
  );
}

function SiteStep({ options, draft, onPick }: { options: SetupOptions; draft: Draft; onPick(id: string): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  return (
    <div className="wizard__step">
      <Lead>{t('setupWizard.siteLead')}</Lead>
      <PagedChoices
        items={options.sites}
        layoutKey="sites"
        testId="site-choices"
        render={(site) => (
          <li key={site.id}>
            <button type="button" className="button wizard__choice" aria-pressed={site.id === draft.siteId} data-testid={`site-${site.id}`} onClick={() => onPick(site.id)}>
              {pickLocalized(site.name, language)}
            </button>
          </li>
        )}
      />
    </div>
  );
}

function CountyStep({ options, draft, onUrl }: { options: SetupOptions; draft: Draft; onUrl(url: string): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [enrolled, setEnrolled] = useState<string | null>(options.countyTerminalId ?? null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const enrol = async () => {
    setBusy(true);
    setFailure(null);
    const r = await attempt(() => kiosk().setupEnrol({ url: draft.countyUrl, code, siteId: draft.siteId }), ['county_refused', 'county_unreachable', 'setup_invalid']);
    setBusy(false);
    if (r && 'value' in r) {
      setEnrolled(r.value.countyTerminalId);
      setCode('');
    } else if (r) setFailure(r.failure);
  };
  return (
    <div className="wizard__step wizard__county">
      <Lead>{t('setupWizard.countyLead')}</Lead>
      <label className="wizard__field">
        <span>{t('setupWizard.countyUrl')}</span>
        <input type="url" inputMode="url" autoComplete="off" spellCheck={false} data-testid="county-url" value={draft.countyUrl} placeholder="https://" onChange={(e) => onUrl(e.target.value.trim())} />
      </label>
      <label className="wizard__field">
        <span>{t('setupWizard.countyCode')}</span>
        <input type="text" autoComplete="off" spellCheck={false} data-testid="county-code" value={code} onChange={(e) => setCode(e.target.value.trim())} />
      </label>
      <div role="status" aria-live="polite" className="wizard__status" data-testid="county-status">
        {busy && <p>{t('setupWizard.enrolling')}</p>}
        {!busy && enrolled && !failure && (
          <p className="wizard__ok" data-testid="county-enrolled" data-id={enrolled}>
            {t('setupWizard.enrolled')} <code className="wizard__id">{enrolled}</code>
          </p>
        )}
        {failure && (
          <p className="inline-error" role="alert" data-testid="county-error" data-code={failure.code}>
            {t(`errors.${failure.code}` as const)}
          </p>
        )}
      </div>
      <button type="button" className="button button--primary" data-testid="county-enrol" disabled={busy || draft.countyUrl === '' || code.length < 4} onClick={() => void enrol()}>
        {t('setupWizard.enrol')}
      </button>
    </div>
  );
}

function DevicesStep({ options, draft, onChange }: { options: SetupOptions; draft: Draft; onChange(devices: Draft['devices']): void }) {
  const { t } = useTranslation();
  const set = (kind: DeviceKind, port: string | null) => onChange(draft.devices.map((d) => (d.kind === kind ? { kind, port } : d)));
  return (
    <div className="wizard__step">
      <Lead>{t('setupWizard.devicesLead')}</Lead>
      {options.ports.length === 0 && <p className="wizard__hint" data-testid="no-ports">{t('setupWizard.noPorts')}</p>}
      <PagedChoices
        items={draft.devices}
        layoutKey={`devices|${options.ports.length}`}
        testId="device-choices"
        render={(d) => (
          <li key={d.kind} className="wizard__device">
            <label>
              <span>{t(`setupWizard.device.${d.kind}`)}</span>
              <select data-testid={`device-${d.kind}`} value={d.port ?? ''} onChange={(e) => set(d.kind, e.target.value === '' ? null : e.target.value)}>
                <option value="">{t('setupWizard.notFitted')}</option>
                {options.draft.devices.some((o) => o.kind === d.kind && o.port === 'keep') && <option value="keep">{t('setupWizard.keepPort')}</option>}
                {options.ports.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
          </li>
        )}
      />
    </div>
  );
}

function Stepper({ label, value, display, onLess, onMore, testId }: { label: string; value: number; display: string; onLess(): void; onMore(): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="wizard__stepper" data-testid={testId} data-value={value}>
      <span className="wizard__stepper-label">{label}</span>
      <button type="button" className="button" aria-label={`${label}: ${t('setupWizard.less')}`} data-testid={`${testId}-less`} onClick={onLess}>
        −
      </button>
      <output className="wizard__stepper-value">{display}</output>
      <button type="button" className="button" aria-label={`${label}: ${t('setupWizard.more')}`} data-testid={`${testId}-more`} onClick={onMore}>
        +
      </button>
    </div>
  );
}

function PrefsStep({ draft, onChange }: { draft: Draft; onChange(p: Partial<Draft>): void }) {
  const { t } = useTranslation();
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const volume = Math.round(draft.volume * 10);
  return (
    <div className="wizard__step wizard__prefs">
      <fieldset className="wizard__langs">
        <legend>{t('setupWizard.language')}</legend>
        {(['zh-CN', 'en'] as const).map((lang) => (
          <button key={lang} type="button" className="button wizard__choice" lang={lang} aria-pressed={draft.language === lang} data-testid={`pref-lang-${lang}`} onClick={() => onChange({ language: lang })}>
            {lang === 'zh-CN' ? '中文' : 'English'}
          </button>
        ))}
      </fieldset>
      <Stepper label={t('setupWizard.volume')} value={volume} display={`${volume * 10}%`} testId="pref-volume" onLess={() => onChange({ volume: clamp(volume - 1, 0, 10) / 10 })} onMore={() => onChange({ volume: clamp(volume + 1, 0, 10) / 10 })} />
      <Stepper label={t('setupWizard.idleWarn')} value={draft.idleWarnSeconds} display={String(draft.idleWarnSeconds)} testId="pref-idle" onLess={() => onChange({ idleWarnSeconds: clamp(draft.idleWarnSeconds - 15, 15, 600) })} onMore={() => onChange({ idleWarnSeconds: clamp(draft.idleWarnSeconds + 15, 15, 600) })} />
      <Stepper label={t('setupWizard.idleCountdown')} value={draft.idleCountdownSeconds} display={String(draft.idleCountdownSeconds)} testId="pref-countdown" onLess={() => onChange({ idleCountdownSeconds: clamp(draft.idleCountdownSeconds - 5, 10, 120) })} onMore={() => onChange({ idleCountdownSeconds: clamp(draft.idleCountdownSeconds + 5, 10, 120) })} />
    </div>
  );
}

function ReviewStep({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const [preview, setPreview] = useState<SetupPreview | null>(null);
  const [applied, setApplied] = useState<{ version: number; services: number } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void run(() => kiosk().previewSetup({ draft })).then((p) => live && p && setPreview(p));
    return () => {
      live = false;
    };
  }, [draft]);
  if (applied) {
    return (
      <div className="wizard__step" role="status" data-testid="wizard-applied" data-version={applied.version}>
        <p className="wizard__ok">{t('setupWizard.applied', applied)}</p>
      </div>
    );
  }
  const problems = preview?.problems ?? [];
  type Row = { key: string; problem?: (typeof problems)[number]; service?: SetupPreview['services'][number] };
  const rows: Row[] = [...problems.map((p) => ({ key: `p:${p.field}`, problem: p })), ...(preview?.services ?? []).map((s) => ({ key: `s:${s.id}`, service: s }))];
  const fieldName = (field: string) => (field.startsWith('devices.') ? t(`setupWizard.device.${field.slice(8) as DeviceKind}`) : t(`setupWizard.field.${field as 'siteId' | 'countyUrl' | 'technicianPin'}`));
  return (
    <div className="wizard__step">
      <Lead>{t('setupWizard.reviewLead')}</Lead>
      {preview && (
        <PagedChoices
          items={rows}
          layoutKey={`review|${rows.length}`}
          testId="review-rows"
          render={(row) =>
            row.problem ? (
              <li key={row.key} className="wizard__problem" data-field={row.problem.field} data-code={row.problem.code}>
                <strong>{fieldName(row.problem.field)}</strong>: {t(`setupWizard.problem.${row.problem.code}`)}
              </li>
            ) : (
              <li key={row.key} className={row.service!.enabled ? 'wizard__service' : 'wizard__service wizard__service--off'} data-service={row.service!.id} data-enabled={row.service!.enabled}>
                <strong>{pickLocalized(row.service!.name, language)}</strong>: {row.service!.enabled ? t('setupWizard.serviceOn') : t(`catalog.disabled.${row.service!.disabledReason!}`)}
              </li>
            )
          }
        />
      )}
      <button
        type="button"
        className="button button--primary"
        data-testid="wizard-apply"
        disabled={busy || preview === null || problems.length > 0}
        onClick={async () => {
          setBusy(true);
          const r = await run(() => kiosk().applySetup({ draft }));
          setBusy(false);
          if (r) setApplied(r);
        }}
      >
        {t('setupWizard.apply')}
      </button>
    </div>
  );
}
