import { useStore } from '../store/index.js';
import { kiosk, run } from './kiosk.js';

/** Terminal identity, defaults and idle policy: everything the attract screen needs. */
export async function loadSite(): Promise<boolean> {
  const [terminal, defaults, policy] = await Promise.all([
    run(() => kiosk().getTerminalInfo({})),
    run(() => kiosk().getSettings({})),
    run(() => kiosk().getIdlePolicy({})),
  ]);
  const state = useStore.getState();
  if (terminal) state.setTerminal(terminal);
  if (defaults) state.setDefaults(defaults);
  if (policy) state.setIdlePolicy(policy);
  return terminal !== null && defaults !== null && policy !== null;
}

export async function loadCatalog(): Promise<void> {
  const catalog = await run(() => kiosk().getCatalog({}));
  if (catalog) useStore.getState().setCatalog(catalog);
}
