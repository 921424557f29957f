import type { AnyMachineSnapshot } from 'xstate';
import type { FlowView } from '../../contract/flows.js';
import { maskName, maskTail } from '../common/mask.js';
import type { ViewOf } from '../common/machine-flow.js';
import { CARD_PIN_LENGTH } from '../../../drivers/index.js';
import type { ResetContext } from './machine.js';

export const SERVICE_ID = 'ssc.pin.reset';
export const STEP_COUNT = 5;

/** Machine state → (step shown, step number, whether the terminal is working). */
export const STEPS: Record<string, [step: string, index: number, status: FlowView['status']]> = {
  start: ['insertCard', 1, 'working'],
  insertCard: ['insertCard', 1, 'waiting'],
  readingCard: ['readingCard', 1, 'working'],
  confirmCard: ['confirmCard', 1, 'waiting'],
  idCard: ['idCard', 2, 'waiting'],
  readingId: ['readingId', 2, 'working'],
  face: ['face', 3, 'waiting'],
  matchingFace: ['matchingFace', 3, 'working'],
  faceRefused: ['face', 3, 'working'],
  newPin: ['newPin', 4, 'waiting'],
  judging: ['checkingPin', 4, 'working'],
  confirmPin: ['confirmPin', 4, 'waiting'],
  resetting: ['resetting', 5, 'working'],
  done: ['done', 5, 'waiting'],
  failed: ['failed', 5, 'waiting'],
  completed: ['completed', 5, 'ended'],
  ended: ['ended', 5, 'ended'],
};

function reminderOf(c: ResetContext): FlowView['reminder'] {
  if (c.cardIn && c.idSeen) return 'takeCards';
  if (c.cardIn) return 'takeCard';
  return c.idSeen ? 'takeIdCard' : undefined;
}

/** The view of a PIN reset snapshot: the masked card, digit counts, tries left, the error; never a PIN or full number. */
export function resetView(snapshot: AnyMachineSnapshot, demo: boolean): ViewOf {
  const c = snapshot.context as ResetContext;
  const top = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0] ?? 'start';
  const [step, stepIndex, status] = STEPS[top] ?? ['failed', STEP_COUNT, 'waiting'];
  const view: ViewOf = { serviceId: SERVICE_ID, step, stepIndex, stepCount: STEP_COUNT, status };
  if (demo) view.demo = true;
  if (c.card && ['confirmCard', 'idCard', 'readingId'].includes(step)) view.masked = { name: maskName(c.card.name), cardNumber: maskTail(c.card.cardNumber) };
  if (step === 'face' || step === 'matchingFace') view.triesLeft = c.faceTries;
  if (step === 'newPin' || step === 'confirmPin') {
    view.pinDigits = c.pinDigits;
    view.pinLength = CARD_PIN_LENGTH;
  }
  if (c.error && c.error !== 'cancelled' && step !== 'done' && step !== 'completed') view.error = c.error;
  if (c.weakReason && step === 'newPin') view.weakReason = c.weakReason;
  if (['done', 'failed', 'ended', 'completed'].includes(step)) {
    const reminder = reminderOf(c);
    if (reminder) view.reminder = reminder;
  }
  if (step === 'done' || step === 'completed') {
    view.next = 'rating';
    if (c.reference) view.reference = c.reference;
  }
  if (step === 'failed' || step === 'ended') view.next = 'home';
  if (step === 'failed' && (c.error === 'offline' || c.error === 'countyUnavailable')) view.choices = ['counter'];
  return view;
}
