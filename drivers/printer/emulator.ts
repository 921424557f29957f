import type { FramingError } from '../core/errors.js';
import type { Fault } from '../emulator-kit/faults.js';
import { EmulatorHost, type DeviceModel } from '../emulator-kit/host.js';
import { MemoryFrontEnd } from '../emulator-kit/memory-front.js';
import { SerialFrontEnd } from '../emulator-kit/serial-front.js';
import type { Frame, FrameDecoder } from '../framing/framer.js';
import { PANEL, PRINTER_PROFILE, PRINTER_SERIAL } from './config.js';
import { ACK, CR, CommandDecoder, NACK } from './protocol.js';

/** The emulated printer's mechanics; tests flip these to create conditions. */
export interface PrinterMechanics {
  cardsInFeeder: number;
  ribbon: 'ymcko' | 'k' | 'ko' | 'missing';
  ribbonPanelsLeft: number;
  coverOpen: boolean;
  jam: boolean;
  hopperFull: boolean;
  headHot: boolean;
  /** Geometry the printer expects panels in (change it to provoke a bitmap length mismatch). */
  geometry: { width: number; height: number };
}

/** What happened to cards, for tests. */
export interface PrinterOutput {
  printed: { front: string[]; back: string[] }[];
  rejected: number;
}

const RIBBON_LOW_AT = 50;

/** An Evolis-style printer model speaking ESC…CR with ACK/NACK replies. */
export class EvolisModel implements DeviceModel {
  readonly profile = PRINTER_PROFILE;
  readonly mech: PrinterMechanics = {
    cardsInFeeder: 100,
    ribbon: 'ymcko',
    ribbonPanelsLeft: 1000,
    coverOpen: false,
    jam: false,
    hopperFull: false,
    headHot: false,
    geometry: { ...PANEL },
  };
  readonly output: PrinterOutput = { printed: [], rejected: 0 };
  #job: { side: 'front' | 'back'; front: string[]; back: string[]; inserted: boolean } | undefined;
  #last = 'OK';

  /** Decoder that knows panel sizes from the printer's own geometry. */
  createDecoder(): FrameDecoder {
    return new CommandDecoder(this.mech.geometry);
  }

  /** Names a command by its mnemonic (`Pr`, `Db`...). */
  commandName(frame: Frame): string {
    return frame.payload.toString('latin1').split(';')[0] ?? 'UNKNOWN';
  }

  /** A panel whose length does not match: NACK 2 (parameter error). */
  onFramingError(error: FramingError): Buffer[] {
    return error.code === 'BAD_LENGTH' ? [this.#nack('2', 'OK')] : [];
  }

  /** Acts on one command. `nack` faults answer NACK with that character code. */
  handle(frame: Frame, fault: Fault | undefined): Buffer[] {
    if (fault?.kind === 'nack') return [this.#nack(String.fromCharCode(fault.code), this.#last)];
    const [name, ...params] = frame.payload.toString('latin1').split(';');
    const m = this.mech;
    switch (name) {
      case 'Pcom':
        return [this.#ack()];
      case 'Rfv':
        return [this.#ack('EMU-1.0.0')];
      case 'Rsn':
        return [this.#ack('EMU000001')];
      case 'Rlr':
        return [this.#ack(this.#statusToken())];
      case 'Sk':
        return [this.#ack(m.cardsInFeeder > 0 ? 'FEEDER_OK' : 'FEEDER_EMPTY')];
      case 'Pr':
        if (m.ribbon === 'missing') return [this.#nack('R', 'RIBBON_MISSING')];
        if (params[0] !== m.ribbon) return [this.#nack('R', 'RIBBON_WRONG')];
        if (m.ribbonPanelsLeft <= 0) return [this.#nack('R', 'RIBBON_END')];
        return [this.#ack()];
      case 'Ss':
        if (m.coverOpen) return [this.#nack('C', 'COVER_OPEN')];
        if (m.cardsInFeeder <= 0) return [this.#nack('F', 'FEEDER_EMPTY')];
        if (m.hopperFull) return [this.#nack('T', 'HOPPER_FULL')];
        if (m.jam) return [this.#nack('T', 'JAM')];
        m.cardsInFeeder--;
        this.#job = { side: 'front', front: [], back: [], inserted: true };
        return [this.#ack()];
      case 'Sis':
        return this.#job ? [this.#ack()] : [this.#nack('1', this.#last)];
      case 'Ser':
        if (this.#job) this.output.rejected++;
        this.#job = undefined;
        this.#last = 'CHIP_FAIL';
        return [this.#ack()];
      case 'Sr':
      case 'Sv':
        if (!this.#job) return [this.#nack('1', this.#last)];
        this.#job.side = name === 'Sr' ? 'front' : 'back';
        return [this.#ack()];
      case 'Db': {
        if (!this.#job) return [this.#nack('1', this.#last)];
        if (m.ribbonPanelsLeft <= 0) return [this.#nack('R', 'RIBBON_END')];
        m.ribbonPanelsLeft--;
        this.#job[this.#job.side].push(params[0] ?? '?');
        return [this.#ack()];
      }
      case 'Se':
        if (!this.#job) return [this.#nack('1', this.#last)];
        if (m.headHot) return [this.#nack('T', 'HEAD_HOT')];
        this.output.printed.push({ front: this.#job.front, back: this.#job.back });
        this.#job = undefined;
        this.#last = 'OK';
        return [this.#ack()];
      default:
        return [this.#nack('1', this.#last)];
    }
  }

  #statusToken(): string {
    const m = this.mech;
    if (m.coverOpen) return 'COVER_OPEN';
    if (m.cardsInFeeder <= 0) return 'FEEDER_EMPTY';
    if (m.ribbon === 'missing') return 'RIBBON_MISSING';
    if (m.ribbonPanelsLeft <= 0) return 'RIBBON_END';
    if (m.jam) return 'JAM';
    if (m.hopperFull) return 'HOPPER_FULL';
    if (m.headHot) return 'HEAD_HOT';
    if (this.#last !== 'OK') return this.#last;
    if (m.ribbonPanelsLeft < RIBBON_LOW_AT) return 'RIBBON_LOW';
    return 'OK';
  }

  #ack(text = ''): Buffer {
    return Buffer.concat([Buffer.of(ACK), Buffer.from(text, 'latin1'), Buffer.of(CR)]);
  }

  #nack(code: string, last: string): Buffer {
    this.#last = last;
    return Buffer.concat([Buffer.of(NACK), Buffer.from(code, 'latin1'), Buffer.of(CR)]);
  }
}

/** A printer emulator on the in-memory front end. */
export function startPrinterMemoryEmulator() {
  const model = new EvolisModel();
  const host = new EmulatorHost(model);
  const front = new MemoryFrontEnd();
  host.attach(front);
  return { model, host, front, transport: front.host };
}

/** A printer emulator on a socat PTY pair. */
export async function startPrinterSerialEmulator(opts: { hostLink: string; deviceLink: string; baudRate?: number; pacing?: boolean }) {
  const model = new EvolisModel();
  const host = new EmulatorHost(model);
  const front = new SerialFrontEnd({ hostLink: opts.hostLink, deviceLink: opts.deviceLink, baudRate: opts.baudRate ?? PRINTER_SERIAL.baudRate, pacing: opts.pacing ?? false });
  await front.start();
  host.attach(front);
  return { model, host, front };
}
