import type { FlowErrorCode, FlowView } from '../../../src-main/contract/index.js';
import type { VoicePrompt } from '../../voice/useScreenVoice.js';

/** The spoken form of a flow error: `voice.flowError<Code>` (the same words as on screen). */
export function errorPrompt(code: FlowErrorCode): VoicePrompt {
  return `flowError${code[0]!.toUpperCase()}${code.slice(1)}` as VoicePrompt;
}

/** The prompt of the steps every card flow shares; an error on screen is said instead of the step's prompt. */
export function commonStepPrompt(view: FlowView): VoicePrompt {
  if (view.error && view.step !== 'failed') return errorPrompt(view.error);
  switch (view.step) {
    case 'insertCard':
      return 'flowInsertCard';
    case 'readingCard':
      return 'flowReadingCard';
    case 'confirmCard':
      return 'flowConfirmCard';
    case 'oldPin':
      return 'flowOldPin';
    case 'newPin':
      return 'flowNewPin';
    case 'confirmPin':
      return 'flowConfirmPin';
    case 'idCard':
      return 'flowIdCard';
    case 'readingId':
      return 'flowReadingId';
    case 'face':
      return 'flowFace';
    case 'matchingFace':
      return 'flowMatchingFace';
    case 'failed':
      return view.error ? errorPrompt(view.error) : 'flowFailed';
    default:
      return 'flowWorking';
  }
}
