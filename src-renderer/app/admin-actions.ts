import type { KioskError } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { kiosk, run } from './kiosk.js';
import { finishSession } from './session-actions.js';

/** The hidden corner was held: a resident's session must not stay open behind the technician. */
export async function openTechnicianEntry(): Promise<void> {
  if (useStore.getState().sessionId !== null) await finishSession('user');
  useStore.getState().navigate({ name: 'adminLogin' });
}

export type LoginFailure = Pick<KioskError, 'code' | 'triesLeft' | 'retryAfterMs'>;

/** Returns null on success, else the failure the PIN screen explains inline. */
export async function technicianLogin(pin: string): Promise<LoginFailure | null> {
  let failure: LoginFailure | null = null;
  const ok = await run(
    () => kiosk().adminLogin({ pin }),
    (error) => {
      if (error.code !== 'admin_bad_pin' && error.code !== 'admin_locked') return false;
      failure = error;
      return true;
    },
  );
  if (ok !== null) {
    useStore.getState().navigate({ name: 'admin' });
    return null;
  }
  return failure ?? { code: 'internal' };
}

export async function technicianLogout(): Promise<void> {
  await run(() => kiosk().adminLogout({}));
  useStore.getState().navigate({ name: 'attract' });
}
