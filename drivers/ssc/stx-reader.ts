import { ProtocolError } from '../core/errors.js';
import type { Framer } from '../framing/framer.js';
import type { Link } from '../link/link.js';
import { parseResponse, type ApduResponse } from './apdu.js';
import { SSC_RECOVERY, SSC_STATUS_TIMEOUT, type SscTimeouts } from './config.js';
import { CardError } from './errors.js';
import { isIdempotentApdu, isPlausibleAtr, type CardPresence, type ReaderProtocol } from './reader.js';

// Generic command set for the STX/LEN/CMD/DATA/BCC/ETX reader family
// (*unconfirmed*: vendors differ in command codes; this is the common
// shape seen in public code). Payload = CMD | DATA; reply = CMD | STATUS | DATA.
// The slot status command (44, reply DATA = one byte 00 card powered /
// 01 card present, not powered / 02 no card, the CCID bmICCStatus values)
// is *unconfirmed* too: DEVICES.md names no STX command codes at all.

/** Commands of the STX reader family (all *unconfirmed*, see above). */
export const STX_CMD = { powerOn: 0x41, powerOff: 0x42, apdu: 0x43, slotStatus: 0x44 } as const;

/** Slot states in the reply DATA of STX_CMD.slotStatus (*unconfirmed*). */
export const STX_SLOT = { active: 0x00, present: 0x01, absent: 0x02 } as const;

/** CMD byte of a reply to a frame the reader could not decode. */
export const STX_ANY = 0xff;

/** Reply status bytes. */
export const STX_STATUS = { ok: 0x00, noCard: 0x01, mute: 0x02, removed: 0x03, badFrame: 0x04 } as const;

/**
 * A reader of the STX/LEN/BCC family (plain or nibble-split framing). It
 * neither acknowledges commands nor repeats its last answer, so a lost
 * command or reply costs one timeout; then only idempotent APDUs are
 * resent, VERIFY and PIN changes fail with TIMEOUT. No exchange takes
 * longer than its timeout plus the recovery allowance.
 */
export class StxReader implements ReaderProtocol {
  readonly #link: Link;
  readonly #framer: Framer;
  readonly #timeouts: SscTimeouts;

  constructor(link: Link, framer: Framer, timeouts: SscTimeouts) {
    this.#link = link;
    this.#framer = framer;
    this.#timeouts = timeouts;
  }

  /** Powers the card and returns its ATR; CardError NO_CARD, UNKNOWN_ATR, or a LinkError. */
  async powerOn(): Promise<Buffer> {
    const atr = await this.#command(STX_CMD.powerOn, Buffer.alloc(0), this.#timeouts.powerOn, true, false);
    if (!isPlausibleAtr(atr)) throw new CardError('UNKNOWN_ATR', { length: atr.length });
    return atr;
  }

  /** Powers the card off; LinkError if the reader does not answer. */
  async powerOff(): Promise<void> {
    await this.#command(STX_CMD.powerOff, Buffer.alloc(0), this.#timeouts.powerOn, true, false);
  }

  /** Sends one APDU (no chaining); resent after a lost reply only if idempotent. */
  async exchangeApdu(apdu: Buffer): Promise<ApduResponse> {
    return parseResponse(await this.#command(STX_CMD.apdu, apdu, this.#timeouts.apdu, isIdempotentApdu(apdu), true));
  }

  /** Slot status (*unconfirmed* command 44): never touches the card, resent freely; a no-card status means absent. */
  async slotStatus(): Promise<CardPresence> {
    let data: Buffer;
    try {
      data = await this.#command(STX_CMD.slotStatus, Buffer.alloc(0), this.#timeouts.status ?? SSC_STATUS_TIMEOUT, true, false);
    } catch (e) {
      if (e instanceof CardError && e.code === 'NO_CARD') return 'absent';
      throw e;
    }
    const state = data[0];
    if (state === STX_SLOT.active) return 'present-active';
    if (state === STX_SLOT.present) return 'present-inactive';
    if (state === STX_SLOT.absent) return 'absent';
    throw new ProtocolError('MALFORMED_REPLY', { length: data.length });
  }

  async #command(cmd: number, data: Buffer, timeoutMs: number, safeToResend: boolean, duringApdu: boolean): Promise<Buffer> {
    return this.#link.exchange(this.#framer.encode(Buffer.concat([Buffer.of(cmd), data])), {
      label: `STX_${cmd.toString(16)}`,
      timeoutMs,
      safeToResend,
      budgetMs: timeoutMs + (this.#timeouts.recovery ?? SSC_RECOVERY),
      onFrame: (frame) => {
        // A frame the reader could not decode is answered with CMD FF, status badFrame: it did not act on it.
        if (frame.payload[0] === STX_ANY && frame.payload[1] === STX_STATUS.badFrame) return { kind: 'rejected' };
        if (frame.payload[0] !== cmd || frame.payload.length < 2) return { kind: 'wait' };
        const status = frame.payload[1] ?? 0;
        if (status === STX_STATUS.ok) return { kind: 'done', value: frame.payload.subarray(2) };
        if (status === STX_STATUS.badFrame) return { kind: 'rejected' };
        if (status === STX_STATUS.noCard || status === STX_STATUS.removed) {
          return { kind: 'fail', error: new CardError(duringApdu ? 'CARD_REMOVED' : 'NO_CARD') };
        }
        if (status === STX_STATUS.mute) return { kind: 'fail', error: new CardError('CARD_MUTE') };
        return { kind: 'fail', error: new CardError('READER_ERROR', { error: status }) };
      },
    });
  }
}
