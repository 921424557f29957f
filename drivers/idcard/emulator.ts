import type { FramingError } from '../core/errors.js';
import type { Fault } from '../emulator-kit/faults.js';
import { EmulatorHost, type DeviceModel } from '../emulator-kit/host.js';
import { MemoryFrontEnd } from '../emulator-kit/memory-front.js';
import { SerialFrontEnd } from '../emulator-kit/serial-front.js';
import { Framer, type Frame } from '../framing/framer.js';
import { ID_PROFILE, ID_SERIAL } from './config.js';
import { TEXT_FIELDS } from './record.js';

/** Card content as printed (dates YYYYMMDD, validTo may be 长期). */
export interface IdCardData {
  name: string;
  sex: '1' | '2';
  nation: string;
  birth: string;
  address: string;
  idNumber: string;
  authority: string;
  validFrom: string;
  validTo: string;
  photo: Buffer;
}

/** A demo card (fictitious; the ID number is the GB 11643 standard's example). */
export const DEMO_ID_CARD: IdCardData = {
  name: '李四',
  sex: '2',
  nation: '01',
  birth: '19491231',
  address: '北京市西城区示例路1号',
  idNumber: '11010519491231002X',
  authority: '北京市公安局西城分局',
  validFrom: '20200101',
  validTo: '长期',
  photo: Buffer.alloc(1024, 0x57),
};

/** Encodes card data as the 256-byte UCS-2 LE text block, space padded. */
export function encodeIdText(d: IdCardData): Buffer {
  const values: Record<string, string> = {
    name: d.name,
    sex: d.sex,
    nation: d.nation,
    birth: d.birth,
    address: d.address,
    idNumber: d.idNumber,
    authority: d.authority,
    validFrom: d.validFrom,
    validTo: d.validTo,
    reserved: '',
  };
  return Buffer.concat(TEXT_FIELDS.map(([n, chars]) => Buffer.from((values[n] ?? '').padEnd(chars, ' ').slice(0, chars), 'utf16le')));
}

const NAMES: Record<string, string> = { '2001': 'FIND', '2002': 'SELECT', '3001': 'READ', '10ff': 'RESET', '11ff': 'STATUS', '12ff': 'SAM_ID' };

/**
 * SAM module with one card on the antenna. A read ends the selection, as
 * on the real module: another read needs find and select again (so a
 * driver that resends READ alone after a lost answer gets SW3 41).
 * Device faults: `status` (answer this SW3, nothing done), `device`
 * 'remove-card'.
 */
export class IdSamModel implements DeviceModel {
  readonly profile = ID_PROFILE;
  card: IdCardData | undefined;
  #framer = new Framer(ID_PROFILE);
  #selected = false;

  constructor(card: IdCardData | undefined = DEMO_ID_CARD) {
    this.card = card;
  }

  /** Names a command by CMD PARA. */
  commandName(frame: Frame): string {
    return NAMES[frame.payload.subarray(0, 2).toString('hex')] ?? 'UNKNOWN';
  }

  /** A frame the SAM could not decode: SW3 10 (checksum) or 11 (length). */
  onFramingError(error: FramingError): Buffer[] {
    return [this.#reply(error.code === 'CHECKSUM' ? 0x10 : 0x11)];
  }

  /** Acts on one command. */
  handle(frame: Frame, fault: Fault | undefined): Buffer[] {
    if (fault?.kind === 'device' && fault.name === 'remove-card') {
      this.card = undefined;
      this.#selected = false;
    }
    if (fault?.kind === 'status') return [this.#reply(fault.code)];
    const name = this.commandName(frame);
    switch (name) {
      case 'FIND':
        this.#selected = false;
        return [this.#reply(this.card ? 0x9f : 0x80)];
      case 'SELECT':
        this.#selected = this.card !== undefined;
        return [this.#reply(this.card ? 0x90 : 0x81)];
      case 'READ': {
        if (!this.card || !this.#selected) return [this.#reply(0x41)];
        this.#selected = false;
        const text = encodeIdText(this.card);
        const lens = Buffer.of(text.length >> 8, text.length & 0xff, this.card.photo.length >> 8, this.card.photo.length & 0xff);
        return [this.#reply(0x90, Buffer.concat([lens, text, this.card.photo]))];
      }
      case 'RESET':
      case 'STATUS':
        return [this.#reply(0x90)];
      case 'SAM_ID':
        return [this.#reply(0x90, Buffer.from('0501000020101010000012345678ABCD', 'hex'))];
      default:
        return [this.#reply(0x21)];
    }
  }

  #reply(sw3: number, data: Buffer = Buffer.alloc(0)): Buffer {
    return this.#framer.encode(Buffer.concat([Buffer.of(0, 0, sw3), data]));
  }
}

/** An ID card emulator on the in-memory front end. */
export function startIdMemoryEmulator(card?: IdCardData) {
  const model = new IdSamModel(card);
  const host = new EmulatorHost(model);
  const front = new MemoryFrontEnd();
  host.attach(front);
  return { model, host, front, transport: front.host };
}

/** An ID card emulator on a socat PTY pair (the driver opens `hostLink`). */
export async function startIdSerialEmulator(opts: { hostLink: string; deviceLink: string; baudRate?: number; pacing?: boolean; card?: IdCardData }) {
  const model = new IdSamModel(opts.card);
  const host = new EmulatorHost(model);
  const front = new SerialFrontEnd({
    hostLink: opts.hostLink,
    deviceLink: opts.deviceLink,
    baudRate: opts.baudRate ?? ID_SERIAL.baudRate,
    pacing: opts.pacing ?? false,
  });
  await front.start();
  host.attach(front);
  return { model, host, front };
}
