import type { StateCreator } from 'zustand';
import type { Store } from './types.js';

export type Screen =
  | { name: 'attract' }
  | { name: 'home' }
  | { name: 'service'; serviceId: string }
  | { name: 'adminLogin' }
  | { name: 'admin' }
  /** The setup wizard: behind the setup code out of service, behind the technician's sign-in in service. */
  | { name: 'setup' };

export type ScreenName = Screen['name'];

export type NavigationState = { screen: Screen };

export type NavigationSlice = NavigationState & {
  navigate(screen: Screen): void;
};

export const initialNavigation: NavigationState = { screen: { name: 'attract' } };

export const createNavigationSlice: StateCreator<Store, [], [], NavigationSlice> = (set) => ({
  ...initialNavigation,
  // A banner belongs to the screen it was raised on.
  navigate: (screen) => set({ screen, notice: null }),
});
