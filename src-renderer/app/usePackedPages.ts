import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Pages packed one after another: each page starts where the last one ended and takes as many items
 * as fit its box, trying all that are left and giving one back at a time. The home screen's tiles,
 * the technician's device rows and dead letters are all paged this way, with the shared `Pager`.
 */
export interface Fit {
  key: string;
  /** The first item of each packed page. */
  starts: number[];
  /** The page being packed: its first item and how many it is trying; null once every item has a page. */
  probe: { start: number; count: number } | null;
  /** True once one page could not hold every item: every page then carries the pager. */
  paged: boolean;
  /** The page being read. */
  page: number;
}

export function startFit(key: string, total: number): Fit {
  return { key, starts: [], probe: total > 0 ? { start: 0, count: total } : null, paged: false, page: 0 };
}

/** One step of packing after the probe was laid out: give an item back, or close the page and start the next. */
export function packStep(fit: Fit, total: number, overflows: boolean): Fit {
  const probe = fit.probe;
  if (!probe) return fit;
  if (overflows && probe.count > 1) {
    // A page that cannot hold everything left shows the pager: start again with it there.
    if (!fit.paged) return { ...fit, starts: [], probe: { start: 0, count: total - 1 }, paged: true };
    return { ...fit, probe: { start: probe.start, count: probe.count - 1 } };
  }
  const starts = [...fit.starts, probe.start];
  const next = probe.start + probe.count;
  return { ...fit, starts, probe: next < total ? { start: next, count: total - next } : null };
}

export interface PackedPages<T extends HTMLElement> {
  /** The box that must hold a page without overflowing (it holds the pager too). */
  ref: RefObject<T | null>;
  /** The items of the page to show: `[from, to)`. While packing, the page being tried (never painted). */
  from: number;
  to: number;
  page: number;
  /** Final once `fitted`; while packing, one more than known so the pager keeps its place. */
  pageCount: number;
  fitted: boolean;
  /** Whether the pager belongs on the page. */
  showPager: boolean;
  setPage(page: number): void;
}

/**
 * Packs `total` items into pages that fit the box `ref` points at (`box` when the caller has its own ref), before the screen is painted, and
 * again when the window changes size or `key` changes (mode, language, the items themselves). The
 * caller renders items `[from, to)` and, when `showPager`, the pager inside the box.
 */
export function usePackedPages<T extends HTMLElement>(total: number, key: string, box?: RefObject<T | null>): PackedPages<T> {
  const own = useRef<T>(null);
  const ref = box ?? own;
  const [viewport, setViewport] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  // The box's own size: it can change after a page was packed (a header that wraps in another language, a banner).
  const [boxSize, setBoxSize] = useState('');
  const fullKey = `${viewport}|${boxSize}|${key}|${total}`;
  const [fit, setFit] = useState<Fit>(() => startFit('', 0));
  const current = fit.key === fullKey;
  const fitted = current && fit.probe === null;
  const pageCount = Math.max(1, fit.starts.length);
  const page = fitted ? Math.min(fit.page, pageCount - 1) : 0;
  const from = !current ? 0 : fit.probe ? fit.probe.start : (fit.starts[page] ?? 0);
  const to = !current ? total : fit.probe ? fit.probe.start + fit.probe.count : (fit.starts[page + 1] ?? total);

  useEffect(() => {
    const onResize = () => setViewport(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setBoxSize(`${el.clientWidth}x${el.clientHeight}`));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Packed again (new items, window, mode): the reader stays on their page where it still exists.
    if (!current) return setFit({ ...startFit(fullKey, total), page: fit.page });
    if (fit.probe) setFit(packStep(fit, total, el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1));
  }, [ref, total, current, fullKey, fit]);

  return {
    ref,
    from,
    to,
    page,
    pageCount: fitted ? pageCount : Math.max(2, pageCount + 1),
    fitted,
    showPager: fit.paged || pageCount > 1,
    setPage: (next) => setFit((f) => ({ ...f, page: next })),
  };
}
