import type { FramingError } from '../core/errors.js';
import { Framer, type Frame, type FrameDecoder } from '../framing/framer.js';
import type { FrameProfile } from '../framing/profile.js';
import { FaultPlan, type Fault } from './faults.js';
import type { FrontEnd } from './front-end.js';
import { Transcript } from './transcript.js';

/** A device model: what the emulated device does with each command frame. */
export interface DeviceModel {
  /** Framing of host → device bytes. */
  readonly profile: FrameProfile;
  /** A device-specific decoder instead of the profile's Framer (e.g. length-from-command printer data). */
  createDecoder?(): FrameDecoder;
  /** Names a command for fault rules and transcripts (never includes data). */
  commandName(frame: Frame): string;
  /** Acts on a command; returns the wire replies in order. `fault` is the device-specific fault, if any. */
  handle(frame: Frame, fault: Fault | undefined): Buffer[];
  /** What the device answers to a frame it could not decode (default: nothing). */
  onFramingError?(error: FramingError): Buffer[];
}

const DEFAULT_GARBAGE = Buffer.from([0xff, 0x00, 0x55, 0x13]);

/**
 * Runs a DeviceModel behind a front end and applies the fault plan to each
 * command's replies. The same host serves the in-memory and PTY front ends.
 */
export class EmulatorHost {
  readonly faults = new FaultPlan();
  readonly transcript = new Transcript();
  readonly model: DeviceModel;
  readonly #framer: FrameDecoder;
  #front: FrontEnd | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(model: DeviceModel) {
    this.model = model;
    this.#framer = model.createDecoder?.() ?? new Framer(model.profile);
  }

  /** Connects the model to a front end (one at a time). */
  attach(front: FrontEnd): void {
    this.#front = front;
    front.onData((chunk) => {
      for (const o of this.#framer.push(chunk)) {
        if (o.type === 'error') {
          if (o.error.code === 'GARBAGE') continue;
          this.transcript.push({ dir: 'event', name: `framing:${o.error.code}` });
          const replies = this.model.onFramingError?.(o.error) ?? [];
          this.#enqueue(() => this.#sendAll(replies, undefined));
        } else {
          this.#enqueue(() => this.#onFrame(o.frame));
        }
      }
    });
  }

  /** Unplugs the device through the front end. */
  async unplug(): Promise<void> {
    this.transcript.push({ dir: 'event', name: 'unplug' });
    this.#framer.reset();
    await this.#front?.unplug();
  }

  /** Replugs the device on the same path. */
  async replug(): Promise<void> {
    this.transcript.push({ dir: 'event', name: 'replug' });
    await this.#front?.replug();
  }

  /** Sends bytes the device produces on its own (key events, card inserted), after queued replies. */
  sendUnsolicited(bytes: Buffer): void {
    this.transcript.push({ dir: 'out', name: 'unsolicited', bytes });
    this.#enqueue(async () => {
      await this.#front?.send(bytes);
    });
  }

  /** Waits until every queued reply has been sent. */
  idle(): Promise<void> {
    return this.#queue;
  }

  #enqueue(job: () => Promise<void>): void {
    this.#queue = this.#queue.then(job).catch(() => undefined);
  }

  async #onFrame(frame: Frame): Promise<void> {
    const name = this.model.commandName(frame);
    this.transcript.push({ dir: 'in', name, bytes: frame.raw });
    const fault = this.faults.take(name);
    if (fault) this.transcript.push({ dir: 'event', name: `fault:${fault.kind}` });
    if (fault?.kind === 'unplug') {
      await this.unplug();
      return;
    }
    if (fault?.kind === 'swallow') return;
    const deviceFault = fault && (fault.kind === 'status' || fault.kind === 'nack' || fault.kind === 'device') ? fault : undefined;
    const replies = this.model.handle(frame, deviceFault);
    if (fault?.kind === 'drop') return;
    await this.#sendAll(replies, fault);
  }

  async #sendAll(replies: Buffer[], fault: Fault | undefined): Promise<void> {
    const front = this.#front;
    if (!front || replies.length === 0) return;
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'garbage') await front.send(fault.bytes ?? DEFAULT_GARBAGE);
    const last = replies.length - 1;
    for (let i = 0; i < replies.length; i++) {
      let out = replies[i] ?? Buffer.alloc(0);
      if (i === last && fault?.kind === 'corrupt') {
        out = Buffer.from(out);
        const at = fault.at ?? Math.max(0, out.length - 2);
        out[at] = (out[at] ?? 0) ^ 0x5a;
      }
      this.transcript.push({ dir: 'out', name: 'reply', bytes: out });
      if (i === last && fault?.kind === 'split') {
        const at = fault.at ?? Math.floor(out.length / 2);
        await front.send(out.subarray(0, at));
        await new Promise((r) => setTimeout(r, 2));
        await front.send(out.subarray(at));
      } else {
        await front.send(out);
      }
    }
  }
}
