import { create } from 'zustand';
import type { Store } from './types.js';
import { createSessionSlice } from './session-slice.js';
import { createSettingsSlice } from './settings-slice.js';
import { createNavigationSlice } from './navigation-slice.js';
import { createSiteSlice } from './site-slice.js';
import { createNoticeSlice } from './notice-slice.js';
import { createConnectionSlice } from './connection-slice.js';
import { createOpsSlice } from './ops-slice.js';

export type { Store } from './types.js';
export type { Screen, ScreenName } from './navigation-slice.js';
export type { Notice } from './notice-slice.js';
export type { ConnectionStatus } from './connection-slice.js';

// In memory only: no persist middleware, so resident data never reaches web storage.
export const useStore = create<Store>()((...a) => ({
  ...createSessionSlice(...a),
  ...createSettingsSlice(...a),
  ...createNavigationSlice(...a),
  ...createSiteSlice(...a),
  ...createNoticeSlice(...a),
  ...createConnectionSlice(...a),
  ...createOpsSlice(...a),
}));
