import type { FramingError } from '../core/errors.js';
import type { Fault } from '../emulator-kit/faults.js';
import type { DeviceModel } from '../emulator-kit/host.js';
import { Framer, type Frame } from '../framing/framer.js';
import { SSC_PROFILES } from './config.js';
import { DEMO_SSC_CARD, SscCardModel, type SscCardData } from './emulator-card.js';
import { APDU_NAMES } from './emulator-names.js';
import { STX_ANY, STX_CMD, STX_SLOT, STX_STATUS } from './stx-reader.js';

/**
 * A reader of the STX/LEN/BCC family (plain or nibble-split) around the
 * same card model as the CCID reader. Device faults as the CCID model:
 * `status`, `nack` (bad-frame status, not executed), 'pull-card',
 * 'unknown-atr', 'mute'.
 */
export class SscStxReaderModel implements DeviceModel {
  readonly profile;
  card: SscCardModel | undefined;
  readonly #framer: Framer;
  #powered = false;

  constructor(framing: 'stx-len-bcc' | 'stx-len-bcc-nibble', card: SscCardData | undefined = DEMO_SSC_CARD) {
    this.profile = SSC_PROFILES[framing];
    this.#framer = new Framer(this.profile);
    this.card = card ? new SscCardModel(card) : undefined;
  }

  /** Removes the card. */
  remove(): void {
    this.card = undefined;
    this.#powered = false;
  }

  /** Names a command: POWER_ON, POWER_OFF, SLOT_STATUS or the APDU's INS name. */
  commandName(frame: Frame): string {
    const cmd = frame.payload[0];
    if (cmd === STX_CMD.powerOn) return 'POWER_ON';
    if (cmd === STX_CMD.powerOff) return 'POWER_OFF';
    if (cmd === STX_CMD.slotStatus) return 'SLOT_STATUS';
    if (cmd === STX_CMD.apdu) return APDU_NAMES[((frame.payload[1] ?? 0) << 8) | (frame.payload[2] ?? 0)] ?? 'APDU';
    return 'UNKNOWN';
  }

  /** A frame it could not decode: CMD FF, bad-frame status. */
  onFramingError(_error: FramingError): Buffer[] {
    return [this.#reply(STX_ANY, STX_STATUS.badFrame)];
  }

  /** Acts on one command frame. */
  handle(frame: Frame, fault: Fault | undefined): Buffer[] {
    const cmd = frame.payload[0] ?? 0;
    if (fault?.kind === 'nack') return [this.#reply(cmd, STX_STATUS.badFrame)];
    const device = fault?.kind === 'device' ? fault.name : undefined;
    if (device === 'pull-card') this.remove();
    const card = this.card;
    if (cmd === STX_CMD.powerOn) {
      if (!card) return [this.#reply(cmd, STX_STATUS.noCard)];
      card.reset();
      this.#powered = true;
      return [this.#reply(cmd, STX_STATUS.ok, device === 'unknown-atr' ? Buffer.of(0x12, 0x34) : card.data.atr)];
    }
    if (cmd === STX_CMD.slotStatus) {
      // Answered from the reader's own state (the *unconfirmed* status command); `status` faults answer that status byte.
      if (fault?.kind === 'status') return [this.#reply(cmd, fault.code & 0xff)];
      const state = !card ? STX_SLOT.absent : this.#powered && device !== 'mute' ? STX_SLOT.active : STX_SLOT.present;
      return [this.#reply(cmd, STX_STATUS.ok, Buffer.of(state))];
    }
    if (cmd === STX_CMD.powerOff) {
      this.#powered = false;
      return [this.#reply(cmd, STX_STATUS.ok)];
    }
    if (cmd !== STX_CMD.apdu) return [this.#reply(cmd, 0x10)];
    if (!card) return [this.#reply(cmd, STX_STATUS.removed)];
    if (!this.#powered || device === 'mute') return [this.#reply(cmd, STX_STATUS.mute)];
    if (fault?.kind === 'status') return [this.#reply(cmd, STX_STATUS.ok, Buffer.of(fault.code >> 8, fault.code & 0xff))];
    return [this.#reply(cmd, STX_STATUS.ok, card.apdu(frame.payload.subarray(1)))];
  }

  #reply(cmd: number, status: number, data: Buffer = Buffer.alloc(0)): Buffer {
    return this.#framer.encode(Buffer.concat([Buffer.of(cmd, status), data]));
  }
}
