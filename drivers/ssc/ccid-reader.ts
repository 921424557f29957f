import type { Framer } from '../framing/framer.js';
import type { Link } from '../link/link.js';
import { parseResponse, type ApduResponse } from './apdu.js';
import { CCID, REPEAT_LAST, ccidFailure, ccidHeader, parseCcidReply, slotPresence, type CcidReply } from './ccid.js';
import { SSC_ACK_TIMEOUT, SSC_RECOVERY, SSC_SERIAL, SSC_STATUS_TIMEOUT, type SscTimeouts } from './config.js';
import { CardError } from './errors.js';
import { isIdempotentApdu, isPlausibleAtr, type CardPresence, type ReaderProtocol } from './reader.js';

/**
 * ACS-style CCID over serial. The reader acknowledges every command with
 * an "accepted" status frame: a command with no acknowledgement in time
 * (ack allowance + its wire time) was lost on the way in, and idempotent
 * commands (power, slot status, SELECT, READ, GET RESPONSE) are resent at
 * once. Lost or corrupt replies are recovered with the reader's "repeat
 * last response" request, so no command runs twice; if the repeated answer
 * belongs to the previous command (or the reader has nothing to repeat),
 * ours never arrived: idempotent commands are resent, VERIFY and PIN
 * changes are not (a late duplicate could look the same) and end in
 * TIMEOUT, the safe failure. No exchange takes longer than its timeout
 * plus the ack and recovery allowances.
 */
export class CcidReader implements ReaderProtocol {
  readonly #link: Link;
  readonly #framer: Framer;
  readonly #timeouts: SscTimeouts;
  readonly #byteMs: number;
  #seq = 0;
  #lastAnswered = -1;

  /** `lineBaud` sizes the acknowledgement and recovery timers by wire time (10 bits a byte). */
  constructor(link: Link, framer: Framer, timeouts: SscTimeouts, lineBaud: number = SSC_SERIAL.baudRate) {
    this.#link = link;
    this.#framer = framer;
    this.#timeouts = timeouts;
    this.#byteMs = 10_000 / lineBaud;
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
    const ack = this.#timeouts.ack ?? SSC_ACK_TIMEOUT;
    // The "accepted" frame follows the command's last byte on the wire, and takes 4 bytes itself.
    const ackTimeoutMs = ack > 0 ? ack + (bytes.length + 4) * this.#byteMs : undefined;
    // A repeat is answered by the reader alone: its allowance plus the longest answer's wire time.
    const recoverTimeoutMs = (ack > 0 ? ack : SSC_ACK_TIMEOUT) + (REPEAT_LAST.length + this.#framer.profile.maxFrame) * this.#byteMs;
    return this.#link.exchange(bytes, {
      label,
      timeoutMs,
      recover: REPEAT_LAST,
      safeToResend: idempotent,
      retries: 3,
      ...(ackTimeoutMs === undefined ? {} : { ackTimeoutMs }),
      recoverTimeoutMs,
      budgetMs: (ackTimeoutMs ?? 0) + timeoutMs + (this.#timeouts.recovery ?? SSC_RECOVERY),
      onFrame: (frame, { recovering }) => {
        if (frame.literal !== undefined) return frame.literal === 0 ? { kind: 'ack' } : { kind: 'rejected' };
        const reply = parseCcidReply(frame);
        // Asked to repeat, the reader sent the answer we already had: it never got our command.
        if (reply.seq !== seq) return recovering && reply.seq === this.#lastAnswered ? { kind: 'lost' } : { kind: 'wait' };
        this.#lastAnswered = seq;
        return { kind: 'done', value: accept(reply) };
      },
    });
  }
}
