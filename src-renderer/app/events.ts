import type { KioskEvent } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { missingCase } from '../util/missing-case.js';
import { loadCatalog, loadSite } from './site-actions.js';

/** Applies a core event to the store. Attached before rendererReady, so none is missed. */
export function handleKioskEvent(event: KioskEvent): void {
  const state = useStore.getState();
  switch (event.type) {
    case 'session.ended':
      // Ours ended elsewhere (replaced, core-side timeout): wipe as on idle.
      // An id we no longer hold means we already wiped it ourselves.
      if (event.sessionId === state.sessionId) state.endSession();
      return;
    case 'settings.changed':
      // Outside a session the core is announcing its defaults (it does so after session.ended).
      if (state.sessionId === null) state.setDefaults(event.settings);
      else state.applySettings(event.settings);
      return;
    case 'health.changed':
      // Ops-facing only: the admin screen shows it live; residents see its effect through the catalog.
      state.setHealth(event.health);
      return;
    case 'catalog.changed':
      void loadCatalog();
      return;
    case 'devices.changed':
      state.setDevices(event.devices);
      return;
    case 'queue.changed':
      state.setQueue(event.queue);
      return;
    case 'flow.changed':
      // Kept only while its service is open; the flow screens (src-renderer/flows) show it.
      state.setFlowView(event.view);
      return;
    case 'terminal.changed':
      // A new configuration took over: back to the start, and read who we are and what we offer again.
      state.navigate({ name: 'attract' });
      void loadSite().then(() => loadCatalog());
      return;
    default:
      missingCase(event);
  }
}
