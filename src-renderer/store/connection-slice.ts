import type { StateCreator } from 'zustand';
import type { Store } from './types.js';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export type ConnectionState = { connection: ConnectionStatus };

export type ConnectionSlice = ConnectionState & {
  setConnection(connection: ConnectionStatus): void;
};

export const initialConnection: ConnectionState = { connection: 'connecting' };

export const createConnectionSlice: StateCreator<Store, [], [], ConnectionSlice> = (set) => ({
  ...initialConnection,
  setConnection: (connection) => set({ connection }),
});
