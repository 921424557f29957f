import type { PrintJob, SidePanels } from '../../drivers/index.js';
import type { SideRaster } from './card-layout-raster.js';

// Splits an RGB raster into the Evolis-style driver's panels. The driver
// sizes a panel as ceil(width × height × bits / 8) (protocol.ts panelBytes):
// one continuous bit stream, rows top to bottom, dots left to right, packed
// MSB first (at 648 dots a row is a whole number of bytes at 1, 5, 6 and 7
// bits). Y/M/C carry log2(colourLevels) bits a dot (255−B, 255−G, 255−R
// scaled to levels−1); K and O carry 1 bit, 1 = lay resin / overlay.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SplitOptions {
  ribbon: PrintJob['ribbon'];
  colourLevels: 32 | 64 | 128;
  /** A dot goes to resin K when max(R, G, B) ≤ this (and it is not a photo dot). */
  kThreshold: number;
  /** Print the overlay panel (ymcko and ko ribbons). */
  overlay: boolean;
  /** Dots left without overlay (the chip contacts). */
  overlayHoles: readonly Rect[];
}

/** Packs values (each < 2^bits) MSB first into a continuous bit stream. */
export function packBits(values: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((values.length * bits) / 8));
  const mask = (1 << bits) - 1;
  let acc = 0;
  let n = 0;
  let o = 0;
  for (let i = 0; i < values.length; i++) {
    acc = (acc << bits) | ((values[i] ?? 0) & mask);
    n += bits;
    while (n >= 8) {
      n -= 8;
      out[o++] = (acc >> n) & 0xff;
    }
    acc &= (1 << n) - 1;
  }
  if (n > 0) out[o] = (acc << (8 - n)) & 0xff;
  return out;
}

/** Splits one side into the panels its ribbon prints. */
export function splitPanels(r: SideRaster, opts: SplitOptions): SidePanels {
  const n = r.width * r.height;
  const k = new Uint8Array(n);
  const y = new Uint8Array(n);
  const m = new Uint8Array(n);
  const c = new Uint8Array(n);
  const top = opts.colourLevels - 1;
  const mono = opts.ribbon !== 'ymcko';
  for (let i = 0; i < n; i++) {
    const R = r.rgb[i * 3] ?? 255;
    const G = r.rgb[i * 3 + 1] ?? 255;
    const B = r.rgb[i * 3 + 2] ?? 255;
    // On a monochrome ribbon every dark enough dot is resin, photo or not.
    if (Math.max(R, G, B) <= opts.kThreshold && (mono || r.photo[i] === 0)) {
      k[i] = 1;
      continue;
    }
    y[i] = Math.round(((255 - B) * top) / 255);
    m[i] = Math.round(((255 - G) * top) / 255);
    c[i] = Math.round(((255 - R) * top) / 255);
  }
  const bits = Math.log2(opts.colourLevels);
  const panels: SidePanels = { k: packBits(k, 1) };
  if (!mono) {
    panels.y = packBits(y, bits);
    panels.m = packBits(m, bits);
    panels.c = packBits(c, bits);
  }
  if (opts.overlay && opts.ribbon !== 'k') panels.o = overlayPanel(r.width, r.height, opts.overlayHoles);
  return panels;
}

/** A full overlay panel with holes; 1 bit a dot. */
export function overlayPanel(width: number, height: number, holes: readonly Rect[]): Uint8Array {
  const o = new Uint8Array(width * height).fill(1);
  for (const h of holes) {
    for (let yy = h.y; yy < h.y + h.h; yy++) o.fill(0, yy * width + h.x, yy * width + h.x + h.w);
  }
  return packBits(o, 1);
}
