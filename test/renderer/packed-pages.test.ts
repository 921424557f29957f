import { describe, expect, it } from 'vitest';
import { packStep } from '../../src-renderer/app/usePackedPages.js';

type Fit = Parameters<typeof packStep>[0];

/** Runs the packing as the screen does, with `fits(start, count, paged)` standing in for the layout. */
function pack(total: number, fits: (start: number, count: number, paged: boolean) => boolean): { starts: number[]; renders: number } {
  let fit: Fit = { key: 'k', starts: [], probe: { start: 0, count: total, lo: 0, hi: 0 }, paged: false, page: 0 };
  let renders = 0;
  while (fit.probe) {
    renders++;
    fit = packStep(fit, total, !fits(fit.probe.start, fit.probe.count, fit.paged));
    if (renders > 1_000) throw new Error('packing does not end');
  }
  return { starts: fit.starts, renders };
}

describe('packed pages (home tiles, device rows, dead letters)', () => {
  it('is one page, without a pager, when every tile fits', () => {
    expect(pack(14, () => true).starts).toEqual([0]);
  });

  it('packs each page as full as it can hold, so pages with more headings hold fewer tiles', () => {
    // Six tiles fit on a page with the pager, except where a page spans tiles 4 and 5 (a second heading): then five.
    const fits = (start: number, count: number, paged: boolean) => paged && count <= (start <= 4 && start + count > 5 ? 5 : 6);
    expect(pack(14, fits).starts).toEqual([0, 5, 11]);
  });

  it('makes room for the pager once the tiles do not fit on one page', () => {
    // Ten fit without the pager, eight with it.
    const fits = (_start: number, count: number, paged: boolean) => count <= (paged ? 8 : 10);
    expect(pack(12, fits).starts).toEqual([0, 8]);
  });

  it('still gives a tile its own page when not even one fits (the layout check reports it)', () => {
    expect(pack(3, () => false).starts).toEqual([0, 1, 2]);
  });
});

describe('packed pages: the search stays short', () => {
  it('packs a long list into small pages in few renders (each one is a synchronous re-render before paint)', () => {
    // 40 rows, 4 to a page with the pager: the old walk took one render per row given back.
    const { starts, renders } = pack(40, (_start, count, paged) => paged && count <= 4);
    expect(starts).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36]);
    expect(renders).toBeLessThan(50);
  });

  it('gives every page as many rows as it holds when pages differ', () => {
    // Rows 0-9 are tall (3 to a page), the rest short (7 to a page).
    const fits = (start: number, count: number, paged: boolean) => {
      if (!paged) return false;
      let height = 0;
      for (let i = start; i < start + count; i++) height += i < 10 ? 7 : 3;
      return height <= 21;
    };
    const { starts, renders } = pack(30, fits);
    expect(starts).toEqual([0, 3, 6, 9, 14, 21, 28]);
    expect(renders).toBeLessThan(50);
  });
});
