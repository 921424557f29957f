import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useStore } from '../store/index.js';
import { reachTopPx } from './reach.js';

/** The reach line now, from the window and the terminal's configured mounting. */
export function currentReachTop(): number {
  return reachTopPx({ width: window.innerWidth, height: window.innerHeight }, useStore.getState().terminal?.display);
}

/**
 * For the box that holds a screen's controls: keeps its top edge at or below the reach line by
 * giving it the top margin it lacks, re-placed when the window or what stands above it changes size.
 * Reading matter goes before the box, above the line.
 */
export function useReachZone<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  const display = useStore((s) => s.terminal?.display);
  useLayoutEffect(() => {
    const zone = ref.current;
    if (!zone) return;
    const place = () => {
      zone.style.marginTop = '';
      const natural = zone.getBoundingClientRect().top;
      const line = currentReachTop();
      if (natural < line) zone.style.marginTop = `${Math.ceil(line - natural)}px`;
    };
    place();
    const observer = new ResizeObserver(place);
    const above = [zone.parentElement, ...siblingsBefore(zone)].filter((el): el is HTMLElement => el !== null);
    for (const el of above) observer.observe(el);
    const header = document.querySelector('.top-bar');
    if (header) observer.observe(header);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [display]);
  return ref;
}

function siblingsBefore(el: Element): Element[] {
  const out: Element[] = [];
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) out.push(s);
  return out;
}
