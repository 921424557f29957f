import { useEffect } from 'react';
import { useStore } from '../store/index.js';
import { loadSite } from './site-actions.js';

/** Loads terminal info, defaults and idle policy whenever the link is up and they are missing. */
export function useSiteLoader(): void {
  const open = useStore((s) => s.connection === 'open');
  const loaded = useStore((s) => s.terminal !== null && s.idlePolicy !== null);
  useEffect(() => {
    if (open && !loaded) void loadSite();
  }, [open, loaded]);
}
