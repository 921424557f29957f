import { randomBytes } from 'node:crypto';
import { encodeGbk } from '../core/gbk.js';
import { retailMac, reloadMacInput } from './mac.js';
import { EF05_TAGS, EF06_TAGS } from './record.js';
import { EF05, EF06, SSSE_AID } from './ssse.js';

/** Test key the emulated card checks reload MACs with (never a production key). */
export const SSC_TEST_MAC_KEY = Buffer.from('404142434445464748494A4B4C4D4E4F', 'hex');

/** What the emulated card holds. Dates are YYYYMMDD. */
export interface SscCardData {
  atr: Buffer;
  cardId: Buffer;
  specVersion: string;
  issueDate: string;
  expiryDate: string;
  cardNumber: string;
  ssn: string;
  name: string;
  sex: '1' | '2';
  birthDate: string;
  pin: string;
  maxTries: number;
  /** GET RESPONSE hands out at most this many bytes before another 61XX (chained responses). */
  responseChunk: number;
  /** Record widths of a card whose layout differs from the spec's (card number 9, SSN 18, name 30 bytes). */
  widths?: { cardNumber?: number; ssn?: number; name?: number };
}

/** A demo card (fictitious person). */
export const DEMO_SSC_CARD: SscCardData = {
  atr: Buffer.from('3B6D000080318065B0872701BC83089000', 'hex'),
  cardId: Buffer.from('110100D15600000500AB12CD34EF5678', 'hex'),
  specVersion: '3.00',
  issueDate: '20200115',
  expiryDate: '20300115',
  cardNumber: 'A00000001',
  ssn: '11010519491231002X',
  name: '张三',
  sex: '1',
  birthDate: '19491231',
  pin: '123456',
  maxTries: 3,
  responseChunk: 256,
};

const sw = (n: number): Buffer => Buffer.of(n >> 8, n & 0xff);

function fixed(text: Buffer, width: number): Buffer {
  const out = Buffer.alloc(width, 0x00);
  text.copy(out, 0, 0, width);
  return out;
}

/**
 * An SSSE card answering APDUs like a T=0 card: SELECT answers 61XX,
 * READ RECORD with a wrong Le answers 6CXX, VERIFY counts tries down to
 * 6983, reload checks the MAC against SSC_TEST_MAC_KEY.
 */
export class SscCardModel {
  readonly data: SscCardData;
  pin: string;
  triesLeft: number;
  #app = false;
  #file: number | undefined;
  #pending: Buffer = Buffer.alloc(0);
  #challenge: Buffer | undefined;

  constructor(data: SscCardData) {
    this.data = data;
    this.pin = data.pin;
    this.triesLeft = data.maxTries;
  }

  /** Forgets selection state (power cycle). */
  reset(): void {
    this.#app = false;
    this.#file = undefined;
    this.#pending = Buffer.alloc(0);
    this.#challenge = undefined;
  }

  #records(): Map<number, Buffer> {
    const d = this.data;
    const m = new Map<number, Buffer>();
    if (this.#file === EF05) {
      m.set(EF05_TAGS.cardId, d.cardId);
      m.set(EF05_TAGS.specVersion, Buffer.from(d.specVersion, 'latin1'));
      m.set(EF05_TAGS.issueDate, Buffer.from(d.issueDate, 'hex'));
      m.set(EF05_TAGS.expiryDate, Buffer.from(d.expiryDate, 'hex'));
      m.set(EF05_TAGS.cardNumber, fixed(Buffer.from(d.cardNumber, 'latin1'), d.widths?.cardNumber ?? 9));
    } else if (this.#file === EF06) {
      m.set(EF06_TAGS.ssn, fixed(Buffer.from(d.ssn, 'latin1'), d.widths?.ssn ?? 18));
      m.set(EF06_TAGS.name, fixed(encodeGbk(d.name), d.widths?.name ?? 30));
      m.set(EF06_TAGS.sex, Buffer.from(d.sex, 'latin1'));
      m.set(EF06_TAGS.birthDate, Buffer.from(d.birthDate, 'hex'));
    }
    return m;
  }

  /** Processes one command APDU and returns response data‖SW; never throws. */
  apdu(cmd: Buffer): Buffer {
    if (cmd.length < 4) return sw(0x6700);
    const [cla, ins, p1, p2] = [cmd[0] ?? 0, cmd[1] ?? 0, cmd[2] ?? 0, cmd[3] ?? 0];
    const lc = cmd.length > 5 ? (cmd[4] ?? 0) : 0;
    const body = cmd.subarray(5, 5 + lc);
    const le = cmd.length === 5 ? (cmd[4] ?? 0) : cmd.length > 5 + lc ? (cmd[5 + lc] ?? 0) : undefined;
    if (ins !== 0xc0) this.#pending = Buffer.alloc(0);
    switch ((cla << 8) | ins) {
      case 0x00a4:
        return this.#select(p1, body);
      case 0x00c0:
        return this.#getResponse(le ?? 0);
      case 0x00b2:
        return this.#readRecord(p1, p2, le);
      case 0x0020:
        return this.#checkPin(body.toString('hex'), () => undefined);
      case 0x805e:
        return p1 === 0x01 ? this.#change(body) : this.#reload(cmd.subarray(0, 5), body);
      case 0x0084:
        this.#challenge = randomBytes(4);
        return Buffer.concat([this.#challenge, sw(0x9000)]);
      default:
        return sw(0x6d00);
    }
  }

  #select(p1: number, body: Buffer): Buffer {
    if (p1 === 0x04) {
      if (!body.equals(SSSE_AID)) return sw(0x6a82);
      this.#app = true;
      this.#file = undefined;
      this.#pending = Buffer.concat([Buffer.of(0x6f, SSSE_AID.length + 2, 0x84, SSSE_AID.length), SSSE_AID]);
      return sw(0x6100 | this.#pending.length);
    }
    const fid = body.length === 2 ? body.readUInt16BE(0) : -1;
    if (!this.#app || (fid !== EF05 && fid !== EF06)) return sw(0x6a82);
    this.#file = fid;
    return sw(0x9000);
  }

  #getResponse(le: number): Buffer {
    if (this.#pending.length === 0) return sw(0x6985);
    const n = Math.min(le === 0 ? 256 : le, this.#pending.length, this.data.responseChunk);
    const out = this.#pending.subarray(0, n);
    this.#pending = this.#pending.subarray(n);
    return Buffer.concat([out, sw(this.#pending.length > 0 ? 0x6100 | Math.min(this.#pending.length, 0xff) : 0x9000)]);
  }

  #readRecord(tag: number, p2: number, le: number | undefined): Buffer {
    if (this.#file === undefined) return sw(0x6985);
    const value = p2 === 0x04 ? this.#records().get(tag) : undefined;
    if (!value) return sw(0x6a83);
    const tlv = Buffer.concat([Buffer.of(tag, value.length), value]);
    if (le === undefined || (le === 0 ? 256 : le) !== tlv.length) return sw(0x6c00 | tlv.length);
    return Buffer.concat([tlv, sw(0x9000)]);
  }

  #checkPin(given: string, onOk: () => void): Buffer {
    if (this.triesLeft === 0) return sw(0x6983);
    if (given !== this.pin) {
      this.triesLeft--;
      return sw(this.triesLeft === 0 ? 0x6983 : 0x63c0 | this.triesLeft);
    }
    this.triesLeft = this.data.maxTries;
    onOk();
    return sw(0x9000);
  }

  #change(body: Buffer): Buffer {
    if (body.length !== 7 || body[3] !== 0xff) return sw(0x6a80);
    const next = body.subarray(4, 7).toString('hex');
    return this.#checkPin(body.subarray(0, 3).toString('hex'), () => (this.pin = next));
  }

  #reload(header: Buffer, body: Buffer): Buffer {
    const challenge = this.#challenge;
    this.#challenge = undefined;
    if (!challenge) return sw(0x6985);
    if (body.length !== 7) return sw(0x6a80);
    const pin = body.subarray(0, 3);
    const { iv, data } = reloadMacInput(challenge, Buffer.concat([header, pin]));
    if (!retailMac(SSC_TEST_MAC_KEY, iv, data).equals(body.subarray(3, 7))) return sw(0x6988);
    this.pin = pin.toString('hex');
    this.triesLeft = this.data.maxTries;
    return sw(0x9000);
  }
}
