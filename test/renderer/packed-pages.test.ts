import { describe, expect, it } from 'vitest';
import { packStep } from '../../src-renderer/app/usePackedPages.js';

type Fit = Parameters<typeof packStep>[0];

/** Runs the packing as the screen does, with `fits(start, count, paged)` standing in for the layout. */
function pack(total: number, fits: (start: number, count: number, paged: boolean) => boolean): { starts: number[]; renders: number } {
  let fit: Fit = { key: 'k', starts: [], probe: { start: 0, count: total }, paged: false, page: 0 };
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
