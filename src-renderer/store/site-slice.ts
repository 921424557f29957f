import type { StateCreator } from 'zustand';
import type { Catalog, IdlePolicy, TerminalInfo } from '../../src-main/contract/index.js';
import type { Store } from './types.js';

/** Terminal-wide data (no resident data): it survives sessions. */
export type SiteState = {
  terminal: TerminalInfo | null;
  catalog: Catalog | null;
  idlePolicy: IdlePolicy | null;
};

export type SiteSlice = SiteState & {
  setTerminal(terminal: TerminalInfo): void;
  setCatalog(catalog: Catalog | null): void;
  setIdlePolicy(policy: IdlePolicy): void;
};

export const initialSite: SiteState = { terminal: null, catalog: null, idlePolicy: null };

export const createSiteSlice: StateCreator<Store, [], [], SiteSlice> = (set) => ({
  ...initialSite,
  setTerminal: (terminal) => set({ terminal }),
  setCatalog: (catalog) => set({ catalog }),
  setIdlePolicy: (idlePolicy) => set({ idlePolicy }),
});
