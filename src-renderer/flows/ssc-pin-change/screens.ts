import type { FlowScreens } from '../types.js';
import { commonStepPrompt } from '../common/voice.js';
import { ConfirmCardStep, FailedStep, doneStep, messageStep, pinStep } from '../common/steps.js';

/** Social-security card PIN change: card, current PIN, new PIN twice, written to the card. */
export const pinChangeScreens: FlowScreens = {
  steps: {
    insertCard: messageStep('insertCard'),
    readingCard: messageStep('readingCard'),
    confirmCard: ConfirmCardStep,
    oldPin: pinStep('oldPin'),
    checkingPin: messageStep('checkingPin'),
    newPin: pinStep('newPin'),
    confirmPin: pinStep('confirmPin'),
    changing: messageStep('changing'),
    done: doneStep('change'),
    failed: FailedStep,
  },
  noBack: new Set(['insertCard', 'newPin']),
  voice: (view) => (view.step === 'done' ? 'flowDoneChange' : commonStepPrompt(view)),
};
