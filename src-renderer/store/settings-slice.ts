import type { StateCreator } from 'zustand';
import type { Settings } from '../../src-main/contract/index.js';
import type { Store } from './types.js';

/** Used until the core tells us its defaults (getSettings outside a session). */
export const fallbackSettings: Settings = {
  language: 'zh-CN',
  elderlyMode: false,
  voiceMuted: false,
  volume: 1,
};

export type SettingsState = {
  settings: Settings;
  /** The terminal defaults; a new resident always starts from these. */
  defaults: Settings;
};

export type SettingsSlice = SettingsState & {
  applySettings(settings: Settings): void;
  /** Records the core's defaults and, outside a session, applies them. */
  setDefaults(settings: Settings): void;
  resetSettings(): void;
};

export const initialSettings: SettingsState = {
  settings: fallbackSettings,
  defaults: fallbackSettings,
};

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set, get) => ({
  ...initialSettings,
  applySettings: (settings) => set({ settings: { ...settings } }),
  setDefaults: (defaults) => {
    set({ defaults: { ...defaults } });
    if (get().sessionId === null) set({ settings: { ...defaults } });
  },
  resetSettings: () => set({ settings: { ...get().defaults } }),
});
