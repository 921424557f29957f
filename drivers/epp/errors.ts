import { DriverError, type ErrorDetail } from '../core/errors.js';

/** Failures of the encrypting PIN pad, by stable code. */
export type EppErrorCode =
  | 'BAD_COMMAND'
  | 'BAD_PARAMETER'
  | 'KEY_NOT_LOADED'
  | 'KCV_MISMATCH'
  | 'NO_PIN'
  | 'BUSY'
  | 'TAMPERED'
  | 'CANCELLED'
  | 'ENTRY_TIMEOUT'
  | 'UNEXPECTED_STATUS';

/** A PIN pad failure; `detail.status` carries the pad's status byte. */
export class EppError extends DriverError<EppErrorCode> {
  constructor(code: EppErrorCode, detail?: ErrorDetail) {
    super('device', code, detail);
    this.name = 'EppError';
  }
}

const STATUS: Record<number, EppErrorCode> = {
  0x01: 'BAD_COMMAND',
  0x02: 'BAD_PARAMETER',
  0x03: 'KEY_NOT_LOADED',
  0x04: 'KCV_MISMATCH',
  0x05: 'NO_PIN',
  0x06: 'BUSY',
  0x07: 'TAMPERED',
};

/** Maps a non-zero status byte to a typed error. */
export function statusToError(status: number): EppError {
  return new EppError(STATUS[status] ?? 'UNEXPECTED_STATUS', { status });
}
