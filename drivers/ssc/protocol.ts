import type { Framer } from '../framing/framer.js';
import type { Link } from '../link/link.js';
import { buildApdu, parseResponse, withLe, type ApduResponse } from './apdu.js';
import { CCID, REPEAT_LAST, ccidFailure, ccidHeader, parseCcidReply } from './ccid.js';
import type { SscTimeouts } from './config.js';
import { CardError, swToError } from './errors.js';

const MAX_CHAIN = 32;

/**
 * The reader command set: power on/off and APDU exchange over CCID frames,
 * with T=0 chaining (61XX → GET RESPONSE, 6CXX → resend with Le).
 * Lost or corrupt replies are recovered with the reader's "repeat last
 * response" request, never by executing a command twice.
 */
export class SscReaderProtocol {
  readonly #link: Link;
  readonly #framer: Framer;
  readonly #timeouts: SscTimeouts;
  #seq = 0;

  constructor(link: Link, framer: Framer, timeouts: SscTimeouts) {
    this.#link = link;
    this.#framer = framer;
    this.#timeouts = timeouts;
  }

  /** Powers the card and returns its ATR; CardError NO_CARD, UNKNOWN_ATR, or a LinkError. */
  async powerOn(): Promise<Buffer> {
    const atr = await this.#command(CCID.powerOn, Buffer.alloc(0), this.#timeouts.powerOn, 'POWER_ON');
    // TS must be 3B (direct) or 3F (inverse convention) and T0 must follow.
    if (atr.length < 2 || (atr[0] !== 0x3b && atr[0] !== 0x3f)) throw new CardError('UNKNOWN_ATR', { length: atr.length });
    return atr;
  }

  /** Powers the card off; LinkError if the reader does not answer. */
  async powerOff(): Promise<void> {
    await this.#command(CCID.powerOff, Buffer.alloc(0), this.#timeouts.powerOn, 'POWER_OFF');
  }

  /** Sends one APDU as-is (no chaining); CardError for reader/card failures, LinkError for the line. */
  async exchangeApdu(apdu: Buffer): Promise<ApduResponse> {
    return parseResponse(await this.#command(CCID.xfrBlock, apdu, this.#timeouts.apdu, 'XFR'));
  }

  /** Sends an APDU and follows 61XX/6CXX to the final response; CardError CHAINING_FAILED if it never ends. */
  async transmit(apdu: Buffer): Promise<ApduResponse> {
    let resp = await this.exchangeApdu(apdu);
    const parts: Buffer[] = [];
    for (let i = 0; i < MAX_CHAIN; i++) {
      const sw1 = resp.sw >> 8;
      const xx = resp.sw & 0xff;
      if (sw1 === 0x61) {
        parts.push(resp.data);
        resp = await this.exchangeApdu(buildApdu({ cla: 0x00, ins: 0xc0, p1: 0, p2: 0, le: xx === 0 ? 256 : xx }));
      } else if (sw1 === 0x6c) {
        resp = await this.exchangeApdu(withLe(apdu, xx));
      } else {
        return { data: Buffer.concat([...parts, resp.data]), sw: resp.sw };
      }
    }
    throw swToError(resp.sw);
  }

  /** Like transmit, but any status other than 9000 becomes a typed CardError. */
  async transmitOk(apdu: Buffer): Promise<Buffer> {
    const r = await this.transmit(apdu);
    if (r.sw !== 0x9000) throw swToError(r.sw);
    return r.data;
  }

  async #command(type: number, data: Buffer, timeoutMs: number, label: string): Promise<Buffer> {
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
        if (reply.seq !== seq) return { kind: 'wait' };
        const failure = ccidFailure(reply, type === CCID.xfrBlock);
        return failure ? { kind: 'fail', error: failure } : { kind: 'done', value: reply.data };
      },
    });
  }
}
