import type { StateCreator } from 'zustand';
import type { DisabledReason, ErrorCode } from '../../src-main/contract/index.js';
import type { Store } from './types.js';

/** What the friendly banner shows. Codes only: never free text that could carry resident data. */
export type Notice =
  | { kind: 'error'; code: ErrorCode }
  | { kind: 'unexpected' }
  | { kind: 'disabled'; reason: DisabledReason | null };

export type NoticeState = { notice: Notice | null };

export type NoticeSlice = NoticeState & {
  showNotice(notice: Notice): void;
  clearNotice(): void;
};

export const initialNotice: NoticeState = { notice: null };

export const createNoticeSlice: StateCreator<Store, [], [], NoticeSlice> = (set) => ({
  ...initialNotice,
  showNotice: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
});
