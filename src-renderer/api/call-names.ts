import type { CallName } from '../../src-main/contract/index.js';

// The renderer may not import src-main at run time, so the names are repeated
// here; the Record type makes a missing or unknown name a compile error.
const CALLS: Record<CallName, true> = {
  getTerminalInfo: true,
  getCatalog: true,
  startSession: true,
  endSession: true,
  getSettings: true,
  updateSettings: true,
  getIdlePolicy: true,
  getHealth: true,
  adminLogin: true,
  adminLogout: true,
  rendererReady: true,
  getDeviceStatus: true,
  getQueueStatus: true,
  listDeadLetters: true,
  retryDeadLetter: true,
  discardDeadLetter: true,
  submitRating: true,
  startFlow: true,
  flowAction: true,
  cancelFlow: true,
  demoDevice: true,
};

export const CALL_NAMES = Object.keys(CALLS) as CallName[];
