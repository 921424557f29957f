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
  /**
   * The page being packed: its first item, how many it is trying, and what is known so far: the
   * most items seen to fit (`lo`, 0 for none yet) and the fewest seen to overflow (`hi`, 0 for none
   * yet). Null once every item has a page.
   */
  probe: { start: number; count: number; lo: number; hi: number } | null;
  /** True once one page could not hold every item: every page then carries the pager. */
  paged: boolean;
  /** The page being read. */
  page: number;
}

export function startFit(key: string, total: number): Fit {
  return { key, starts: [], probe: total > 0 ? { start: 0, count: total, lo: 0, hi: 0 } : null, paged: false, page: 0 };
}

/**
 * One step of packing after the probe was laid out. Every probe is a synchronous re-render before
 * the screen is painted (React allows some fifty in a row), so the count is searched, not walked:
 * halving and bisecting on the first page, and on later pages starting from the size of the page
 * before, which usually settles in two tries.
 */
export function packStep(fit: Fit, total: number, overflows: boolean): Fit {
  const probe = fit.probe;
  if (!probe) return fit;
  const left = total - probe.start;
  if (overflows && probe.count > 1 && !fit.paged) {
    // A page that cannot hold everything left shows the pager: start again with it there.
    return { ...fit, starts: [], probe: { start: 0, count: Math.max(1, Math.floor(total / 2)), lo: 0, hi: total }, paged: true };
  }
  const lo = overflows ? probe.lo : probe.count;
  const hi = overflows ? probe.count : probe.hi;
  // One item always has a page (the layout check reports one that does not fit); otherwise close at lo when lo + 1 is known to overflow or nothing is left.
  const size = overflows && probe.count <= 1 ? 1 : lo > 0 && (lo === left || hi === lo + 1) ? lo : 0;
  if (size === 0) {
    let count: number;
    if (hi > 0 && lo > 0) count = Math.floor((lo + hi) / 2);
    else if (hi > 0) count = probe.start === 0 ? Math.max(1, Math.floor(hi / 2)) : hi - 1;
    else count = Math.min(left, lo + 1);
    return { ...fit, probe: { ...probe, count, lo, hi } };
  }
  const starts = [...fit.starts, probe.start];
  const next = probe.start + size;
  return { ...fit, starts, probe: next < total ? { start: next, count: Math.min(size, total - next), lo: 0, hi: 0 } : null };
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

  // A settled page that the box no longer holds (a header wrapped in another language, a banner
  // came) is packed again. Only an overflow triggers it, and a few times per layout at most, so a
  // box whose size follows its content cannot make packing chase itself.
  const settled = useRef(false);
  settled.current = fitted;
  const repacks = useRef({ key: '', count: 0 });
  const baseKey = `${viewport}|${key}|${total}`;
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (!settled.current || !(el.scrollHeight > el.clientHeight + 1)) return;
      if (repacks.current.key !== baseKey) repacks.current = { key: baseKey, count: 0 };
      if (repacks.current.count >= 3) return;
      repacks.current.count += 1;
      setBoxSize(`${el.clientWidth}x${el.clientHeight}`);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, baseKey]);

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
