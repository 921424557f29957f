import { FramingError } from '../core/errors.js';
import { checksumOf } from './checksum.js';
import { nibbleJoin, nibbleSplit } from './nibble.js';
import { validateProfile, type FrameProfile } from './profile.js';

/** One decoded frame. `literal` is the index of a matched literal profile entry. */
export interface Frame {
  readonly header: Buffer;
  readonly payload: Buffer;
  readonly raw: Buffer;
  readonly literal?: number;
}

/** What a push yields, in wire order: frames, and framing errors after which the framer resynchronised. */
export type FramerOutput = { type: 'frame'; frame: Frame } | { type: 'error'; error: FramingError };

/** Anything that turns bytes into frames: the generic Framer or a device-specific decoder. */
export interface FrameDecoder {
  push(chunk: Uint8Array): FramerOutput[];
  reset(): void;
}

/** `suspect`: how many bytes from here belong to the frame just found bad (errors among them are not reported again). */
type Step = { kind: 'need' } | { kind: 'skip'; n: number; error?: FramingError; suspect?: number } | { kind: 'frame'; frame: Frame; n: number };

/**
 * Incremental decoder for one FrameProfile: push bytes in any chunking,
 * get whole frames out. Never throws on any input. Garbage is dropped. A
 * frame whose extent is confirmed (its end byte is where its length says,
 * or its delimiters were found) but whose checksum fails is skipped whole,
 * so start bytes in its payload are never taken for frames. A frame whose
 * extent is in doubt (bad end byte, no end byte to check) costs its start
 * byte and the scan resumes inside it, quietly: bytes of a frame already
 * reported bad are never reported bad again, and a one-byte false start
 * among them may not wait for more bytes. One line error, one error.
 */
export class Framer implements FrameDecoder {
  readonly profile: FrameProfile;
  #buf: Buffer = Buffer.alloc(0);
  /** Bytes at the head of #buf that belong to a frame already reported bad. */
  #quiet = 0;
  readonly #ck: number;

  constructor(profile: FrameProfile) {
    validateProfile(profile);
    this.profile = profile;
    this.#ck = profile.checksum === 'none' ? 0 : 1;
  }

  /** Bytes held waiting for the rest of a frame. */
  get pending(): number {
    return this.#buf.length;
  }

  /** Drops any partial frame (call after a timeout so stale bytes cannot swallow the next reply). */
  reset(): void {
    this.#buf = Buffer.alloc(0);
    this.#quiet = 0;
  }

  /** Feeds bytes; returns the frames and framing errors they complete. Never throws. */
  push(chunk: Uint8Array): FramerOutput[] {
    this.#buf = this.#buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buf, chunk]);
    const out: FramerOutput[] = [];
    let pos = 0;
    for (;;) {
      let step = this.#step(pos);
      const quiet = pos < this.#quiet;
      // A one-byte start inside a bad frame is most likely payload: it must not hold the line waiting for bytes
      // that belong to the next frame. (A whole multi-byte preamble there is taken for what it says.)
      if (step.kind === 'need' && quiet && this.profile.start.length === 1 && this.#buf[pos] === this.profile.start[0]) {
        step = { kind: 'skip', n: 1, error: new FramingError('GARBAGE', { dropped: 1 }) };
      }
      if (step.kind === 'need') break;
      if (step.kind === 'skip') {
        const e = step.error;
        if (e && quiet && e.code !== 'GARBAGE') out.push({ type: 'error', error: new FramingError('GARBAGE', { dropped: step.n }) });
        else if (e) out.push({ type: 'error', error: e });
        if (e && e.code !== 'GARBAGE' && step.suspect) this.#quiet = Math.max(this.#quiet, pos + step.suspect);
        pos += step.n;
      } else {
        out.push({ type: 'frame', frame: step.frame });
        pos += step.n;
      }
    }
    this.#quiet = Math.max(0, this.#quiet - pos);
    this.#buf = pos === 0 ? this.#buf : Buffer.from(this.#buf.subarray(pos));
    return out;
  }

  /** Encodes a payload (with optional header bytes; the length field is filled in) as a wire frame. */
  encode(payload: Uint8Array, header?: Uint8Array): Buffer {
    const p = this.profile;
    const inner = Buffer.alloc(p.header + payload.length + this.#ck);
    if (header) inner.set(header.subarray(0, p.header), 0);
    inner.set(payload, p.header);
    if (p.length) {
      const value = p.length.counts === 'payload' ? payload.length : inner.length - p.length.offset - p.length.width;
      writeUInt(inner, p.length.offset, p.length.width, p.length.order, value);
    }
    const ck = checksumOf(p.checksum, inner, 0, inner.length - this.#ck);
    if (ck !== undefined) inner[inner.length - 1] = ck;
    const body = p.escape === 'nibble' ? nibbleSplit(inner) : inner;
    const end = p.end === undefined ? [] : [p.end];
    return Buffer.concat([Buffer.from(p.start), body, Buffer.from(end)]);
  }

  #step(pos: number): Step {
    const buf = this.#buf;
    const p = this.profile;
    const avail = buf.length - pos;
    if (avail <= 0) return { kind: 'need' };
    // Find the start byte; everything before it is garbage.
    const s = buf.indexOf(p.start[0] ?? 0, pos);
    if (s < 0) return { kind: 'skip', n: avail, error: new FramingError('GARBAGE', { dropped: avail }) };
    if (s > pos) return { kind: 'skip', n: s - pos, error: new FramingError('GARBAGE', { dropped: s - pos }) };
    for (let i = 1; i < p.start.length; i++) {
      if (pos + i >= buf.length) return { kind: 'need' };
      if (buf[pos + i] !== p.start[i]) return { kind: 'skip', n: 1, error: new FramingError('GARBAGE', { dropped: 1 }) };
    }
    const lit = this.#literal(pos);
    if (lit !== undefined) return lit;
    return p.mode === 'length' ? this.#lengthFrame(pos) : this.#delimitedFrame(pos);
  }

  #literal(pos: number): Step | undefined {
    const lits = this.profile.literals;
    if (!lits) return undefined;
    let prefix = false;
    for (let li = 0; li < lits.length; li++) {
      const lit = lits[li] ?? [];
      let j = 0;
      while (j < lit.length && pos + j < this.#buf.length && this.#buf[pos + j] === lit[j]) j++;
      if (j === lit.length) {
        const raw = Buffer.from(this.#buf.subarray(pos, pos + j));
        return { kind: 'frame', n: j, frame: { header: Buffer.alloc(0), payload: raw, raw, literal: li } };
      }
      if (pos + j === this.#buf.length) prefix = true;
    }
    return prefix ? { kind: 'need' } : undefined;
  }

  #lengthFrame(pos: number): Step {
    const p = this.profile;
    const len = p.length;
    if (!len) return { kind: 'skip', n: 1 };
    const buf = this.#buf;
    const hStart = pos + p.start.length;
    if (buf.length < hStart + p.header) return { kind: 'need' };
    const value = readUInt(buf, hStart + len.offset, len.width, len.order);
    const payloadLen = len.counts === 'payload' ? value : value - (p.header - len.offset - len.width) - this.#ck;
    const total = p.start.length + p.header + payloadLen + this.#ck + (p.end === undefined ? 0 : 1);
    if (payloadLen < 0) return { kind: 'skip', n: 1, error: new FramingError('BAD_LENGTH') };
    if (total > p.maxFrame) return { kind: 'skip', n: 1, error: new FramingError('TOO_LONG', { length: value }) };
    if (buf.length - pos < total) return { kind: 'need' };
    const innerEnd = hStart + p.header + payloadLen + this.#ck;
    // The length may be what was corrupted: resume inside the frame, but quietly.
    if (p.end !== undefined && buf[innerEnd] !== p.end) return { kind: 'skip', n: 1, error: new FramingError('BAD_END'), suspect: total };
    // Without an end byte nothing confirms the length: a bad checksum may mean a bad length, so resume inside, quietly.
    return this.#finish(buf.subarray(hStart, innerEnd), buf.subarray(pos, pos + total), total, p.end !== undefined);
  }

  #delimitedFrame(pos: number): Step {
    const p = this.profile;
    const buf = this.#buf;
    const end = p.end ?? 0;
    const from = pos + p.start.length;
    const e = buf.indexOf(end, from);
    // A new start byte before the end means the earlier frame was cut: resync on the new one.
    const restart = buf.indexOf(p.start[0] ?? 0, from);
    if (restart >= 0 && (e < 0 || restart < e) && p.escape === 'nibble') {
      return { kind: 'skip', n: restart - pos, error: new FramingError('BAD_END') };
    }
    const limit = p.maxFrame * (p.escape === 'nibble' ? 2 : 1);
    if (e < 0) {
      return buf.length - pos > limit ? { kind: 'skip', n: 1, error: new FramingError('TOO_LONG') } : { kind: 'need' };
    }
    if (e + 1 - pos > limit) return { kind: 'skip', n: 1, error: new FramingError('TOO_LONG') };
    const content = buf.subarray(from, e);
    const raw = buf.subarray(pos, e + 1);
    // The delimiters fix the frame's extent: a bad frame is skipped whole.
    const whole = raw.length;
    let inner: Buffer;
    if (p.escape === 'nibble') {
      const joined = nibbleJoin(content);
      if (!joined) return { kind: 'skip', n: whole, error: new FramingError('BAD_ESCAPE') };
      inner = joined;
    } else {
      inner = content;
    }
    if (inner.length < p.header + this.#ck) return { kind: 'skip', n: whole, error: new FramingError('BAD_LENGTH') };
    if (p.length) {
      const value = readUInt(inner, p.length.offset, p.length.width, p.length.order);
      const expected = p.length.counts === 'payload' ? inner.length - p.header - this.#ck : inner.length - p.length.offset - p.length.width;
      if (value !== expected) return { kind: 'skip', n: whole, error: new FramingError('BAD_LENGTH') };
    }
    return this.#finish(inner, raw, whole, true);
  }

  /** Checks the checksum of an `n`-byte frame; a bad one is skipped whole when its extent is confirmed, else quietly resumed inside. */
  #finish(inner: Buffer, raw: Buffer, n: number, confirmed: boolean): Step {
    const p = this.profile;
    const body = inner.length - this.#ck;
    const ck = checksumOf(p.checksum, inner, 0, body);
    if (ck !== undefined && inner[body] !== ck) {
      return confirmed ? { kind: 'skip', n, error: new FramingError('CHECKSUM') } : { kind: 'skip', n: 1, error: new FramingError('CHECKSUM'), suspect: n };
    }
    const frame: Frame = {
      header: Buffer.from(inner.subarray(0, p.header)),
      payload: Buffer.from(inner.subarray(p.header, body)),
      raw: Buffer.from(raw),
    };
    return { kind: 'frame', frame, n };
  }
}

function readUInt(buf: Buffer, at: number, width: 1 | 2 | 4, order: 'be' | 'le'): number {
  if (width === 1) return buf[at] ?? 0;
  if (width === 2) return order === 'be' ? buf.readUInt16BE(at) : buf.readUInt16LE(at);
  return order === 'be' ? buf.readUInt32BE(at) : buf.readUInt32LE(at);
}

function writeUInt(buf: Buffer, at: number, width: 1 | 2 | 4, order: 'be' | 'le', v: number): void {
  if (width === 1) buf.writeUInt8(v & 0xff, at);
  else if (width === 2) {
    if (order === 'be') buf.writeUInt16BE(v & 0xffff, at);
    else buf.writeUInt16LE(v & 0xffff, at);
  } else if (order === 'be') buf.writeUInt32BE(v >>> 0, at);
  else buf.writeUInt32LE(v >>> 0, at);
}
