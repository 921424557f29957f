import type { Settings, SettingsPatch } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { kiosk, run } from './kiosk.js';
import { settingsDiff } from './settings-diff.js';

export type EndReason = 'user' | 'idle' | 'completed';

/** Starts a resident session; settings chosen on the attract screen carry into it. */
export async function startSession(): Promise<boolean> {
  const started = await run(() => kiosk().startSession({}));
  if (started === null) return false;
  const state = useStore.getState();
  const chosen = settingsDiff(state.defaults, state.settings);
  state.beginSession(started.sessionId, started.startedAt);
  if (Object.keys(chosen).length > 0) await changeSettings(chosen);
  return true;
}

/**
 * Ends the session. Resident data is wiped locally first, so nothing lingers
 * on screen while the core answers (or if it cannot be reached).
 */
export async function finishSession(reason: EndReason): Promise<void> {
  const { sessionId, endSession } = useStore.getState();
  endSession();
  if (sessionId === null) return;
  // session_mismatch means the core ended it already: nothing left to tell anyone.
  await run(
    () => kiosk().endSession({ sessionId, reason }),
    (error) => error.code === 'session_mismatch' || error.code === 'no_session',
  );
}

/**
 * In a session the core owns the settings: apply what it returns. Before a
 * session (attract screen) there is no resident yet, so the choice is held
 * locally and handed to the core by startSession.
 */
export async function changeSettings(patch: SettingsPatch): Promise<void> {
  const state = useStore.getState();
  if (state.sessionId === null) {
    state.applySettings({ ...state.settings, ...definedOnly(patch) });
    return;
  }
  const settings = await run(() => kiosk().updateSettings(patch));
  if (settings !== null) useStore.getState().applySettings(settings);
}

/** Drops keys explicitly set to undefined so they cannot blank a setting. */
function definedOnly(patch: SettingsPatch): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Settings>;
}
