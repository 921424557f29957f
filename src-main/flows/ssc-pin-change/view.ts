import type { AnyMachineSnapshot } from 'xstate';
import { CARD_PIN_LENGTH } from '../../../drivers/index.js';
import type { FlowView } from '../../contract/flows.js';
import type { ViewOf } from '../common/machine-flow.js';
import { maskName, maskTail } from '../common/mask.js';
import type { ChangeContext } from './machine.js';

export const SERVICE_ID = 'ssc.pin.change';
export const STEP_COUNT = 4;

export const STEPS: Record<string, [step: string, index: number, status: FlowView['status']]> = {
  start: ['insertCard', 1, 'working'],
  insertCard: ['insertCard', 1, 'waiting'],
  readingCard: ['readingCard', 1, 'working'],
  confirmCard: ['confirmCard', 1, 'waiting'],
  oldPin: ['oldPin', 2, 'waiting'],
  verifying: ['checkingPin', 2, 'working'],
  newPin: ['newPin', 3, 'waiting'],
  judging: ['checkingPin', 3, 'working'],
  confirmPin: ['confirmPin', 3, 'waiting'],
  changing: ['changing', 4, 'working'],
  done: ['done', 4, 'waiting'],
  failed: ['failed', 4, 'waiting'],
  completed: ['completed', 4, 'ended'],
  ended: ['ended', 4, 'ended'],
};

/** The view of a PIN change snapshot; a blocked card offers the PIN reset as a choice. */
export function changeView(snapshot: AnyMachineSnapshot, demo: boolean): ViewOf {
  const c = snapshot.context as ChangeContext;
  const top = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0] ?? 'start';
  const [step, stepIndex, status] = STEPS[top] ?? ['failed', STEP_COUNT, 'waiting'];
  const view: ViewOf = { serviceId: SERVICE_ID, step, stepIndex, stepCount: STEP_COUNT, status };
  if (demo) view.demo = true;
  if (c.card && step === 'confirmCard') view.masked = { name: maskName(c.card.name), cardNumber: maskTail(c.card.cardNumber) };
  if (step === 'oldPin' || step === 'newPin' || step === 'confirmPin') {
    view.pinDigits = c.pinDigits;
    view.pinLength = CARD_PIN_LENGTH;
  }
  if (step === 'oldPin' && c.triesLeft !== undefined) view.triesLeft = c.triesLeft;
  if (c.error && c.error !== 'cancelled' && step !== 'done' && step !== 'completed') view.error = c.error;
  if (c.weakReason && step === 'newPin') view.weakReason = c.weakReason;
  if (['done', 'failed', 'ended', 'completed'].includes(step) && c.cardIn) view.reminder = 'takeCard';
  if (step === 'done' || step === 'completed') {
    view.next = 'rating';
    if (c.reference) view.reference = c.reference;
  }
  if (step === 'failed' || step === 'ended') view.next = 'home';
  if (step === 'failed' && c.error === 'pinBlocked') view.choices = ['ssc.pin.reset'];
  return view;
}
