import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, SetupDraft } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { run } from '../app/kiosk.js';
import { usePackedPages } from '../app/usePackedPages.js';
import { Pager } from '../components/Pager.js';
import { PinDots } from '../components/PinDots.js';
import { PinKeypad } from '../components/PinKeypad.js';

// The setup wizard's building blocks: its draft, the call helper and the controls its steps share.

/** The answers so far. The technician PIN lives only here, in this screen's state, until it is sent with the draft. */
export type Draft = Omit<SetupDraft, 'technicianPin'> & { technicianPin?: string };

export type Failure = Pick<KioskError, 'code' | 'triesLeft' | 'retryAfterMs'>;

/** Runs a call; a failure this screen explains itself comes back as a value, anything else goes to the banner. */
export async function attempt<T>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: KioskError }>, own: readonly string[]): Promise<{ value: T } | { failure: Failure } | null> {
  let failure: Failure | null = null;
  const value = await run(call, (error) => {
    if (!own.includes(error.code)) return false;
    failure = error;
    return true;
  });
  if (value !== null) return { value };
  return failure ? { failure } : null;
}

export function Lead({ children }: { children: ReactNode }) {
  return <p className="wizard__lead">{children}</p>;
}

/** Digits on the keypad, shown as dots; the value stays in this component until it is handed on. */
export function DigitEntry({ length, onSubmit, submitLabel, testId }: { length: [number, number]; onSubmit(digits: string): void; submitLabel: string; testId: string }) {
  const [digits, setDigits] = useState('');
  const [min, max] = length;
  return (
    <div className="wizard__digits">
      <PinDots count={digits.length} testId={`${testId}-dots`} />
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

/** A list of choices paged to fit the step's box. */
export function PagedChoices<T>({ items, render, layoutKey, testId }: { items: readonly T[]; render(item: T): ReactNode; layoutKey: string; testId: string }) {
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

export function Stepper({ label, value, display, onLess, onMore, testId }: { label: string; value: number; display: string; onLess(): void; onMore(): void; testId: string }) {
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
