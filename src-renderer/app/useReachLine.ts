import { useEffect, useState } from 'react';
import { useStore } from '../store/index.js';
import { reachTopPx } from './reach.js';

/**
 * Publishes the reach line to the CSS as `--reach-top` (px) and `<html data-reach="low|none">`, and
 * keeps it current when the window changes size. Screens put their controls in a `.reach-zone`, which
 * sits below the line. Returns whether there is a line (`low`) or the whole screen is within reach.
 */
export function useReachLine(): 'low' | 'none' {
  const display = useStore((s) => s.terminal?.display);
  const [reach, setReach] = useState<'low' | 'none'>('none');
  useEffect(() => {
    const apply = () => {
      const top = reachTopPx({ width: window.innerWidth, height: window.innerHeight }, display);
      const root = document.documentElement;
      root.style.setProperty('--reach-top', `${top}px`);
      root.dataset.reach = top > 0 ? 'low' : 'none';
      setReach(top > 0 ? 'low' : 'none');
    };
    apply();
    window.addEventListener('resize', apply);
    return () => window.removeEventListener('resize', apply);
  }, [display]);
  return reach;
}

/** Whether this display has a reach line (part of the screen is out of reach), kept current on resize. */
export function useHasReachLine(): boolean {
  const display = useStore((s) => s.terminal?.display);
  const measure = () => reachTopPx({ width: window.innerWidth, height: window.innerHeight }, display) > 0;
  const [low, setLow] = useState(measure);
  useEffect(() => {
    const apply = () => setLow(reachTopPx({ width: window.innerWidth, height: window.innerHeight }, display) > 0);
    apply();
    window.addEventListener('resize', apply);
    return () => window.removeEventListener('resize', apply);
  }, [display]);
  return low;
}
