import { useStore } from '../store/index.js';
import { finishSession } from '../app/session-actions.js';
import { technicianLogout } from '../app/admin-actions.js';
import { voice } from '../voice/index.js';

/** Nobody is at the screen: close whatever is open and go back to attract. */
export async function leaveForIdle(): Promise<void> {
  voice.stop();
  const { screen, sessionId, endSession } = useStore.getState();
  if (screen.name === 'admin') {
    await technicianLogout();
  } else if (sessionId !== null) {
    await finishSession('idle');
  } else {
    endSession();
  }
}
