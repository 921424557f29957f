import { ProtocolError } from '../core/errors.js';
import type { Frame, Framer } from '../framing/framer.js';
import type { Link } from '../link/link.js';
import type { IdTimeouts } from './config.js';
import { sw3ToError } from './errors.js';

/** SAM commands as [CMD, PARA]. */
export const SAM = {
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
  reset: [0x10, 0xff],
  status: [0x11, 0xff],
  samId: [0x12, 0xff],
} as const;

/** SW3 values meaning success per command. */
const OK_SW3 = new Set([0x90, 0x9f]);

/** A decoded SAM answer: status byte and data. */
export interface SamReply {
  sw3: number;
  data: Buffer;
}

/** Splits a SAM answer payload `00 00 SW3 data`; ProtocolError MALFORMED_REPLY if shorter or SW1/SW2 not zero. */
export function parseSamReply(payload: Buffer): SamReply {
  if (payload.length < 3 || payload[0] !== 0 || payload[1] !== 0) throw new ProtocolError('MALFORMED_REPLY', { length: payload.length });
  return { sw3: payload[2] ?? 0, data: payload.subarray(3) };
}

/**
 * The SAM command set over the idSam framing. Commands are read-only, so
 * lost replies are resent, except READ: the module reads once per
 * selection, so a lost READ answer needs find → select → read again
 * (IdCardReader restarts the sequence; `resend: false` here).
 */
export class IdSamProtocol {
  readonly #link: Link;
  readonly #framer: Framer;
  readonly #timeouts: IdTimeouts;

  constructor(link: Link, framer: Framer, timeouts: IdTimeouts) {
    this.#link = link;
    this.#framer = framer;
    this.#timeouts = timeouts;
  }

  /** Sends one command; resolves with its data on success SW3, else IdCardError by SW3, LinkError for the line (TIMEOUT/CORRUPT_REPLY at once when `resend` is false). */
  async command(cmd: readonly [number, number], label: string, data: Buffer = Buffer.alloc(0), resend = true): Promise<Buffer> {
    const timeoutMs = cmd === SAM.readText ? this.#timeouts.read : this.#timeouts.command;
    const opts = { label, timeoutMs, safeToResend: resend, onFrame: (frame: Frame) => ({ kind: 'done' as const, value: parseSamReply(frame.payload) }) };
    const bytes = this.#framer.encode(Buffer.concat([Buffer.from(cmd), data]));
    const reply = await this.#link.exchange(bytes, opts);
    if (!OK_SW3.has(reply.sw3)) {
      if (reply.sw3 === 0x10 || reply.sw3 === 0x11) {
        // The SAM refused our frame before acting on it: one resend is safe.
        const again = await this.#link.exchange(bytes, opts);
        if (OK_SW3.has(again.sw3)) return again.data;
        throw sw3ToError(again.sw3);
      }
      throw sw3ToError(reply.sw3);
    }
    return reply.data;
  }
}
