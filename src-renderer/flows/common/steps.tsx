import { useTranslation } from 'react-i18next';
import type { FlowView } from '../../../src-main/contract/index.js';
import { LazyFaceCapture } from '../../face/index.js';
import { shortReference } from '../../app/rating-actions.js';
import { sendFlowAction } from '../flow-actions.js';
import type { StepProps } from '../types.js';

// The step screens the card flows share. One thing per screen: a large title, one line of lead,
// what this step shows (a masked card, PIN dots, the camera) and at most one main button.

type TitledKey =
  | 'insertCard'
  | 'readingCard'
  | 'idCard'
  | 'readingId'
  | 'matchingFace'
  | 'checkingPin'
  | 'resetting'
  | 'changing'
  | 'querying';

/** The error of the step, in plain words, where a screen reader announces it. */
function StepError({ view }: { view: FlowView }) {
  const { t } = useTranslation();
  if (!view.error) return null;
  return (
    <p className="inline-error flow__error" role="alert" data-testid="flow-error" data-error={view.error}>
      {t(`flow.error.${view.error}`)}
      {view.error === 'pinWeak' && view.weakReason && <span className="flow__error-reason">{t(`flow.weak.${view.weakReason}`)}</span>}
    </p>
  );
}

/** A step that only asks for something on a device, or says the terminal is busy. */
export function messageStep(key: TitledKey) {
  return function MessageStep({ view }: StepProps) {
    const { t } = useTranslation();
    return (
      <div className="flow__step" data-testid={`flow-step-${key}`}>
        <h2 className="flow__title">{t(`flow.${key}.title`)}</h2>
        <p className="screen__lead">{t(`flow.${key}.lead`)}</p>
        {view.status === 'working' && (
          <p className="flow__working" role="status">
            {t('flow.working')}
          </p>
        )}
        <StepError view={view} />
      </div>
    );
  };
}

/** The card as read, masked (张*明, ****1234): the resident confirms it is theirs. */
export function ConfirmCardStep({ view }: StepProps) {
  const { t } = useTranslation();
  return (
    <div className="flow__step" data-testid="flow-step-confirmCard">
      <h2 className="flow__title">{t('flow.confirmCard.title')}</h2>
      <dl className="flow__card">
        <dt>{t('flow.confirmCard.name')}</dt>
        <dd data-testid="masked-name">{view.masked?.name ?? ''}</dd>
        <dt>{t('flow.confirmCard.cardNumber')}</dt>
        <dd data-testid="masked-card">{view.masked?.cardNumber ?? ''}</dd>
      </dl>
      <p className="screen__lead">{t('flow.confirmCard.lead')}</p>
      <button type="button" className="button button--primary button--large" data-testid="flow-continue" onClick={() => void sendFlowAction({ type: 'continue' })}>
        {t('flow.confirmCard.yes')}
      </button>
    </div>
  );
}

/** Dots for the digits typed on the pad: how many, never which (the renderer never has them). */
function PinDots({ digits, length }: { digits: number; length: number }) {
  const { t } = useTranslation();
  return (
    <p className="pin-dots flow__pin-dots" role="status" aria-label={t('flow.pinDigits', { count: digits, length })} data-testid="flow-pin-dots" data-digits={digits}>
      {Array.from({ length }, (_, i) => (
        <span key={i} aria-hidden="true" className={i < digits ? 'flow__dot flow__dot--on' : 'flow__dot'}>
          {i < digits ? '●' : '○'}
        </span>
      ))}
    </p>
  );
}

/** A PIN entry on the encrypting pad: the screen shows the dots, the tries left and why the last was refused. */
export function pinStep(key: 'pin' | 'oldPin' | 'newPin' | 'confirmPin') {
  return function PinStep({ view }: StepProps) {
    const { t } = useTranslation();
    return (
      <div className="flow__step" data-testid={`flow-step-${key}`}>
        <h2 className="flow__title">{t(`flow.${key}.title`)}</h2>
        <p className="screen__lead">{t(`flow.${key}.lead`)}</p>
        <PinDots digits={view.pinDigits ?? 0} length={view.pinLength ?? 6} />
        {view.triesLeft !== undefined && <p className="flow__tries">{t('flow.triesLeft', { count: view.triesLeft })}</p>}
        <StepError view={view} />
        {/* One thing at a time: while a refusal and its reason are on screen, they take the note's place. */}
        {key === 'newPin' && !view.error && (
          <p className="flow__note" data-testid="flow-bank-note">
            {t('flow.newPin.bankNote')}
          </p>
        )}
      </div>
    );
  };
}

/** The live face check; one good frame goes to the flow, which asks the county. */
export function FaceStep({ view }: StepProps) {
  const { t } = useTranslation();
  return (
    <div className="flow__step flow__step--face" data-testid="flow-step-face">
      <h2 className="flow__title">{t('flow.face.title')}</h2>
      {view.triesLeft !== undefined && <p className="flow__tries">{t('flow.triesLeft', { count: view.triesLeft })}</p>}
      <StepError view={view} />
      <LazyFaceCapture
        paused={view.status !== 'waiting'}
        onCaptured={(c) =>
          void sendFlowAction({
            type: 'faceCaptured',
            imageBase64: c.imageBase64,
            imageSha256: c.imageSha256,
            livenessScore: c.livenessScore,
            ...(c.descriptor ? { descriptor: c.descriptor } : {}),
          })
        }
        onNoCamera={() => void sendFlowAction({ type: 'noCamera' })}
      />
    </div>
  );
}

/** What to take back: a large cue that stays on screen with its spoken reminder. */
export function Reminder({ reminder }: { reminder: FlowView['reminder'] }) {
  const { t } = useTranslation();
  if (!reminder) return null;
  return (
    <p className="flow__reminder" role="alert" data-testid="flow-reminder" data-reminder={reminder}>
      {t(`flow.reminder.${reminder}`)}
    </p>
  );
}

/** Success: what was done, the card reminder, the reference to quote, then on to the rating. */
export function doneStep(key: 'reset' | 'change' | 'records') {
  return function DoneStep({ view }: StepProps) {
    const { t } = useTranslation();
    return (
      <div className="flow__step" data-testid="flow-step-done">
        <h2 className="flow__title flow__title--ok">{t(`flow.done.${key}`)}</h2>
        <Reminder reminder={view.reminder} />
        {view.reference && (
          <p className="screen__lead" data-testid="flow-reference">
            {t('flow.reference', { reference: shortReference(view.reference) })}
          </p>
        )}
        <button type="button" className="button button--primary button--large" data-testid="flow-finish" onClick={() => void sendFlowAction({ type: 'continue' })}>
          {t('flow.done.finish')}
        </button>
      </div>
    );
  };
}

/** The flow stopped: why, what to take back, where to go instead (the counter, or the PIN reset). */
export function FailedStep({ view, choose }: StepProps) {
  const { t } = useTranslation();
  const choices = view.choices ?? [];
  return (
    <div className="flow__step" data-testid="flow-step-failed">
      <h2 className="flow__title">{t('flow.failed.title')}</h2>
      {view.error && (
        <p className="screen__lead flow__error" role="alert" data-testid="flow-error" data-error={view.error}>
          {t(`flow.error.${view.error}`)}
        </p>
      )}
      {choices.includes('counter') && <p className="screen__lead">{t('flow.failed.counter')}</p>}
      <Reminder reminder={view.reminder} />
      <div className="flow__choices">
        {choices
          .filter((c) => c !== 'counter')
          .map((choice) => (
            <button key={choice} type="button" className="button button--primary button--large" data-testid={`flow-choice-${choice}`} onClick={() => choose(choice)}>
              {t('flow.failed.resetInstead')}
            </button>
          ))}
        <button type="button" className="button button--large" data-testid="flow-home" onClick={() => void sendFlowAction({ type: 'continue' })}>
          {t('flow.failed.home')}
        </button>
      </div>
    </div>
  );
}
