import { useTranslation } from 'react-i18next';
import type { DEMO_RESIDENT_KEYS, DemoDeviceAction, FlowView } from '../../src-main/contract/index.js';
import { demoDevice } from './flow-actions.js';

const PAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'enter'] as const;
// The contract is types-only in the renderer; the compiler checks this list against it.
const RESIDENTS: readonly (typeof DEMO_RESIDENT_KEYS)[number][] = ['demo1', 'demo2', 'demo3', 'demo4'];

type Resident = { resident: (typeof DEMO_RESIDENT_KEYS)[number]; label: string };

/** What the demonstrator does (the caption) to which demo resident (a grid of two columns, to fit short displays). */
function ResidentChoice({ caption, residents, testId, onChoose }: { caption: string; residents: Resident[]; testId: string; onChoose(resident: Resident['resident']): void }) {
  return (
    <div className="demo-panel__choice" role="group" aria-label={caption}>
      <p className="demo-panel__caption">{caption}</p>
      <div className="demo-panel__grid">
        {residents.map(({ resident, label }) => (
          <button key={resident} type="button" className="button demo-panel__button" data-testid={`${testId}-${resident}`} onClick={() => onChoose(resident)}>
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * Demo terminals only (the core refuses these calls elsewhere): stands in for the resident's hands
 * on the hardware, a card into the slot, an ID card on the reader, a finger on the encrypting pad.
 * The pad keys go to the emulated pad, which encrypts the entry as a real one does; the screen
 * still only learns how many digits there are.
 */
export function DemoPanel({ view, removeOnly = false }: { view: FlowView; removeOnly?: boolean }) {
  const { t } = useTranslation();
  const act = (action: DemoDeviceAction) => void demoDevice(action);
  const residents: Resident[] = RESIDENTS.map((resident, i) => ({ resident, label: t('flow.demo.resident', { n: i + 1 }) }));
  return (
    <aside className="demo-panel" aria-label={t('flow.demo.title')} data-testid="demo-panel">
      <p className="demo-panel__title">{t('flow.demo.title')}</p>
      {!removeOnly && view.step === 'insertCard' && (
        <ResidentChoice caption={t('flow.demo.insertCard')} residents={residents} testId="demo-insert" onChoose={(resident) => act({ type: 'insertCard', resident })} />
      )}
      {!removeOnly && view.step === 'idCard' && (
        <ResidentChoice caption={t('flow.demo.placeId')} residents={residents} testId="demo-id" onChoose={(resident) => act({ type: 'placeIdCard', resident })} />
      )}
      {/* A PIN step's view carries the PIN length: the pad is taking an entry. */}
      {!removeOnly && view.pinLength !== undefined && (
        <div className="demo-panel__pad" role="group" aria-label={t('flow.demo.pad')}>
          {PAD_KEYS.map((key) => (
            <button key={key} type="button" className="button demo-panel__key" data-testid={`demo-pad-${key}`} onClick={() => act({ type: 'padKey', key })}>
              {key === 'enter' ? t('flow.demo.enter') : key === 'clear' ? t('flow.demo.clear') : key}
            </button>
          ))}
        </div>
      )}
      <div className="demo-panel__grid">
        <button type="button" className="button demo-panel__button" data-testid="demo-remove-card" onClick={() => act({ type: 'removeCard' })}>
          {t('flow.demo.removeCard')}
        </button>
        <button type="button" className="button demo-panel__button" data-testid="demo-remove-id" onClick={() => act({ type: 'removeIdCard' })}>
          {t('flow.demo.removeId')}
        </button>
      </div>
    </aside>
  );
}
