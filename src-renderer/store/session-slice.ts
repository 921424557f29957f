import type { StateCreator } from 'zustand';
import type { FlowView } from '../../src-main/contract/index.js';
import type { Store } from './types.js';

/**
 * Everything that belongs to the resident at the screen. Later flows add their
 * fields here (and to `initialSession`) so that one `endSession()` wipes them all.
 */
export type SessionState = {
  sessionId: string | null;
  startedAt: string | null;
  currentServiceId: string | null;
  /** The running flow's last view (masked fields and digit counts only); wiped with the session. */
  flow: FlowView | null;
};

export type SessionSlice = SessionState & {
  beginSession(sessionId: string, startedAt: string): void;
  openService(serviceId: string): void;
  leaveService(): void;
  /** Keeps a flow view of this session's current service. */
  setFlowView(view: FlowView): void;
  /** Wipes resident data, resets settings to the defaults and returns to the attract screen. */
  endSession(): void;
};

export const initialSession: SessionState = {
  sessionId: null,
  startedAt: null,
  currentServiceId: null,
  flow: null,
};

export const createSessionSlice: StateCreator<Store, [], [], SessionSlice> = (set, get) => ({
  ...initialSession,
  beginSession: (sessionId, startedAt) => {
    set({ ...initialSession, sessionId, startedAt });
    get().navigate({ name: 'home' });
  },
  openService: (serviceId) => {
    set({ currentServiceId: serviceId, flow: null });
    get().navigate({ name: 'service', serviceId });
  },
  setFlowView: (view) => {
    if (get().currentServiceId === view.serviceId) set({ flow: view });
  },
  leaveService: () => {
    set({ currentServiceId: null, flow: null });
    get().navigate({ name: 'home' });
  },
  endSession: () => {
    set({ ...initialSession });
    get().resetSettings();
    get().navigate({ name: 'attract' });
  },
});
