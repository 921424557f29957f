import type { Fault } from '../emulator-kit/faults.js';
import { EmulatorHost, type DeviceModel } from '../emulator-kit/host.js';
import { MemoryFrontEnd } from '../emulator-kit/memory-front.js';
import { SerialFrontEnd } from '../emulator-kit/serial-front.js';
import { Framer, type Frame } from '../framing/framer.js';
import { EPP_PROFILE, EPP_SERIAL } from './config.js';
import { ecb, format0Encipher, format4Encipher, kcv } from './pinblock.js';
import { ALG, EPP_CMD, KEY_EVENT, STATUS_FLAG } from './protocol.js';

/** Test master keys the emulated pad holds (never production keys). */
export const EPP_TEST_MASTER = {
  '3des': Buffer.from('0123456789ABCDEFFEDCBA9876543210', 'hex'),
  aes: Buffer.from('000102030405060708090A0B0C0D0E0F', 'hex'),
} as const;

/** Encrypts a working key under the test master key and returns what loadWorkingKey needs (for tests). */
export function wrapTestKey(alg: '3des' | 'aes', key: Buffer): { encryptedKey: Buffer; kcv: Buffer } {
  const bs = alg === 'aes' ? 16 : 8;
  const parts: Buffer[] = [];
  for (let i = 0; i < key.length; i += bs) parts.push(ecb(EPP_TEST_MASTER[alg], key.subarray(i, i + bs), alg));
  return { encryptedKey: Buffer.concat(parts), kcv: kcv(key, alg) };
}

const NAMES: Record<number, string> = { 0x31: 'RESET', 0x32: 'LOAD_KEY', 0x33: 'START_ENTRY', 0x34: 'READ_BLOCK', 0x35: 'CANCEL', 0x36: 'STATUS' };
const KIND = { digit: 0x01, clear: 0x02, cancel: 0x03, enter: 0x04, timeout: 0x05 } as const;

interface Entry {
  min: number;
  max: number;
  format: 0 | 4;
  pan: string;
  digits: string;
  done: boolean;
  timer: NodeJS.Timeout;
}

/** An encrypting PIN pad with test master keys; press() simulates the resident's keys. */
export class EppModel implements DeviceModel {
  readonly profile = EPP_PROFILE;
  readonly keys = new Map<'3des' | 'aes', Buffer>();
  #framer = new Framer(EPP_PROFILE);
  #entry: Entry | undefined;
  /** Set by the emulator factory: sends a frame on its own initiative. */
  unsolicited: (bytes: Buffer) => void = () => undefined;

  /** Names a command frame. */
  commandName(frame: Frame): string {
    return NAMES[frame.payload[0] ?? 0] ?? 'UNKNOWN';
  }

  /** Acts on one command; `status` faults answer that status byte. */
  handle(frame: Frame, fault: Fault | undefined): Buffer[] {
    const cmd = frame.payload[0] ?? 0;
    const data = frame.payload.subarray(1);
    if (fault?.kind === 'status' || fault?.kind === 'nack') return [this.#reply(cmd, fault.code)];
    switch (cmd) {
      case EPP_CMD.reset:
        this.#endEntry();
        return [this.#reply(cmd, 0)];
      case EPP_CMD.loadWorkingKey:
        return [this.#reply(cmd, this.#load(data))];
      case EPP_CMD.startPinEntry:
        return [this.#reply(cmd, this.#start(data))];
      case EPP_CMD.readPinBlock: {
        const e = this.#entry;
        if (!e?.done) return [this.#reply(cmd, 0x05)];
        const key = this.keys.get(e.format === 4 ? 'aes' : '3des');
        if (!key) return [this.#reply(cmd, 0x03)];
        const block = e.format === 4 ? format4Encipher(key, e.digits, e.pan) : format0Encipher(key, e.digits, e.pan);
        return [this.#reply(cmd, 0, block)];
      }
      case EPP_CMD.cancel:
        this.#endEntry();
        return [this.#reply(cmd, 0)];
      case EPP_CMD.status:
        return [this.#reply(cmd, 0, Buffer.of(this.#flags()))];
      default:
        return [this.#reply(cmd, 0x01)];
    }
  }

  /** The resident presses a key: '0'-'9', 'clear', 'cancel' or 'enter'. Ignored outside an entry. */
  press(key: string): void {
    const e = this.#entry;
    if (!e || e.done) return;
    if (/^\d$/.test(key)) {
      if (e.digits.length >= e.max) return;
      e.digits += key;
      this.#event(KIND.digit, e.digits.length);
    } else if (key === 'clear') {
      e.digits = '';
      this.#event(KIND.clear, 0);
    } else if (key === 'cancel') {
      this.#endEntry();
      this.#event(KIND.cancel, 0);
    } else if (key === 'enter' && e.digits.length >= e.min) {
      e.done = true;
      clearTimeout(e.timer);
      this.#event(KIND.enter, e.digits.length);
    }
  }

  /** Makes the pad's entry timeout fire now. */
  expire(): void {
    if (!this.#entry || this.#entry.done) return;
    this.#endEntry();
    this.#event(KIND.timeout, 0);
  }

  /** STATUS flags from the pad's state; reading them changes nothing. */
  #flags(): number {
    const e = this.#entry;
    let f = 0;
    if (e && !e.done) f |= STATUS_FLAG.entryInProgress;
    if (e?.done === true) f |= STATUS_FLAG.pinReady;
    if (this.keys.has('3des')) f |= STATUS_FLAG.key3des;
    if (this.keys.has('aes')) f |= STATUS_FLAG.keyAes;
    return f;
  }

  #load(data: Buffer): number {
    const algByte = data[1];
    const len = data[2] ?? 0;
    const alg = algByte === ALG.aes ? 'aes' : algByte === ALG['3des'] ? '3des' : undefined;
    if (!alg || data.length !== 3 + len + 3 || len % (alg === 'aes' ? 16 : 8) !== 0 || len === 0) return 0x02;
    const enc = data.subarray(3, 3 + len);
    const bs = alg === 'aes' ? 16 : 8;
    const parts: Buffer[] = [];
    for (let i = 0; i < enc.length; i += bs) parts.push(ecb(EPP_TEST_MASTER[alg], enc.subarray(i, i + bs), alg, true));
    const key = Buffer.concat(parts);
    if (![16, 24, 32].includes(key.length) || (alg === '3des' && key.length === 32)) return 0x02;
    if (!kcv(key, alg).equals(data.subarray(3 + len))) return 0x04;
    this.keys.set(alg, key);
    return 0;
  }

  #start(data: Buffer): number {
    if (data.length < 4) return 0x02;
    const [min, max, timeoutSec, format] = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0, data[3] ?? 0];
    const pan = data.subarray(4).toString('latin1');
    if ((format !== 0 && format !== 4) || min < 4 || max > 12 || min > max || !/^\d{13,19}$/.test(pan)) return 0x02;
    if (!this.keys.has(format === 4 ? 'aes' : '3des')) return 0x03;
    if (this.#entry && !this.#entry.done) return 0x06;
    this.#endEntry();
    const timer = setTimeout(() => this.expire(), timeoutSec * 1000);
    timer.unref();
    this.#entry = { min, max, format, pan, digits: '', done: false, timer };
    return 0;
  }

  #endEntry(): void {
    if (this.#entry) clearTimeout(this.#entry.timer);
    this.#entry = undefined;
  }

  #event(kind: number, count: number): void {
    this.unsolicited(this.#framer.encode(Buffer.of(KEY_EVENT, kind, count)));
  }

  #reply(cmd: number, status: number, data: Buffer = Buffer.alloc(0)): Buffer {
    return this.#framer.encode(Buffer.concat([Buffer.of(0x80 | cmd, status), data]));
  }
}

function wire(model: EppModel, host: EmulatorHost) {
  model.unsolicited = (b) => host.sendUnsolicited(b);
  return {
    /** Types digits then presses ENTER, like a resident. */
    type: (keys: string[]) => keys.forEach((k) => model.press(k)),
  };
}

/** A PIN pad emulator on the in-memory front end. */
export function startEppMemoryEmulator() {
  const model = new EppModel();
  const host = new EmulatorHost(model);
  const front = new MemoryFrontEnd();
  host.attach(front);
  return { model, host, front, transport: front.host, ...wire(model, host) };
}

/** A PIN pad emulator on a socat PTY pair. */
export async function startEppSerialEmulator(opts: { hostLink: string; deviceLink: string; baudRate?: number; pacing?: boolean }) {
  const model = new EppModel();
  const host = new EmulatorHost(model);
  const front = new SerialFrontEnd({ hostLink: opts.hostLink, deviceLink: opts.deviceLink, baudRate: opts.baudRate ?? EPP_SERIAL.baudRate, pacing: opts.pacing ?? false });
  await front.start();
  host.attach(front);
  return { model, host, front, ...wire(model, host) };
}
