import type { FlowScreens } from '../types.js';
import { commonStepPrompt } from '../common/voice.js';
import { ConfirmCardStep, FailedStep, FaceStep, doneStep, messageStep, pinStep } from '../common/steps.js';

/** Social-security card PIN reset: card, ID card, face, new PIN twice, the county's authorization. */
export const pinResetScreens: FlowScreens = {
  steps: {
    insertCard: messageStep('insertCard'),
    readingCard: messageStep('readingCard'),
    confirmCard: ConfirmCardStep,
    idCard: messageStep('idCard'),
    readingId: messageStep('readingId'),
    face: FaceStep,
    matchingFace: messageStep('matchingFace'),
    newPin: pinStep('newPin'),
    checkingPin: messageStep('checkingPin'),
    confirmPin: pinStep('confirmPin'),
    resetting: messageStep('resetting'),
    done: doneStep('reset'),
    failed: FailedStep,
  },
  // From the new PIN there is no way back to the face check: the flow ends, as "leave" says.
  noBack: new Set(['insertCard', 'newPin']),
  voice: (view) => (view.step === 'done' ? 'flowDoneReset' : commonStepPrompt(view)),
};
