import { FramingError, ProtocolError } from '../core/errors.js';
import type { Frame, FrameDecoder, FramerOutput } from '../framing/framer.js';
import { PANEL } from './config.js';

// Evolis-style escapes (public programming guide): `ESC cmd;param;… CR`.
// With `Pcom;…;ACK/NACK` on, each reply is ACK [text] CR or NACK code CR
// (the trailing CR and ACK text for read commands are our reading of the
// guide: *unconfirmed*). Panel data (`Db;panel;bpp;data`) is binary and
// sized by panel geometry, so it is never delimited by searching for CR.

export const ESC = 0x1b;
export const CR = 0x0d;
export const ACK = 0x06;
export const NACK = 0x15;

/**
 * Bytes of one panel for the Db `levels` parameter (2 = 1 bit per dot,
 * 32/64/128 = 5/6/7 bits); 648×1016 at 2 levels is 82,296 bytes. Returns
 * NaN for a levels value that is not a power of two.
 */
export function panelBytes(levels: number, geometry: { width: number; height: number } = PANEL): number {
  const bits = Math.log2(levels);
  if (!Number.isInteger(bits) || bits < 1) return Number.NaN;
  return Math.ceil((geometry.width * geometry.height * bits) / 8);
}

/** Encodes a text command, e.g. command('Pr', 'ymcko'); never fails. */
export function command(name: string, ...params: string[]): Buffer {
  return Buffer.concat([Buffer.of(ESC), Buffer.from([name, ...params].join(';'), 'latin1'), Buffer.of(CR)]);
}

/** Encodes a panel download `ESC Db;panel;levels;<data> CR`; never fails. */
export function panelCommand(panel: string, levels: number, data: Uint8Array): Buffer {
  return Buffer.concat([Buffer.of(ESC), Buffer.from(`Db;${panel};${levels};`, 'latin1'), data, Buffer.of(CR)]);
}

/** A decoded printer reply: ACK with optional text, or NACK with its code character. */
export type PrinterReply = { kind: 'ack'; text: string } | { kind: 'nack'; code: string };

/** Reads a reply frame produced by ReplyDecoder; ProtocolError for anything else. */
export function parseReply(frame: Frame): PrinterReply {
  const p = frame.payload;
  if (p[0] === ACK) return { kind: 'ack', text: p.subarray(1).toString('latin1') };
  if (p[0] === NACK && p.length >= 2) return { kind: 'nack', code: String.fromCharCode(p[1] ?? 0) };
  throw new ProtocolError('MALFORMED_REPLY', { length: p.length });
}

/** Printer → host decoder: frames are `ACK … CR` or `NACK code CR`; other bytes are garbage. Never throws. */
export class ReplyDecoder implements FrameDecoder {
  #buf = Buffer.alloc(0);
  readonly #max: number;

  constructor(maxReply = 256) {
    this.#max = maxReply;
  }

  /** Feeds bytes; returns completed replies and garbage reports. */
  push(chunk: Uint8Array): FramerOutput[] {
    this.#buf = Buffer.concat([this.#buf, chunk]);
    const out: FramerOutput[] = [];
    for (;;) {
      let start = 0;
      while (start < this.#buf.length && this.#buf[start] !== ACK && this.#buf[start] !== NACK) start++;
      if (start > 0) out.push({ type: 'error', error: new FramingError('GARBAGE', { dropped: start }) });
      this.#buf = this.#buf.subarray(start);
      const end = this.#buf.indexOf(CR);
      if (end < 0) {
        if (this.#buf.length > this.#max) {
          out.push({ type: 'error', error: new FramingError('TOO_LONG') });
          this.#buf = this.#buf.subarray(1);
          continue;
        }
        break;
      }
      const raw = Buffer.from(this.#buf.subarray(0, end + 1));
      this.#buf = this.#buf.subarray(end + 1);
      out.push({ type: 'frame', frame: { header: Buffer.alloc(0), payload: raw.subarray(0, raw.length - 1), raw } });
    }
    this.#buf = Buffer.from(this.#buf);
    return out;
  }

  /** Drops a partial reply. */
  reset(): void {
    this.#buf = Buffer.alloc(0);
  }
}

/**
 * Host → printer decoder (emulator side): `ESC text CR`, except `Db;p;bpp;`
 * which is followed by exactly panelBytes(bpp) bytes and CR. A panel whose
 * CR is not where its length says yields a BAD_LENGTH error (bitmap length
 * mismatch). Never throws.
 */
export class CommandDecoder implements FrameDecoder {
  #buf = Buffer.alloc(0);
  readonly #geometry: { width: number; height: number };

  constructor(geometry: { width: number; height: number } = PANEL) {
    this.#geometry = geometry;
  }

  /** Feeds bytes; returns complete commands (payload = text, header = panel data for Db). */
  push(chunk: Uint8Array): FramerOutput[] {
    this.#buf = Buffer.concat([this.#buf, chunk]);
    const out: FramerOutput[] = [];
    for (;;) {
      const s = this.#buf.indexOf(ESC);
      if (s < 0) {
        if (this.#buf.length > 0) out.push({ type: 'error', error: new FramingError('GARBAGE', { dropped: this.#buf.length }) });
        this.#buf = Buffer.alloc(0);
        break;
      }
      if (s > 0) {
        out.push({ type: 'error', error: new FramingError('GARBAGE', { dropped: s }) });
        this.#buf = this.#buf.subarray(s);
      }
      const head = this.#buf.subarray(1, Math.min(this.#buf.length, 24)).toString('latin1');
      const db = /^Db;([a-z]);(\d{1,3});/.exec(head);
      if (db) {
        const dataStart = 1 + db[0].length;
        const n = panelBytes(Number(db[2]), this.#geometry);
        if (Number.isNaN(n)) {
          out.push({ type: 'error', error: new FramingError('BAD_LENGTH') });
          this.#buf = this.#buf.subarray(1);
          continue;
        }
        if (this.#buf.length < dataStart + n + 1) {
          // A CR right after a short payload is a length mismatch only if the host stopped sending: keep waiting.
          break;
        }
        const raw = Buffer.from(this.#buf.subarray(0, dataStart + n + 1));
        this.#buf = this.#buf.subarray(dataStart + n + 1);
        if (raw[raw.length - 1] !== CR) {
          out.push({ type: 'error', error: new FramingError('BAD_LENGTH') });
          continue;
        }
        out.push({ type: 'frame', frame: { header: raw.subarray(dataStart, dataStart + n), payload: Buffer.from(`Db;${db[1]};${db[2]}`), raw } });
        continue;
      }
      if (head.startsWith('Db') && head.length < 12 && this.#buf.indexOf(CR) < 0) break;
      const e = this.#buf.indexOf(CR);
      if (e < 0) {
        if (this.#buf.length > 512) {
          out.push({ type: 'error', error: new FramingError('TOO_LONG') });
          this.#buf = this.#buf.subarray(1);
          continue;
        }
        break;
      }
      const raw = Buffer.from(this.#buf.subarray(0, e + 1));
      this.#buf = this.#buf.subarray(e + 1);
      out.push({ type: 'frame', frame: { header: Buffer.alloc(0), payload: raw.subarray(1, raw.length - 1), raw } });
    }
    this.#buf = Buffer.from(this.#buf);
    return out;
  }

  /** Drops a partial command. */
  reset(): void {
    this.#buf = Buffer.alloc(0);
  }
}
