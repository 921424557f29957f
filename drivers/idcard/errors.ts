import { DriverError, type ErrorDetail } from '../core/errors.js';

/** Failures of the resident ID card reader, by stable code. */
export type IdCardErrorCode =
  | 'NO_CARD'
  | 'SELECT_FAILED'
  | 'CHECKSUM_REJECTED'
  | 'LENGTH_REJECTED'
  | 'UNKNOWN_COMMAND'
  | 'READ_FAILED'
  | 'UNAUTHORISED'
  | 'UNEXPECTED_STATUS'
  | 'BAD_RECORD'
  | 'BAD_ID_NUMBER';

/** An ID card or SAM failure; `detail.sw3` carries the SAM status byte. */
export class IdCardError extends DriverError<IdCardErrorCode> {
  constructor(code: IdCardErrorCode, detail?: ErrorDetail) {
    super('device', code, detail);
    this.name = 'IdCardError';
  }
}

const SW3: Record<number, IdCardErrorCode> = {
  0x10: 'CHECKSUM_REJECTED',
  0x11: 'LENGTH_REJECTED',
  0x21: 'UNKNOWN_COMMAND',
  0x41: 'READ_FAILED',
  0x66: 'UNAUTHORISED',
  0x80: 'NO_CARD',
  0x81: 'SELECT_FAILED',
};

/** Maps a SAM status byte (SW3) other than success to a typed error. */
export function sw3ToError(sw3: number): IdCardError {
  return new IdCardError(SW3[sw3] ?? 'UNEXPECTED_STATUS', { sw3 });
}
