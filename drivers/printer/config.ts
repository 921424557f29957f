import { evolisCommand } from '../framing/profiles.js';

/** Host → printer framing of text commands (`ESC … CR`). Panel data is sized by its command (see protocol.ts). */
export const PRINTER_PROFILE = evolisCommand;

/** Panel geometry at 300 dpi (CR80 card). */
export const PANEL = { width: 648, height: 1016 } as const;

/** Line settings for the serial variant. */
export const PRINTER_SERIAL = { baudRate: 9600 } as const;

export interface PrinterTimeouts {
  /** Text commands. */
  command: number;
  /** Mechanical steps (insert, eject, end of job). */
  mechanical: number;
}

/** Defaults for real hardware. Panel downloads add the line time of their bytes. */
export const PRINTER_TIMEOUTS: PrinterTimeouts = { command: 2000, mechanical: 30000 };
