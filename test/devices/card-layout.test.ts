import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PANEL } from '../../drivers/printer/config.js';
import { EvolisPrinter } from '../../drivers/printer/device.js';
import { startPrinterMemoryEmulator } from '../../drivers/printer/emulator.js';
import { panelBytes } from '../../drivers/printer/protocol.js';
import type { PrintJob } from '../../drivers/printer/printer.js';
import {
  CardLayoutError,
  checkPrintJob,
  escapeXml,
  packBits,
  renderCardPanels,
  type CardElement,
  type CardLayout,
} from '../../src-main/devices/card-layout.js';

const W = PANEL.width;
const H = PANEL.height;
// Personal data stand-in: must never appear in a log line or an error.
const CANARY = 'CANARY张三110101199003077777';

const side = (elements: CardElement[]) => ({ width: W, height: H, elements });
const card = (elements: CardElement[], back?: CardElement[]): CardLayout => (back ? { front: side(elements), back: side(back) } : { front: side(elements) });

/** 1-bit panel dot. */
const bit = (p: Uint8Array | undefined, x: number, y: number): number => {
  const i = y * W + x;
  return ((p?.[i >> 3] ?? 0) >> (7 - (i & 7))) & 1;
};
/** 6-bit (64 levels) panel dot. */
const six = (p: Uint8Array | undefined, x: number, y: number): number => {
  const b = (y * W + x) * 6;
  const word = ((p?.[b >> 3] ?? 0) << 8) | (p?.[(b >> 3) + 1] ?? 0);
  return (word >> (16 - 6 - (b & 7))) & 63;
};
const area = (x0: number, y0: number, w: number, h: number, f: (x: number, y: number) => number): number[] => {
  const out: number[] = [];
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) out.push(f(x, y));
  return out;
};
const max = (a: number[]) => a.reduce((m, v) => Math.max(m, v), 0);
const min = (a: number[]) => a.reduce((m, v) => Math.min(m, v), 255);

async function thrown(p: Promise<unknown>): Promise<CardLayoutError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CardLayoutError);
  return e as CardLayoutError;
}

// Every console call during the file is captured and searched for the canary.
const logged: string[] = [];
beforeAll(() => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack ?? ''}` : String(a))).join(' '));
    });
  }
});
afterAll(() => {
  expect(logged.join('\n')).not.toContain('CANARY');
  vi.restoreAllMocks();
});

const printers: EvolisPrinter[] = [];
afterEach(async () => {
  for (const p of printers.splice(0)) await p.close();
});

describe('card layout rendering', () => {
  it('produces panels of the byte lengths the driver checks', async () => {
    const job = await renderCardPanels(card([], []));
    expect(job.ribbon).toBe('ymcko');
    expect(job.colourLevels).toBe(64);
    for (const s of [job.front, job.back]) {
      for (const p of ['y', 'm', 'c'] as const) expect(s?.[p]?.length).toBe(panelBytes(64));
      expect(s?.k?.length).toBe(panelBytes(2));
      expect(s?.o?.length).toBe(panelBytes(2));
    }
    expect(panelBytes(2)).toBe(82296);
    expect(() => checkPrintJob(job)).not.toThrow();
    const five = await renderCardPanels(card([]), { colourLevels: 32 });
    expect(five.front.y?.length).toBe(panelBytes(32));
    const ko = await renderCardPanels(card([]), { ribbon: 'ko' });
    expect(Object.keys(ko.front).sort()).toEqual(['k', 'o']);
  });

  it('black text goes to resin K where it is, with Y/M/C about zero there', async () => {
    const job = await renderCardPanels(card([{ kind: 'text', x: 100, y: 300, fontSize: 60, weight: 'bold', text: '张三 ABC', colour: '#000000' }]));
    const k = area(100, 240, 400, 80, (x, y) => bit(job.front.k, x, y));
    const inked = k.filter(Boolean).length;
    expect(inked).toBeGreaterThan(1500);
    // Where K is set, no colour ink.
    const colourAtK = area(100, 240, 400, 80, (x, y) => (bit(job.front.k, x, y) ? max([six(job.front.y, x, y), six(job.front.m, x, y), six(job.front.c, x, y)]) : 0));
    expect(max(colourAtK)).toBe(0);
    // Nothing anywhere else.
    expect(max(area(0, 400, W, 200, (x, y) => bit(job.front.k, x, y)))).toBe(0);
    expect(max(area(0, 0, W, 200, (x, y) => six(job.front.m, x, y)))).toBe(0);
  });

  it('a red rect prints M and Y high and C low in its area, nothing outside', async () => {
    const job = await renderCardPanels(card([{ kind: 'rect', x: 50, y: 60, w: 200, h: 100, colour: '#ff0000' }]));
    const f = job.front;
    expect(min(area(50, 60, 200, 100, (x, y) => six(f.m, x, y)))).toBe(63);
    expect(min(area(50, 60, 200, 100, (x, y) => six(f.y, x, y)))).toBe(63);
    expect(max(area(50, 60, 200, 100, (x, y) => six(f.c, x, y)))).toBe(0);
    expect(max(area(50, 60, 200, 100, (x, y) => bit(f.k, x, y)))).toBe(0);
    expect(six(f.m, 49, 100) + six(f.m, 250, 100) + six(f.m, 100, 59) + six(f.m, 100, 160)).toBe(0);
  });

  it('composites a photo at its place, its dark dots in colour rather than resin', async () => {
    // Top half green, bottom half black: orientation and photo-black handling in one.
    const photo = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#00ff00' } })
      .composite([{ input: { create: { width: 60, height: 40, channels: 3, background: '#000000' } }, left: 0, top: 40 }])
      .jpeg({ quality: 95 })
      .toBuffer();
    const job = await renderCardPanels(card([{ kind: 'image', x: 300, y: 500, w: 120, h: 160, data: photo }]));
    const f = job.front;
    // Green: Y and C high, M low.
    expect(min(area(310, 510, 100, 60, (x, y) => Math.min(six(f.y, x, y), six(f.c, x, y))))).toBeGreaterThan(55);
    expect(max(area(310, 510, 100, 60, (x, y) => six(f.m, x, y)))).toBeLessThan(8);
    // Black half: composite black in Y/M/C, no resin.
    expect(min(area(310, 590, 100, 60, (x, y) => six(f.m, x, y)))).toBeGreaterThan(55);
    expect(max(area(300, 500, 120, 160, (x, y) => bit(f.k, x, y)))).toBe(0);
    // Outside the photo box: white.
    expect(max([six(f.c, 299, 550), six(f.c, 420, 550), six(f.c, 350, 499), six(f.c, 350, 660)])).toBe(0);
  });

  it('leaves the chip hole clear of overlay, everything else covered', async () => {
    const chipHole = { x: 90, y: 150, w: 110, h: 90 };
    const job = await renderCardPanels(card([], []), { chipHole });
    expect(max(area(90, 150, 110, 90, (x, y) => bit(job.front.o, x, y)))).toBe(0);
    const total = area(0, 0, W, H, (x, y) => bit(job.front.o, x, y)).filter(Boolean).length;
    expect(total).toBe(W * H - 110 * 90);
    expect(job.back?.o?.every((b) => b === 0xff)).toBe(true);
    expect((await thrown(renderCardPanels(card([]), { chipHole: { x: 600, y: 0, w: 100, h: 10 } }))).code).toBe('BAD_OPTION');
  });

  it('packs bits MSB first as one stream', () => {
    expect([...packBits(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 1, 1), 1)]).toEqual([0x81, 0x80]);
    expect([...packBits(Uint8Array.of(63, 0, 1, 2), 6)]).toEqual([0xfc, 0x00, 0x42]);
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('bad layouts', () => {
  const text = (over: Partial<Extract<CardElement, { kind: 'text' }>> = {}): CardElement => ({ kind: 'text', x: 10, y: 100, fontSize: 24, text: CANARY, colour: '#000000', ...over });
  const cases: [string, CardLayout | unknown, string, { side?: string; element?: number }][] = [
    ['rect past the edge', card([text(), { kind: 'rect', x: 600, y: 0, w: 100, h: 10, colour: '#000000' }]), 'ELEMENT_OUTSIDE_CARD', { side: 'front', element: 1 }],
    ['text anchored off the card', card([text({ y: H + 5 })]), 'ELEMENT_OUTSIDE_CARD', { side: 'front', element: 0 }],
    ['text running off the right', card([text({ x: 400, fontSize: 80 })]), 'TEXT_OUTSIDE_CARD', { side: 'front', element: 0 }],
    ['text above the top', card([text({ y: 5, fontSize: 60 })]), 'TEXT_OUTSIDE_CARD', { side: 'front', element: 0 }],
    ['empty text', card([text(), text({ text: '  ' })]), 'EMPTY_TEXT', { side: 'front', element: 1 }],
    ['control characters', card([text({ text: `${CANARY}\u202e` })]), 'BAD_TEXT', { element: 0 }],
    ['bad colour', card([], [text({ colour: 'red' })]), 'BAD_COLOUR', { side: 'back', element: 0 }],
    ['tiny font', card([text({ fontSize: 2 })]), 'BAD_FONT', { element: 0 }],
    ['svg injection in font family', card([text({ fontFamily: `x"/><image href="${CANARY}` })]), 'BAD_FONT', { element: 0 }],
    ['not an image', card([text(), { kind: 'image', x: 0, y: 0, w: 10, h: 10, data: Buffer.from(CANARY) }]), 'BAD_IMAGE', { element: 1 }],
    ['wrong card size', { front: { width: 1016, height: 648, elements: [text()] } }, 'CARD_SIZE_MISMATCH', { side: 'front' }],
    ['unknown element kind', { front: { width: W, height: H, elements: [{ kind: 'qr', text: CANARY }] } }, 'INVALID_LAYOUT', { element: 0 }],
    ['fractional coordinate', card([text({ x: 1.5 })]), 'INVALID_LAYOUT', { element: 0 }],
  ];
  it.each(cases)('%s → typed error without the text', async (_name, layout, code, where) => {
    const e = await thrown(renderCardPanels(layout as CardLayout));
    expect(e.code).toBe(code);
    if (where.side) expect(e.side).toBe(where.side);
    if (where.element !== undefined) expect(e.element).toBe(where.element);
    const everything = `${e.message} ${e.stack ?? ''} ${JSON.stringify(e)} ${String(e)} ${String(e.cause)}`;
    expect(everything).not.toContain('CANARY');
    expect(everything).not.toContain('张三');
    expect(everything).not.toContain('110101199003077777');
  });

  it('escapes text, so markup in a name renders as characters', async () => {
    const job = await renderCardPanels(card([text({ text: '<b>&amp;</b>"\'' })]));
    expect(max(area(10, 60, 300, 50, (x, y) => bit(job.front.k, x, y)))).toBe(1);
  });
});

describe('round trip through the printer emulator', () => {
  it('the printer accepts the rendered job and prints every panel of both sides', async () => {
    const emu = startPrinterMemoryEmulator();
    const printer = new EvolisPrinter({ transport: emu.transport, timeouts: { command: 2000, mechanical: 2000 }, lineBaud: 1e9 });
    printers.push(printer);
    expect((await printer.open()).ok).toBe(true);
    const photo = await sharp({ create: { width: 30, height: 40, channels: 3, background: '#3366cc' } }).png().toBuffer();
    const job: PrintJob = await renderCardPanels(
      card(
        [
          { kind: 'rect', x: 0, y: 0, w: W, h: 120, colour: '#cc0000' },
          { kind: 'image', x: 40, y: 160, w: 180, h: 240, data: photo },
          { kind: 'text', x: 260, y: 220, fontSize: 40, weight: 'bold', text: CANARY.slice(6, 8), colour: '#000000' },
        ],
        [{ kind: 'text', x: 40, y: 900, fontSize: 28, text: '社会保障卡', colour: '#000000' }],
      ),
      { chipHole: { x: 60, y: 500, w: 110, h: 90 } },
    );
    const r = await printer.printCard(job);
    expect(r.ok).toBe(true);
    expect(emu.model.output.printed).toEqual([{ front: ['y', 'm', 'c', 'k', 'o'], back: ['y', 'm', 'c', 'k', 'o'] }]);
  });
});
