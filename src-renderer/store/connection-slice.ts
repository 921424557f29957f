import type { StateCreator } from 'zustand';
import type { Store } from './types.js';

/** `replaced`: a newer window took over the terminal; this one stays still and never reconnects. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'replaced';

export type ConnectionState = { connection: ConnectionStatus };

export type ConnectionSlice = ConnectionState & {
  setConnection(connection: ConnectionStatus): void;
};

export const initialConnection: ConnectionState = { connection: 'connecting' };

export const createConnectionSlice: StateCreator<Store, [], [], ConnectionSlice> = (set) => ({
  ...initialConnection,
  setConnection: (connection) => set({ connection }),
});
