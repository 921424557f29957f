import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind, SetupOptions, SetupPreview } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { pickLocalized } from '../i18n/index.js';
import { loginFailureText } from '../components/PinDots.js';
import { DigitEntry, Lead, PagedChoices, Stepper, attempt, type Draft, type Failure } from './parts.js';

// One component per step of the setup wizard (see SetupWizardScreen for the order).

export function UnlockStep({ onUnlocked }: { onUnlocked(): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Failure | null>(null);
  return (
    <div className="wizard__step wizard__step--keypad">
      <div className="wizard__text">
        <Lead>{t('setupWizard.unlockLead')}</Lead>
        {failure && (
          <p className="inline-error" role="alert" data-testid="unlock-error">
            {loginFailureText(failure, t)}
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

export function PinStep({ draft, hasPin, onPin, onDone }: { draft: Draft; hasPin: boolean; onPin(pin: string | undefined): void; onDone(): void }) {
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

export function SiteStep({ options, draft, onPick }: { options: SetupOptions; draft: Draft; onPick(id: string): void }) {
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

export function CountyStep({ options, draft, onUrl }: { options: SetupOptions; draft: Draft; onUrl(url: string): void }) {
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

export function DevicesStep({ options, draft, onChange }: { options: SetupOptions; draft: Draft; onChange(devices: Draft['devices']): void }) {
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

export function PrefsStep({ draft, onChange }: { draft: Draft; onChange(p: Partial<Draft>): void }) {
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

export function ReviewStep({ draft }: { draft: Draft }) {
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
