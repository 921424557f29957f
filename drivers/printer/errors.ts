import { DriverError, type ErrorDetail } from '../core/errors.js';

/** Printer conditions the UI and operator care about; each has a message key. */
export type PrinterState =
  | 'ready'
  | 'feeder-empty'
  | 'ribbon-ended'
  | 'ribbon-low'
  | 'ribbon-missing'
  | 'ribbon-wrong'
  | 'cover-open'
  | 'jam'
  | 'hopper-full'
  | 'head-hot'
  | 'chip-encoding-failed'
  | 'magnetic-error'
  | 'unknown';

/** i18n keys for operator messages, one per state (the UI owns the texts). */
export const OPERATOR_MESSAGE: Record<PrinterState, string> = {
  ready: 'printer.ready',
  'feeder-empty': 'printer.feederEmpty',
  'ribbon-ended': 'printer.ribbonEnded',
  'ribbon-low': 'printer.ribbonLow',
  'ribbon-missing': 'printer.ribbonMissing',
  'ribbon-wrong': 'printer.ribbonWrong',
  'cover-open': 'printer.coverOpen',
  jam: 'printer.jam',
  'hopper-full': 'printer.hopperFull',
  'head-hot': 'printer.headHot',
  'chip-encoding-failed': 'printer.chipEncodingFailed',
  'magnetic-error': 'printer.magneticError',
  unknown: 'printer.unknown',
};

export type PrinterErrorCode =
  | 'COMMAND_ERROR'
  | 'PARAMETER_ERROR'
  | 'MECHANICAL'
  | 'COVER_OPEN'
  | 'FEEDER'
  | 'RIBBON'
  | 'MAGNETIC'
  | 'BITMAP_LENGTH'
  | 'CHIP_ENCODING_FAILED'
  | 'NOT_READY'
  | 'UNKNOWN_NACK';

/** A printer refusal or failure; `detail.nack` carries the NACK code's char code. */
export class PrinterError extends DriverError<PrinterErrorCode> {
  readonly state: PrinterState;
  constructor(code: PrinterErrorCode, state: PrinterState, detail?: ErrorDetail) {
    super('device', code, detail);
    this.name = 'PrinterError';
    this.state = state;
  }
}

const NACK: Record<string, [PrinterErrorCode, PrinterState]> = {
  '1': ['COMMAND_ERROR', 'unknown'],
  '2': ['PARAMETER_ERROR', 'unknown'],
  T: ['MECHANICAL', 'jam'],
  C: ['COVER_OPEN', 'cover-open'],
  F: ['FEEDER', 'feeder-empty'],
  R: ['RIBBON', 'ribbon-ended'],
  K: ['MAGNETIC', 'magnetic-error'],
  D: ['MAGNETIC', 'magnetic-error'],
  W: ['MAGNETIC', 'magnetic-error'],
};

/** Maps a NACK code character to a typed error and state. */
export function nackToError(code: string): PrinterError {
  const hit = NACK[code];
  const detail = { nack: code.charCodeAt(0) || 0 };
  return hit ? new PrinterError(hit[0], hit[1], detail) : new PrinterError('UNKNOWN_NACK', 'unknown', detail);
}

/** Status tokens answered to `Rlr;p` (our emulator's convention; *unconfirmed* against real firmware strings). */
export const STATUS_TOKENS: Record<string, PrinterState> = {
  OK: 'ready',
  FEEDER_EMPTY: 'feeder-empty',
  RIBBON_END: 'ribbon-ended',
  RIBBON_LOW: 'ribbon-low',
  RIBBON_MISSING: 'ribbon-missing',
  RIBBON_WRONG: 'ribbon-wrong',
  COVER_OPEN: 'cover-open',
  JAM: 'jam',
  HOPPER_FULL: 'hopper-full',
  HEAD_HOT: 'head-hot',
  CHIP_FAIL: 'chip-encoding-failed',
};
