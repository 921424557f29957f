import type { ApduResponse } from './apdu.js';

/** What the reader says about its slot: a powered card, a card not powered (or mute), or none. */
export type CardPresence = 'present-active' | 'present-inactive' | 'absent';

/** The reader's slot status, asked without touching the card. */
export interface SscReaderStatus {
  card: CardPresence;
}

/**
 * What the SSSE layer needs from a reader, whatever its wire: CCID over
 * serial (ccid-reader.ts) or the STX/LEN/BCC vendor family (stx-reader.ts).
 */
export interface ReaderProtocol {
  /** Powers the card and returns its ATR; CardError NO_CARD / UNKNOWN_ATR, LinkError. */
  powerOn(): Promise<Buffer>;
  /** Powers the card off; LinkError. */
  powerOff(): Promise<void>;
  /** Sends one APDU without chaining; CardError for the reader/card, LinkError for the line. */
  exchangeApdu(apdu: Buffer): Promise<ApduResponse>;
  /** Asks the reader for its slot status; never powers or talks to the card, safe to resend. CardError READER_ERROR, ProtocolError, LinkError. */
  slotStatus(): Promise<CardPresence>;
}

/** Checks an ATR's initial byte: TS must be 3B (direct) or 3F (inverse) and T0 must follow. */
export function isPlausibleAtr(atr: Buffer): boolean {
  return atr.length >= 2 && (atr[0] === 0x3b || atr[0] === 0x3f);
}

/** INS codes whose repetition changes nothing on the card (SELECT, READ BINARY/RECORD, GET RESPONSE, GET DATA). */
const IDEMPOTENT_INS = new Set([0xa4, 0xb0, 0xb2, 0xc0, 0xca]);

/** True if re-sending this APDU after a lost reply is harmless; never for VERIFY, PIN change/reload, GET CHALLENGE. */
export function isIdempotentApdu(apdu: Buffer): boolean {
  return apdu.length >= 2 && (apdu[0] ?? 0) < 0x80 && IDEMPOTENT_INS.has(apdu[1] ?? 0);
}
