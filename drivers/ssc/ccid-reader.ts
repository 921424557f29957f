import type { Framer } from '../framing/framer.js';
import type { Link } from '../link/link.js';
import { parseResponse, type ApduResponse } from './apdu.js';
import { CCID, REPEAT_LAST, ccidFailure, ccidHeader, parseCcidReply, slotPresence, type CcidReply } from './ccid.js';
import { SSC_STATUS_TIMEOUT, type SscTimeouts } from './config.js';
import { CardError } from './errors.js';
import { isIdempotentApdu, isPlausibleAtr, type CardPresence, type ReaderProtocol } from './reader.js';

/**
 * ACS-style CCID over serial. Lost or corrupt replies are recovered with
 * the reader's "repeat last response" request, so no command runs twice.
 * If the repeated answer belongs to the previous command, ours never
 * arrived: idempotent commands (power, SELECT, READ, GET RESPONSE) are
 * then resent; VERIFY and PIN changes are not (a late duplicate could look
 * the same), and end in TIMEOUT, the safe failure.
 */
export class CcidReader implements ReaderProtocol {
  readonly #link: Link;
  readonly #framer: Framer;
  readonly #timeouts: SscTimeouts;
  #seq = 0;
  #lastAnswered = -1;

  constructor(link: Link, framer: Framer, timeouts: SscTimeouts) {
    this.#link = link;
    this.#framer = framer;
    this.#timeouts = timeouts;
  }

  /** Powers the card and returns its ATR; CardError NO_CARD, UNKNOWN_ATR, or a LinkError. */
  async powerOn(): Promise<Buffer> {
    const atr = await this.#command(CCID.powerOn, Buffer.alloc(0), this.#timeouts.powerOn, 'POWER_ON');
    if (!isPlausibleAtr(atr)) throw new CardError('UNKNOWN_ATR', { length: atr.length });
    return atr;
  }

  /** Powers the card off; LinkError if the reader does not answer. */
  async powerOff(): Promise<void> {
    await this.#command(CCID.powerOff, Buffer.alloc(0), this.#timeouts.powerOn, 'POWER_OFF');
  }

  /** Sends one APDU as-is (no chaining); CardError for reader/card failures, LinkError for the line. */
  async exchangeApdu(apdu: Buffer): Promise<ApduResponse> {
    return parseResponse(await this.#command(CCID.xfrBlock, apdu, this.#timeouts.apdu, 'XFR', isIdempotentApdu(apdu)));
  }

  /** GetSlotStatus (65 → 81): the slot's state without powering or addressing the card; resent freely. */
  async slotStatus(): Promise<CardPresence> {
    return this.#exchange(CCID.getSlotStatus, Buffer.alloc(0), this.#timeouts.status ?? SSC_STATUS_TIMEOUT, 'SLOT_STATUS', true, slotPresence);
  }

  async #command(type: number, data: Buffer, timeoutMs: number, label: string, idempotent = true): Promise<Buffer> {
    return this.#exchange(type, data, timeoutMs, label, idempotent, (reply) => {
      const failure = ccidFailure(reply, type === CCID.xfrBlock);
      if (failure) throw failure;
      return reply.data;
    });
  }

  async #exchange<T>(type: number, data: Buffer, timeoutMs: number, label: string, idempotent: boolean, accept: (reply: CcidReply) => T): Promise<T> {
    this.#seq = (this.#seq + 1) & 0xff;
    const seq = this.#seq;
    const bytes = this.#framer.encode(data, ccidHeader(type, seq));
    return this.#link.exchange(bytes, {
      label,
      timeoutMs,
      recover: REPEAT_LAST,
      retries: 3,
      onFrame: (frame) => {
        if (frame.literal !== undefined) return frame.literal === 0 ? { kind: 'wait' } : { kind: 'rejected' };
        const reply = parseCcidReply(frame);
        if (reply.seq !== seq) return idempotent && reply.seq === this.#lastAnswered ? { kind: 'rejected' } : { kind: 'wait' };
        this.#lastAnswered = seq;
        return { kind: 'done', value: accept(reply) };
      },
    });
  }
}
