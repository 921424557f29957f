import type { Result } from '../core/errors.js';
import type { PrinterState } from './errors.js';

/** Panels of one card side, each a packed bitmap at its bits per pixel. */
export interface SidePanels {
  y?: Uint8Array;
  m?: Uint8Array;
  c?: Uint8Array;
  k?: Uint8Array;
  o?: Uint8Array;
}

/** One card to print: ribbon, panels per side and an optional chip-encoding step. */
export interface PrintJob {
  ribbon: 'ymcko' | 'k' | 'ko';
  /** Db levels for colour panels (y, m, c): 32/64/128 = 5/6/7 bits per dot; k and o are always 2 levels (1 bit). */
  colourLevels?: 32 | 64 | 128;
  front: SidePanels;
  back?: SidePanels;
  /** Runs with the card at the chip station; false or a throw sends the card to the reject box. */
  encodeChip?: () => Promise<boolean>;
}

/** What the printer reports about itself. */
export interface PrinterStatus {
  state: PrinterState;
  /** i18n key for the operator message. */
  messageKey: string;
}

/**
 * A card printer, whatever the wire: the Evolis-style driver implements it,
 * and an SDK adapter (Zebra, Entrust: no public wire protocol) can too.
 */
export interface CardPrinter {
  open(): Promise<Result<void>>;
  close(): Promise<void>;
  status(): Promise<Result<PrinterStatus>>;
  printCard(job: PrintJob): Promise<Result<void>>;
}
