import { TypedEmitter } from '../core/events.js';
import { DriverError, err, ok, toResult, type Result } from '../core/errors.js';
import { noopLogger, type DriverLogger } from '../core/logger.js';
import { Framer } from '../framing/framer.js';
import { Link } from '../link/link.js';
import type { Transport } from '../transports/transport.js';
import { EPP_PROFILE, EPP_TIMEOUTS } from './config.js';
import { EppError, statusToError } from './errors.js';
import { ALG, EPP_CMD, KEY_EVENT, parseKeyEvent, parseReply, parseStatus, startEntryData, type KeyEvent, type PinPadStatus } from './protocol.js';

export type { KeyEvent, PinPadStatus } from './protocol.js';

export interface PinPadOptions {
  transport: Transport;
  logger?: DriverLogger;
  commandTimeoutMs?: number;
}

export interface PinEntryOptions {
  minLength: number;
  maxLength: number;
  timeoutSec: number;
  format: 0 | 4;
  /** Digits the PIN block is bound to (PAN or the scheme's account digits). */
  pan: string;
}

/** An encrypted PIN block and its ISO 9564 format. */
export interface PinBlock {
  format: 0 | 4;
  block: Buffer;
}

export type PinPadEvents = { key: [event: KeyEvent] };

/**
 * Encrypting PIN pad. The host loads a working key (encrypted under the
 * pad's master key), starts an entry, hears key events that carry only a
 * digit count, and on ENTER reads an encrypted PIN block.
 */
export class PinPad extends TypedEmitter<PinPadEvents> {
  readonly #transport: Transport;
  readonly #log: DriverLogger;
  readonly #link: Link;
  readonly #framer = new Framer(EPP_PROFILE);
  readonly #timeout: number;
  #entry: { format: 0 | 4; settle: (r: Result<PinBlock>) => void } | undefined;

  constructor(opts: PinPadOptions) {
    super();
    this.#transport = opts.transport;
    this.#log = opts.logger ?? noopLogger;
    this.#timeout = opts.commandTimeoutMs ?? EPP_TIMEOUTS.command;
    this.#link = new Link(opts.transport, this.#framer, this.#log);
    this.#link.on('unsolicited', (frame) => {
      if (frame.payload[0] !== KEY_EVENT) return;
      try {
        this.#onKey(parseKeyEvent(frame));
      } catch (e) {
        this.#log.warn('bad key event', { code: e instanceof DriverError ? e.code : 'UNKNOWN' });
      }
    });
    this.#link.on('closed', () => this.#entry?.settle(err(new EppError('CANCELLED', { disconnected: true }))));
  }

  /** True while a PIN entry is in progress (started and not yet ended). */
  get entryActive(): boolean {
    return this.#entry !== undefined;
  }

  /** Opens the transport; TransportError on failure. */
  open(): Promise<Result<void>> {
    return toResult(() => this.#transport.open());
  }

  /** Closes the transport; an entry in progress ends CANCELLED. */
  async close(): Promise<void> {
    this.#entry?.settle(err(new EppError('CANCELLED')));
    await this.#transport.close().catch(() => undefined);
  }

  /**
   * Reads the pad's state (idle, entry in progress, PIN ready, which
   * working keys are loaded) without changing it: safe during an entry
   * and resent after a lost reply. EppError, ProtocolError or LinkError.
   */
  status(): Promise<Result<PinPadStatus>> {
    return toResult(async () => parseStatus(await this.#command(EPP_CMD.status, Buffer.alloc(0), true)));
  }

  /** Resets the pad (clears entry state, keeps keys); EppError or LinkError. */
  reset(): Promise<Result<void>> {
    return toResult(async () => {
      await this.#command(EPP_CMD.reset, Buffer.alloc(0), true);
    });
  }

  /** Loads a working key encrypted under the master key; EppError KCV_MISMATCH if the pad's check value differs. */
  loadWorkingKey(k: { slot: number; alg: '3des' | 'aes'; encryptedKey: Buffer; kcv: Buffer }): Promise<Result<void>> {
    return toResult(async () => {
      const data = Buffer.concat([Buffer.of(k.slot, ALG[k.alg], k.encryptedKey.length), k.encryptedKey, k.kcv.subarray(0, 3)]);
      await this.#command(EPP_CMD.loadWorkingKey, data, true);
    });
  }

  /**
   * Starts PIN entry; resolves when the resident presses ENTER (with the
   * encrypted block), or with EppError CANCELLED / ENTRY_TIMEOUT / NO_PIN.
   * Key events are emitted as 'key' meanwhile. Not resent on a lost reply.
   */
  async enterPin(o: PinEntryOptions): Promise<Result<PinBlock>> {
    if (this.#entry) return err(new EppError('BUSY'));
    const started = await toResult(() => this.#command(EPP_CMD.startPinEntry, startEntryData(o), false));
    if (!started.ok) return started;
    return new Promise<Result<PinBlock>>((resolve) => {
      this.#entry = {
        format: o.format,
        settle: (r) => {
          this.#entry = undefined;
          resolve(r);
        },
      };
    });
  }

  /** Cancels an entry in progress (the pending enterPin resolves CANCELLED); LinkError if the pad is silent. */
  cancel(): Promise<Result<void>> {
    return toResult(async () => {
      await this.#command(EPP_CMD.cancel, Buffer.alloc(0), true);
      this.#entry?.settle(err(new EppError('CANCELLED')));
    });
  }

  #onKey(ev: KeyEvent): void {
    this.emit('key', ev);
    const entry = this.#entry;
    if (!entry) return;
    if (ev.kind === 'cancel') entry.settle(err(new EppError('CANCELLED')));
    else if (ev.kind === 'timeout') entry.settle(err(new EppError('ENTRY_TIMEOUT')));
    else if (ev.kind === 'enter') {
      void toResult(() => this.#command(EPP_CMD.readPinBlock, Buffer.alloc(0), true)).then((r) =>
        entry.settle(r.ok ? ok({ format: entry.format, block: r.value }) : r),
      );
    }
  }

  async #command(cmd: number, data: Buffer, safeToResend: boolean): Promise<Buffer> {
    const reply = await this.#link.exchange(this.#framer.encode(Buffer.concat([Buffer.of(cmd), data])), {
      label: `EPP_${cmd.toString(16)}`,
      timeoutMs: this.#timeout,
      safeToResend,
      onFrame: (frame) => {
        if (frame.payload[0] === KEY_EVENT) return { kind: 'pass' };
        const r = parseReply(frame);
        return r.cmd === cmd ? { kind: 'done', value: r } : { kind: 'wait' };
      },
    });
    if (reply.status !== 0) throw statusToError(reply.status);
    return reply.data;
  }
}
