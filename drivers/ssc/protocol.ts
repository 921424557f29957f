import { buildApdu, withLe, type ApduResponse } from './apdu.js';
import { swToError } from './errors.js';
import type { CardPresence, ReaderProtocol } from './reader.js';

const MAX_CHAIN = 32;

/**
 * The APDU channel to the card through any reader: T=0 chaining
 * (61XX → GET RESPONSE, 6CXX → resend with Le = XX), and status words
 * turned into typed CardErrors.
 */
export class SscReaderProtocol {
  readonly #reader: ReaderProtocol;

  constructor(reader: ReaderProtocol) {
    this.#reader = reader;
  }

  /** Powers the card and returns its ATR; CardError NO_CARD, UNKNOWN_ATR, or a LinkError. */
  powerOn(): Promise<Buffer> {
    return this.#reader.powerOn();
  }

  /** Powers the card off; LinkError if the reader does not answer. */
  powerOff(): Promise<void> {
    return this.#reader.powerOff();
  }

  /** Asks the reader for its slot status without touching the card. */
  slotStatus(): Promise<CardPresence> {
    return this.#reader.slotStatus();
  }

  /** Sends one APDU as-is (no chaining); CardError for reader/card failures, LinkError for the line. */
  exchangeApdu(apdu: Buffer): Promise<ApduResponse> {
    return this.#reader.exchangeApdu(apdu);
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
}
