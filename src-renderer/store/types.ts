import type { SessionSlice } from './session-slice.js';
import type { SettingsSlice } from './settings-slice.js';
import type { NavigationSlice } from './navigation-slice.js';
import type { SiteSlice } from './site-slice.js';
import type { NoticeSlice } from './notice-slice.js';
import type { ConnectionSlice } from './connection-slice.js';
import type { OpsSlice } from './ops-slice.js';

/** The one renderer store: the union of its slices. */
export type Store = SessionSlice & SettingsSlice & NavigationSlice & SiteSlice & NoticeSlice & ConnectionSlice & OpsSlice;
