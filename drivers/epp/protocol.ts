import { ProtocolError } from '../core/errors.js';
import type { Frame } from '../framing/framer.js';

// PIN pad command set (our design; real pads differ per vendor and sit
// behind this same shape). Frame: eppFrame profile, payload = CMD | DATA.
// Replies: CMD = 0x80 | command, DATA = status | data. Key events arrive
// unsolicited as CMD 0x4B, DATA = kind | digits-entered count: never a digit.
//
// STATUS (0x36, no data) only reads the pad's state: it never ends an
// entry or touches keys, so it is safe to resend and to send at any time
// (heartbeats use it; RESET is not a status query). Reply DATA = one flags
// byte: bit 0 entry in progress (keys being typed), bit 1 PIN entered, its
// block readable with READ_PIN_BLOCK (until RESET, CANCEL or the next
// entry), bit 2 3DES working key loaded, bit 3 AES
// working key loaded; other bits are reserved (0). Idle = bits 0 and 1 clear.

/** Host → pad commands. */
export const EPP_CMD = {
  reset: 0x31,
  loadWorkingKey: 0x32,
  startPinEntry: 0x33,
  readPinBlock: 0x34,
  cancel: 0x35,
  status: 0x36,
} as const;

/** Bits of the STATUS reply's flags byte. */
export const STATUS_FLAG = { entryInProgress: 0x01, pinReady: 0x02, key3des: 0x04, keyAes: 0x08 } as const;

/** The pad's state as STATUS reports it; nothing in it is personal (no digits, no counts). */
export interface PinPadStatus {
  /** No entry running and no PIN block held. */
  idle: boolean;
  /** The resident is typing (START_PIN_ENTRY accepted, ENTER not yet pressed). */
  entryInProgress: boolean;
  /** ENTER was pressed: the PIN block is readable (until RESET, CANCEL or the next entry). */
  pinReady: boolean;
  /** Which working keys are loaded. */
  keyLoaded: { '3des': boolean; aes: boolean };
}

/** Pad → host unsolicited key event. */
export const KEY_EVENT = 0x4b;

/** Key event kinds on the wire. */
export const KEY_KINDS = { 0x01: 'digit', 0x02: 'clear', 0x03: 'cancel', 0x04: 'enter', 0x05: 'timeout' } as const;

export type KeyKind = (typeof KEY_KINDS)[keyof typeof KEY_KINDS];

/** A key press as the host sees it: what kind, and how many digits are now entered. */
export interface KeyEvent {
  kind: KeyKind;
  count: number;
}

/** Working-key algorithms. */
export const ALG = { '3des': 0x01, aes: 0x02 } as const;

/** Decodes a key-event frame; ProtocolError MALFORMED_REPLY for a short frame or unknown kind. */
export function parseKeyEvent(frame: Frame): KeyEvent {
  const kind = KEY_KINDS[(frame.payload[1] ?? 0) as keyof typeof KEY_KINDS] as KeyKind | undefined;
  if (frame.payload[0] !== KEY_EVENT || frame.payload.length < 3 || !kind) throw new ProtocolError('MALFORMED_REPLY', { length: frame.payload.length });
  return { kind, count: frame.payload[2] ?? 0 };
}

/** A decoded reply: status byte and data. */
export interface EppReply {
  cmd: number;
  status: number;
  data: Buffer;
}

/** Decodes a reply frame; ProtocolError MALFORMED_REPLY if it is not a reply or has no status byte. */
export function parseReply(frame: Frame): EppReply {
  if (frame.payload.length < 2 || ((frame.payload[0] ?? 0) & 0x80) === 0) throw new ProtocolError('MALFORMED_REPLY', { length: frame.payload.length });
  return { cmd: (frame.payload[0] ?? 0) & 0x7f, status: frame.payload[1] ?? 0, data: frame.payload.subarray(2) };
}

/** START_PIN_ENTRY data: min, max, timeout (s), format (0 or 4), PAN digits as ASCII; RangeError on bad bounds (a caller bug). */
export function startEntryData(o: { minLength: number; maxLength: number; timeoutSec: number; format: 0 | 4; pan: string }): Buffer {
  if (o.minLength < 4 || o.maxLength > 12 || o.minLength > o.maxLength || o.timeoutSec < 1 || o.timeoutSec > 255) throw new RangeError('PIN entry bounds');
  return Buffer.concat([Buffer.of(o.minLength, o.maxLength, o.timeoutSec, o.format), Buffer.from(o.pan, 'latin1')]);
}

/** Decodes STATUS reply data; ProtocolError MALFORMED_REPLY if the flags byte is missing. */
export function parseStatus(data: Buffer): PinPadStatus {
  const flags = data[0];
  if (flags === undefined) throw new ProtocolError('MALFORMED_REPLY', { length: data.length });
  const entryInProgress = (flags & STATUS_FLAG.entryInProgress) !== 0;
  const pinReady = (flags & STATUS_FLAG.pinReady) !== 0;
  return {
    idle: !entryInProgress && !pinReady,
    entryInProgress,
    pinReady,
    keyLoaded: { '3des': (flags & STATUS_FLAG.key3des) !== 0, aes: (flags & STATUS_FLAG.keyAes) !== 0 },
  };
}
