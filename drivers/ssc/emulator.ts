import type { FramingError } from '../core/errors.js';
import type { Fault } from '../emulator-kit/faults.js';
import { EmulatorHost, type DeviceModel } from '../emulator-kit/host.js';
import { MemoryFrontEnd } from '../emulator-kit/memory-front.js';
import { SerialFrontEnd, type SerialFrontEndOptions } from '../emulator-kit/serial-front.js';
import { Framer, type Frame } from '../framing/framer.js';
import { CCID, ICC_MUTE } from './ccid.js';
import { SSC_PROFILE, SSC_SERIAL } from './config.js';
import { DEMO_SSC_CARD, SscCardModel, type SscCardData } from './emulator-card.js';
import { APDU_NAMES } from './emulator-names.js';
import { SscStxReaderModel } from './emulator-stx.js';
import type { SscFraming } from './config.js';

export { DEMO_SSC_CARD, SSC_TEST_MAC_KEY, type SscCardData } from './emulator-card.js';

const STATUS = {
  accepted: Buffer.from('02000003', 'hex'),
  checksum: Buffer.from('02FFFF03', 'hex'),
  length: Buffer.from('02FEFE03', 'hex'),
  end: Buffer.from('02FDFD03', 'hex'),
  timeout: Buffer.from('02FCFC03', 'hex'),
};
/** `nack` fault codes → reader status frames. */
const NACK = [STATUS.checksum, STATUS.length, STATUS.end, STATUS.timeout];


/**
 * ACS-style CCID serial reader with one card slot. Device faults:
 * `status` (answer this SW instead; on SLOT_STATUS: failed with this bError), `nack` (1..4: reader status frame
 * checksum/length/end/timeout, command not executed), `device`:
 * 'pull-card' (card removed mid-APDU), 'unknown-atr', 'mute'.
 */
export class SscReaderModel implements DeviceModel {
  readonly profile = SSC_PROFILE;
  card: SscCardModel | undefined;
  #framer = new Framer(SSC_PROFILE);
  #powered = false;
  #last: Buffer | undefined;

  constructor(card: SscCardData | undefined = DEMO_SSC_CARD) {
    this.card = card ? new SscCardModel(card) : undefined;
  }

  /** Inserts a card (replacing any). */
  insert(card: SscCardData = DEMO_SSC_CARD): SscCardModel {
    this.card = new SscCardModel(card);
    this.#powered = false;
    return this.card;
  }

  /** Removes the card. */
  remove(): void {
    this.card = undefined;
    this.#powered = false;
  }

  /** Names a command frame: POWER_ON, POWER_OFF, SLOT_STATUS, REPEAT, or the APDU's INS name. */
  commandName(frame: Frame): string {
    const type = frame.header[0];
    if (type === CCID.powerOn) return 'POWER_ON';
    if (type === CCID.powerOff) return 'POWER_OFF';
    if (type === CCID.getSlotStatus) return 'SLOT_STATUS';
    if (type === 0 && frame.payload.length === 0) return 'REPEAT';
    if (type === CCID.xfrBlock) return APDU_NAMES[((frame.payload[0] ?? 0) << 8) | (frame.payload[1] ?? 0)] ?? 'APDU';
    return 'UNKNOWN';
  }

  /** Answers a frame it could not decode with the matching reader status frame. */
  onFramingError(error: FramingError): Buffer[] {
    if (error.code === 'CHECKSUM') return [STATUS.checksum];
    if (error.code === 'BAD_END') return [STATUS.end];
    return [STATUS.length];
  }

  /** Acts on one command frame; returns status frame + reply. */
  handle(frame: Frame, fault: Fault | undefined): Buffer[] {
    const type = frame.header[0] ?? 0;
    const seq = frame.header[6] ?? 0;
    if (type === 0 && frame.payload.length === 0) return this.#last ? [this.#last] : [];
    if (fault?.kind === 'nack') return [NACK[(fault.code - 1) & 3] ?? STATUS.checksum];
    const reply = this.#reply(type, seq, frame.payload, fault);
    this.#last = reply;
    return [STATUS.accepted, reply];
  }

  #reply(type: number, seq: number, payload: Buffer, fault: Fault | undefined): Buffer {
    const device = fault?.kind === 'device' ? fault.name : undefined;
    if (device === 'pull-card') this.remove();
    const card = this.card;
    if (type === CCID.powerOn) {
      if (!card) return this.#msg(CCID.slotStatus, seq, 0x42, ICC_MUTE);
      card.reset();
      this.#powered = true;
      const atr = device === 'unknown-atr' ? Buffer.of(0x12, 0x34) : card.data.atr;
      return this.#msg(CCID.dataBlock, seq, 0x00, 0, atr);
    }
    if (type === CCID.getSlotStatus) {
      // The reader answers from its own state: the card is not addressed. An empty slot as most readers say it (failed, ICC_MUTE).
      if (fault?.kind === 'status') return this.#msg(CCID.slotStatus, seq, 0x40 | (card ? 0x01 : 0x02), fault.code & 0xff);
      if (!card) return this.#msg(CCID.slotStatus, seq, 0x42, ICC_MUTE);
      if (device === 'mute') return this.#msg(CCID.slotStatus, seq, 0x41, ICC_MUTE);
      return this.#msg(CCID.slotStatus, seq, this.#powered ? 0x00 : 0x01, 0);
    }
    if (type === CCID.powerOff) {
      this.#powered = false;
      return this.#msg(CCID.slotStatus, seq, card ? 0x01 : 0x02, 0);
    }
    if (type !== CCID.xfrBlock) return this.#msg(CCID.slotStatus, seq, 0x40, 0x00);
    if (!card) return this.#msg(CCID.dataBlock, seq, 0x42, ICC_MUTE);
    if (!this.#powered || device === 'mute') return this.#msg(CCID.dataBlock, seq, 0x41, ICC_MUTE);
    if (fault?.kind === 'status') return this.#msg(CCID.dataBlock, seq, 0, 0, Buffer.of(fault.code >> 8, fault.code & 0xff));
    return this.#msg(CCID.dataBlock, seq, 0, 0, card.apdu(payload));
  }

  #msg(type: number, seq: number, status: number, error: number, data: Buffer = Buffer.alloc(0)): Buffer {
    return this.#framer.encode(data, Buffer.of(type, 0, 0, 0, 0, 0, seq, status, error, 0));
  }
}

/** Builds the reader model for a wire family around one card. */
export function sscReaderModel(framing: SscFraming = 'ccid', card?: SscCardData): SscReaderModel | SscStxReaderModel {
  return framing === 'ccid' ? new SscReaderModel(card) : new SscStxReaderModel(framing, card);
}

/** An SSC emulator (CCID reader unless told) on the in-memory front end; `transport` is what the driver opens. */
export function startSscMemoryEmulator(card?: SscCardData) {
  const model = new SscReaderModel(card);
  const host = new EmulatorHost(model);
  const front = new MemoryFrontEnd();
  host.attach(front);
  return { model, host, front, transport: front.host };
}

/** An STX-family reader emulator on the in-memory front end. */
export function startSscStxMemoryEmulator(framing: 'stx-len-bcc' | 'stx-len-bcc-nibble', card?: SscCardData) {
  const model = new SscStxReaderModel(framing, card);
  const host = new EmulatorHost(model);
  const front = new MemoryFrontEnd();
  host.attach(front);
  return { model, host, front, transport: front.host };
}

export interface SscSerialEmulatorOptions {
  hostLink: string;
  deviceLink: string;
  baudRate?: number;
  pacing?: boolean;
  card?: SscCardData;
  /** Reader wire family (default 'ccid'). */
  framing?: SscFraming;
  /** Benchmark hook of the serial front end (see SerialFrontEndOptions.trace). */
  trace?: SerialFrontEndOptions['trace'];
}

/** An SSC emulator on a socat PTY pair: the driver opens `hostLink` with the real serialport binding. */
export async function startSscSerialEmulator(opts: SscSerialEmulatorOptions) {
  const model = sscReaderModel(opts.framing, opts.card);
  const host = new EmulatorHost(model);
  const front = new SerialFrontEnd({
    hostLink: opts.hostLink,
    deviceLink: opts.deviceLink,
    baudRate: opts.baudRate ?? SSC_SERIAL.baudRate,
    pacing: opts.pacing ?? false,
    ...(opts.trace ? { trace: opts.trace } : {}),
  });
  await front.start();
  host.attach(front);
  return { model, host, front };
}
