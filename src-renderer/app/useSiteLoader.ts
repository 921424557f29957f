import { useEffect } from 'react';
import { useStore } from '../store/index.js';
import { loadCatalog, loadSite } from './site-actions.js';

/** Loads terminal info, defaults, idle policy and the services whenever the link is up and they are missing. */
export function useSiteLoader(): void {
  const open = useStore((s) => s.connection === 'open');
  const loaded = useStore((s) => s.terminal !== null && s.idlePolicy !== null);
  useEffect(() => {
    // The services too: the start screen must know whether any of them can run.
    if (open && !loaded) void loadSite().then((done) => (done ? loadCatalog() : undefined));
  }, [open, loaded]);
}
