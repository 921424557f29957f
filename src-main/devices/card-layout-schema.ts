import { z } from 'zod';

// Card layout for instant issuance: what goes where on each side, in printer
// dots (300 dpi). Text is personal data (name, ID number): nothing here logs
// it, and errors carry a code, the side and the element index only.

export type CardLayoutErrorCode =
  /** Shape or type wrong somewhere (unknown element kind, non-integer coordinate...). */
  | 'INVALID_LAYOUT'
  /** The side's size is not the panel geometry the printer driver expects. */
  | 'CARD_SIZE_MISMATCH'
  /** An element (or part of it) lies outside the card. */
  | 'ELEMENT_OUTSIDE_CARD'
  /** Rendered text reaches outside the card. */
  | 'TEXT_OUTSIDE_CARD'
  /** Text empty or only whitespace. */
  | 'EMPTY_TEXT'
  /** Text longer than MAX_TEXT_CHARS, or with control characters. */
  | 'BAD_TEXT'
  /** Font size outside its range, or a font family name that is not plain. */
  | 'BAD_FONT'
  /** A colour that is not `#rrggbb`. */
  | 'BAD_COLOUR'
  /** More than MAX_ELEMENTS elements on a side. */
  | 'TOO_MANY_ELEMENTS'
  /** Photo bytes too large, not decodable, or not JPEG/PNG. */
  | 'BAD_IMAGE'
  /** A render option out of range (threshold, chip hole outside the card...). */
  | 'BAD_OPTION'
  /** A produced panel does not have the byte length the driver will check (a bug). */
  | 'PANEL_LENGTH';

/** A typed layout or rendering failure: code, side and element index, never the text or image bytes. */
export class CardLayoutError extends Error {
  readonly code: CardLayoutErrorCode;
  readonly side: 'front' | 'back' | undefined;
  readonly element: number | undefined;

  constructor(code: CardLayoutErrorCode, where: { side?: 'front' | 'back' | undefined; element?: number | undefined } = {}) {
    const parts = [where.side === undefined ? '' : `side=${where.side}`, where.element === undefined ? '' : `element=${where.element}`].filter(Boolean);
    super(parts.length ? `${code} (${parts.join(', ')})` : code);
    this.name = 'CardLayoutError';
    this.code = code;
    this.side = where.side;
    this.element = where.element;
  }
}

export const MAX_ELEMENTS = 64;
export const MAX_TEXT_CHARS = 64;
export const MIN_FONT_SIZE = 6;
export const MAX_FONT_SIZE = 160;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_FONT_FAMILY = 'Noto Sans CJK SC';

/** Text; (x, y) is the start of the baseline, as in SVG. */
export interface TextElement {
  kind: 'text';
  x: number;
  y: number;
  fontSize: number;
  weight?: 'normal' | 'bold';
  text: string;
  colour: string;
  /** Font family; default 'Noto Sans CJK SC'. Letters, digits, spaces and dashes only. */
  fontFamily?: string;
}

/** A JPEG or PNG photo scaled to w×h (fit: cover by default) at (x, y). */
export interface ImageElement {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  data: Uint8Array;
  fit?: 'cover' | 'contain' | 'fill';
}

/** A filled rectangle. */
export interface RectElement {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  colour: string;
}

export type CardElement = TextElement | ImageElement | RectElement;

/** One side: its size in dots (must be the driver's panel geometry), background and elements painted in order. */
export interface CardSideLayout {
  width: number;
  height: number;
  /** `#rrggbb`; default white (no ink). */
  background?: string;
  elements: CardElement[];
}

export interface CardLayout {
  front: CardSideLayout;
  back?: CardSideLayout;
}

const coord = z.number().int().nonnegative();
const size = z.number().int().positive();
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'BAD_COLOUR');
// No C0/C1 control characters, no bidi overrides/isolates (they could reorder an ID number).
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

const textSchema = z.object({
  kind: z.literal('text'),
  x: coord,
  y: coord,
  fontSize: z.number('BAD_FONT').int('BAD_FONT').min(MIN_FONT_SIZE, 'BAD_FONT').max(MAX_FONT_SIZE, 'BAD_FONT'),
  weight: z.enum(['normal', 'bold']).optional(),
  text: z
    .string()
    .refine((s) => s.trim().length > 0, 'EMPTY_TEXT')
    .refine((s) => [...s].length <= MAX_TEXT_CHARS && !CONTROL.test(s), 'BAD_TEXT'),
  colour,
  fontFamily: z.string().regex(/^[A-Za-z0-9 -]{1,64}$/, 'BAD_FONT').optional(),
});

const imageSchema = z.object({
  kind: z.literal('image'),
  x: coord,
  y: coord,
  w: size,
  h: size,
  data: z.instanceof(Uint8Array, { error: 'BAD_IMAGE' }).refine((d) => d.length > 0 && d.length <= MAX_IMAGE_BYTES, 'BAD_IMAGE'),
  fit: z.enum(['cover', 'contain', 'fill']).optional(),
});

const rectSchema = z.object({ kind: z.literal('rect'), x: coord, y: coord, w: size, h: size, colour });

const elementSchema = z.discriminatedUnion('kind', [textSchema, imageSchema, rectSchema]);

const sideSchema = z
  .object({
    width: size,
    height: size,
    background: colour.optional(),
    elements: z.array(elementSchema).max(MAX_ELEMENTS, 'TOO_MANY_ELEMENTS'),
  })
  .superRefine((side, ctx) => {
    side.elements.forEach((e, i) => {
      const right = e.kind === 'text' ? e.x + 1 : e.x + e.w;
      const bottom = e.kind === 'text' ? e.y : e.y + e.h;
      // Text is measured after rendering too; here its anchor must at least lie on the card.
      if (right > side.width || bottom > side.height || (e.kind === 'text' && e.y < 1)) {
        ctx.addIssue({ code: 'custom', message: 'ELEMENT_OUTSIDE_CARD', path: ['elements', i] });
      }
    });
  });

const layoutSchema = z.object({ front: sideSchema, back: sideSchema.optional() });

export type ParsedSide = z.infer<typeof sideSchema>;
export type ParsedLayout = z.infer<typeof layoutSchema>;
export type ParsedElement = z.infer<typeof elementSchema>;

const CODES: ReadonlySet<string> = new Set<CardLayoutErrorCode>([
  'ELEMENT_OUTSIDE_CARD',
  'EMPTY_TEXT',
  'BAD_TEXT',
  'BAD_FONT',
  'BAD_COLOUR',
  'TOO_MANY_ELEMENTS',
  'BAD_IMAGE',
]);

/**
 * Validates a layout against the schema and the panel geometry; throws
 * CardLayoutError with the first problem's code, side and element index.
 * The zod error is not attached as a cause: its issues could quote input.
 */
export function parseCardLayout(layout: unknown, geometry: { width: number; height: number }): ParsedLayout {
  const r = layoutSchema.safeParse(layout, { reportInput: false });
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path ?? [];
    const side = path[0] === 'front' || path[0] === 'back' ? path[0] : undefined;
    const element = path[1] === 'elements' && typeof path[2] === 'number' ? path[2] : undefined;
    const code = issue && CODES.has(issue.message) ? (issue.message as CardLayoutErrorCode) : 'INVALID_LAYOUT';
    throw new CardLayoutError(code, { side, element });
  }
  for (const side of ['front', 'back'] as const) {
    const s = r.data[side];
    if (s && (s.width !== geometry.width || s.height !== geometry.height)) throw new CardLayoutError('CARD_SIZE_MISMATCH', { side });
  }
  return r.data;
}
