import sharp, { type OverlayOptions } from 'sharp';
import { CardLayoutError, DEFAULT_FONT_FAMILY, type ParsedElement, type ParsedSide } from './card-layout-schema.js';

// Renders one card side to an RGB raster of the panel geometry: background,
// then elements in order (rects and photos composited by sharp, text drawn
// from an SVG with librsvg). Each text is rendered on its own band that is
// wider than the card, so ink outside the card is detected, not clipped.

/** An RGB raster (3 bytes a dot, rows top to bottom) and a mask of dots last painted by a photo. */
export interface SideRaster {
  width: number;
  height: number;
  rgb: Uint8Array;
  photo: Uint8Array;
}

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? '');
}

const ALPHA_INK = 8;

async function textLayer(e: Extract<ParsedElement, { kind: 'text' }>, side: 'front' | 'back', index: number, W: number, H: number): Promise<OverlayOptions> {
  const fs = e.fontSize;
  // Band in card coordinates: [bx, bx+bw) × [by, by+bh); generous enough for any glyph of this string.
  const bx = -fs;
  const bw = W + 2 * fs + Math.ceil([...e.text].length * fs * 1.3);
  const by = e.y - 2 * fs;
  const bh = 3 * fs;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${bw}" height="${bh}">` +
    `<text x="${e.x - bx}" y="${e.y - by}" font-family="${escapeXml(e.fontFamily ?? DEFAULT_FONT_FAMILY)}" font-size="${fs}" ` +
    `font-weight="${e.weight ?? 'normal'}" fill="${e.colour}" xml:space="preserve">${escapeXml(e.text)}</text></svg>`;
  const { data } = await sharp(Buffer.from(svg, 'utf8')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const x0 = -bx;
  const y0 = Math.max(0, -by);
  const y1 = Math.min(bh, H - by);
  for (let y = 0; y < bh; y++) {
    const inRows = y >= y0 && y < y1;
    for (let x = 0; x < bw; x++) {
      if ((data[(y * bw + x) * 4 + 3] ?? 0) < ALPHA_INK) continue;
      if (!inRows || x < x0 || x >= x0 + W) throw new CardLayoutError('TEXT_OUTSIDE_CARD', { side, element: index });
    }
  }
  if (y1 <= y0) throw new CardLayoutError('TEXT_OUTSIDE_CARD', { side, element: index });
  const part = await sharp(data, { raw: { width: bw, height: bh, channels: 4 } })
    .extract({ left: x0, top: y0, width: W, height: y1 - y0 })
    .raw()
    .toBuffer();
  return { input: part, raw: { width: W, height: y1 - y0, channels: 4 }, left: 0, top: by + y0 };
}

async function imageLayer(e: Extract<ParsedElement, { kind: 'image' }>, side: 'front' | 'back', index: number): Promise<OverlayOptions> {
  try {
    const img = sharp(e.data, { limitInputPixels: 50_000_000, failOn: 'error' });
    const meta = await img.metadata();
    if (meta.format !== 'jpeg' && meta.format !== 'png') throw new CardLayoutError('BAD_IMAGE', { side, element: index });
    const rgb = await img
      .rotate()
      .resize(e.w, e.h, { fit: e.fit ?? 'cover', background: '#ffffff' })
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer();
    return { input: rgb, raw: { width: e.w, height: e.h, channels: 3 }, left: e.x, top: e.y };
  } catch (err) {
    if (err instanceof CardLayoutError) throw err;
    throw new CardLayoutError('BAD_IMAGE', { side, element: index });
  }
}

/** Renders one validated side; CardLayoutError TEXT_OUTSIDE_CARD or BAD_IMAGE with the element index. */
export async function renderSide(s: ParsedSide, side: 'front' | 'back'): Promise<SideRaster> {
  const W = s.width;
  const H = s.height;
  const photo = new Uint8Array(W * H);
  const layers: OverlayOptions[] = [];
  for (const [i, e] of s.elements.entries()) {
    if (e.kind === 'rect') {
      layers.push({ input: { create: { width: e.w, height: e.h, channels: 3, background: e.colour } }, left: e.x, top: e.y });
    } else if (e.kind === 'image') {
      layers.push(await imageLayer(e, side, i));
    } else {
      const layer = await textLayer(e, side, i, W, H);
      layers.push(layer);
      // Text painted over a photo is text again: its solid dots may go to resin.
      const part = layer.input as Buffer;
      const top = layer.top ?? 0;
      for (let j = 3; j < part.length; j += 4) if ((part[j] ?? 0) >= 128) photo[top * W + (j >> 2)] = 0;
    }
    // Photo mask: a photo marks its box, a later rect clears it.
    if (e.kind !== 'text') {
      for (let y = e.y; y < e.y + e.h; y++) photo.fill(e.kind === 'image' ? 1 : 0, y * W + e.x, y * W + e.x + e.w);
    }
  }
  const base = sharp({ create: { width: W, height: H, channels: 3, background: s.background ?? '#ffffff' } });
  const rgb = await (layers.length ? sharp(await base.png().toBuffer()).composite(layers) : base).removeAlpha().raw().toBuffer();
  if (rgb.length !== W * H * 3) throw new CardLayoutError('PANEL_LENGTH', { side });
  return { width: W, height: H, rgb, photo };
}
