import { useStore } from '../store/index.js';
import { finishSession } from '../app/session-actions.js';
import { technicianLogout } from '../app/admin-actions.js';
import { voice } from '../voice/index.js';
import { cancelFlow } from '../flows/flow-actions.js';

/**
 * Nobody is at the screen: close whatever is open and go back to attract. A resident flow is ended
 * first (devices released); if a card is still in a reader, its reminder stays on screen, spoken,
 * for one more idle period before the session ends. True when the screen stayed (the reminder).
 */
export async function leaveForIdle(): Promise<boolean> {
  voice.stop();
  const { screen, sessionId, endSession, flow } = useStore.getState();
  if (sessionId !== null && flow !== null && flow.status !== 'ended') {
    await cancelFlow();
    const ended = useStore.getState().flow;
    if (ended?.status === 'ended' && ended.reminder && ended.next !== 'rating') return true;
  }
  if (screen.name === 'admin') {
    await technicianLogout();
  } else if (sessionId !== null) {
    await finishSession('idle');
  } else {
    endSession();
  }
  return false;
}
