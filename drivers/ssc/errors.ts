import { DriverError, type ErrorDetail } from '../core/errors.js';

/** Every failure the social-security card reader reports, by stable code. */
export type CardErrorCode =
  // Reader / card presence
  | 'NO_CARD'
  | 'CARD_REMOVED'
  | 'CARD_MUTE'
  | 'UNKNOWN_ATR'
  | 'READER_ERROR'
  // Status words
  | 'PIN_WRONG'
  | 'PIN_BLOCKED'
  | 'REFERENCE_DATA_UNUSABLE'
  | 'SECURITY_NOT_SATISFIED'
  | 'CONDITIONS_NOT_SATISFIED'
  | 'MAC_INVALID'
  | 'FILE_NOT_FOUND'
  | 'RECORD_NOT_FOUND'
  | 'INS_NOT_SUPPORTED'
  | 'CHAINING_FAILED'
  | 'UNEXPECTED_STATUS'
  // Content
  | 'BAD_RECORD'
  | 'BAD_PIN_FORMAT';

/** A card or reader failure; `detail.sw` carries the status word, `detail.triesLeft` the PIN counter. */
export class CardError extends DriverError<CardErrorCode> {
  constructor(code: CardErrorCode, detail?: ErrorDetail) {
    super('device', code, detail);
    this.name = 'CardError';
  }
}

const FIXED: Record<number, CardErrorCode> = {
  0x6983: 'PIN_BLOCKED',
  0x6984: 'REFERENCE_DATA_UNUSABLE',
  0x6982: 'SECURITY_NOT_SATISFIED',
  0x6985: 'CONDITIONS_NOT_SATISFIED',
  0x6988: 'MAC_INVALID',
  0x6a82: 'FILE_NOT_FOUND',
  0x6a83: 'RECORD_NOT_FOUND',
  0x6d00: 'INS_NOT_SUPPORTED',
};

/** Maps a status word other than 9000 to a typed CardError (61XX/6CXX here mean chaining gave up). */
export function swToError(sw: number): CardError {
  const fixed = FIXED[sw];
  if (fixed) return new CardError(fixed, { sw });
  if ((sw & 0xfff0) === 0x63c0) return new CardError('PIN_WRONG', { sw, triesLeft: sw & 0x0f });
  if ((sw & 0xff00) === 0x6100 || (sw & 0xff00) === 0x6c00) return new CardError('CHAINING_FAILED', { sw });
  return new CardError('UNEXPECTED_STATUS', { sw });
}
