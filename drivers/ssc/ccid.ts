import { ProtocolError } from '../core/errors.js';
import type { Frame } from '../framing/framer.js';
import { CardError } from './errors.js';
import type { CardPresence } from './reader.js';

/** CCID message types used over the serial link. */
export const CCID = {
  powerOn: 0x62,
  powerOff: 0x63,
  xfrBlock: 0x6f,
  /** PC_to_RDR_GetSlotStatus: answered by RDR_to_PC_SlotStatus (81) without touching the card. */
  getSlotStatus: 0x65,
  dataBlock: 0x80,
  slotStatus: 0x81,
} as const;

/** Reader status frames (literal indexes in the ccid-serial profile). */
export const READER_STATUS = ['accepted', 'checksum', 'length', 'end', 'timeout'] as const;

/** Builds the 10-byte CCID header (dwLength is filled in by the framer). */
export function ccidHeader(type: number, seq: number, slot = 0, params: [number, number, number] = [0, 0, 0]): Buffer {
  return Buffer.from([type, 0, 0, 0, 0, slot, seq & 0xff, ...params]);
}

/** A decoded RDR_to_PC message. */
export interface CcidReply {
  type: number;
  seq: number;
  /** 0 active, 1 present but inactive, 2 no card. */
  iccStatus: number;
  /** 0 ok, 1 failed, 2 time extension. */
  commandStatus: number;
  error: number;
  data: Buffer;
}

/** Parses a reader reply frame; ProtocolError for unknown message types. */
export function parseCcidReply(frame: Frame): CcidReply {
  const h = frame.header;
  const type = h[0] ?? 0;
  if (type !== CCID.dataBlock && type !== CCID.slotStatus) throw new ProtocolError('UNEXPECTED_REPLY', { type });
  const status = h[7] ?? 0;
  return { type, seq: h[6] ?? 0, iccStatus: status & 0x03, commandStatus: (status >> 6) & 0x03, error: h[8] ?? 0, data: frame.payload };
}

/** bError value for "card did not answer" (removed or mute). */
export const ICC_MUTE = 0xfe;

/**
 * Reads the slot state out of an RDR_to_PC_SlotStatus reply. bmICCStatus
 * 0/1/2 = active/present/absent. Readers report an empty or mute slot
 * either as "processed" or as "failed" with bError ICC_MUTE (libccid
 * accepts both), so only another bError is a READER_ERROR.
 * ProtocolError UNEXPECTED_REPLY for a data block, MALFORMED_REPLY for bmICCStatus 3 (RFU).
 */
export function slotPresence(r: CcidReply): CardPresence {
  if (r.type !== CCID.slotStatus) throw new ProtocolError('UNEXPECTED_REPLY', { type: r.type });
  if (r.iccStatus === 2) return 'absent';
  if (r.commandStatus === 1) {
    // A card that is there but does not answer is present, not active.
    if (r.error === ICC_MUTE) return 'present-inactive';
    throw new CardError('READER_ERROR', { error: r.error });
  }
  if (r.iccStatus === 0) return 'present-active';
  if (r.iccStatus === 1) return 'present-inactive';
  throw new ProtocolError('MALFORMED_REPLY', { iccStatus: r.iccStatus });
}

/** Turns a failed CCID reply into a CardError: no card, card pulled during an APDU, mute card, or reader error code. */
export function ccidFailure(r: CcidReply, duringApdu: boolean): CardError | undefined {
  if (r.iccStatus === 2) return new CardError(duringApdu ? 'CARD_REMOVED' : 'NO_CARD');
  if (r.commandStatus === 1) return r.error === ICC_MUTE ? new CardError('CARD_MUTE') : new CardError('READER_ERROR', { error: r.error });
  return undefined;
}

/** The "repeat your last response" request: 02 + eleven zero bytes + 03. */
export const REPEAT_LAST = Buffer.from([0x02, ...new Array<number>(11).fill(0), 0x03]);
