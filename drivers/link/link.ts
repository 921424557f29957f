import { TypedEmitter } from '../core/events.js';
import { DriverError, LinkError, type FramingError, type TransportError } from '../core/errors.js';
import { noopLogger, type DriverLogger } from '../core/logger.js';
import type { Frame, FrameDecoder } from '../framing/framer.js';
import type { Transport } from '../transports/transport.js';

/** What a command's matcher says about one incoming frame. */
export type LinkDecision<T> =
  | { kind: 'done'; value: T }
  | { kind: 'fail'; error: DriverError }
  /** Not ours (stale or intermediate, e.g. "accepted"): keep waiting. */
  | { kind: 'wait' }
  /** Not ours and not stale: hand to `unsolicited` listeners (key events, card inserted). */
  | { kind: 'pass' }
  /** The device refused the bytes before acting on them (its checksum check failed): always safe to send again. */
  | { kind: 'rejected' }
  /** The device has the command (e.g. the CCID reader's "accepted" status frame): wait for its answer. */
  | { kind: 'ack' }
  /** The device's answer to a recovery request belongs to an earlier command: ours never reached it. */
  | { kind: 'lost' };

/** What the link tells a matcher about the frame it is looking at. */
export interface FrameContext {
  /** The last bytes sent were the recovery request (not the command). */
  recovering: boolean;
}

export interface ExchangeOptions<T> {
  /** Command name for logs and errors' context (never data). */
  label: string;
  /** How long to wait for the answer once the command is sent (or, with ackTimeoutMs, acknowledged). */
  timeoutMs: number;
  onFrame(frame: Frame, context: FrameContext): LinkDecision<T>;
  /** Resend the command after a lost command or reply. Only for commands safe to repeat: never VERIFY, PIN change, print job. */
  safeToResend?: boolean;
  /** Bytes asking the device to repeat its last answer: safe for every command, used first after a lost or corrupt reply. */
  recover?: Buffer;
  /** Attempts after the first send, for resend/recover/rejected (default 2). */
  retries?: number;
  /**
   * The device acknowledges every command it receives (a frame the matcher
   * calls `ack`) within this time: without one the command is taken as lost
   * on the way in and resent at once if safe, instead of waiting timeoutMs.
   */
  ackTimeoutMs?: number;
  /** How long the device may take to answer the recovery request (default ackTimeoutMs, else timeoutMs); silence means it has nothing to repeat. */
  recoverTimeoutMs?: number;
  /** The most the whole exchange may take, retries included (default: no bound beyond the attempts' own timers). */
  budgetMs?: number;
}

type RetryReason = 'TIMEOUT' | 'LOST' | 'CORRUPT_REPLY' | 'REJECTED';

export type LinkEvents = {
  unsolicited: [frame: Frame];
  framingError: [error: FramingError];
  closed: [reason: TransportError | undefined];
};

interface Pending {
  onFrame(frame: Frame): void;
  onCorrupt(error: FramingError): void;
  onClose(reason: TransportError | undefined): void;
}

/**
 * Request/response over one transport and framer, one command in flight:
 * later commands queue behind it. Replies are matched by the command's
 * onFrame; lost replies time out, and are recovered only in the ways the
 * command allows.
 */
export class Link extends TypedEmitter<LinkEvents> {
  readonly #transport: Transport;
  readonly #framer: FrameDecoder;
  readonly #log: DriverLogger;
  #pending: Pending | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #detach: (() => void)[] = [];

  constructor(transport: Transport, framer: FrameDecoder, logger: DriverLogger = noopLogger) {
    super();
    this.#transport = transport;
    this.#framer = framer;
    this.#log = logger;
    this.#detach.push(
      transport.on('data', (chunk) => this.#onData(chunk)),
      transport.on('close', (reason) => {
        this.#framer.reset();
        this.#pending?.onClose(reason);
        this.emit('closed', reason);
      }),
    );
  }

  /** Stops listening to the transport (does not close it). */
  dispose(): void {
    for (const d of this.#detach.splice(0)) d();
  }

  /** Sends bytes and resolves with the matcher's value; rejects LinkError TIMEOUT/CLOSED/CORRUPT_REPLY or the matcher's error. */
  exchange<T>(bytes: Buffer, opts: ExchangeOptions<T>): Promise<T> {
    const run = this.#queue.then(() => this.#run(bytes, opts));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Sends bytes expecting no reply (e.g. an acknowledgement); rejects with a TransportError. */
  async send(bytes: Buffer): Promise<void> {
    await this.#transport.write(bytes);
  }

  #onData(chunk: Buffer): void {
    for (const out of this.#framer.push(chunk)) {
      if (out.type === 'error') {
        this.emit('framingError', out.error);
        if (out.error.code !== 'GARBAGE') this.#pending?.onCorrupt(out.error);
        else this.#log.debug('garbage dropped', { dropped: Number(out.error.detail['dropped'] ?? 0) });
      } else if (this.#pending) {
        this.#pending.onFrame(out.frame);
      } else {
        this.emit('unsolicited', out.frame);
      }
    }
  }

  #run<T>(bytes: Buffer, opts: ExchangeOptions<T>): Promise<T> {
    if (!this.#transport.isOpen) return Promise.reject(new LinkError('CLOSED'));
    const retries = opts.retries ?? 2;
    const deadline = opts.budgetMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + opts.budgetMs;
    return new Promise<T>((resolve, reject) => {
      let attempts = 0;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      let recovering = false;
      let acked = false;
      const finish = (e: DriverError | undefined, v?: T): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#pending = undefined;
        if (e) reject(e);
        else resolve(v as T);
      };
      // Every timer stops at the exchange's deadline: then it is over, whatever is left to try.
      const arm = (ms: number, why: RetryReason): void => {
        clearTimeout(timer);
        const left = deadline - performance.now();
        if (left <= ms) timer = setTimeout(() => finish(new LinkError('TIMEOUT', { attempts: attempts + 1, budget: true })), Math.max(0, left));
        else timer = setTimeout(() => retry(why), ms);
      };
      const write = (what: Buffer, recover: boolean): void => {
        recovering = recover;
        acked = false;
        if (recover) arm(opts.recoverTimeoutMs ?? opts.ackTimeoutMs ?? opts.timeoutMs, 'LOST');
        else if (opts.ackTimeoutMs !== undefined) arm(opts.ackTimeoutMs, 'LOST');
        else arm(opts.timeoutMs, 'TIMEOUT');
        // A write that fails mid-exchange means the line is gone (the close event may still be on its way).
        this.#transport.write(what).catch((e: unknown) => finish(new LinkError('CLOSED', { disconnected: !this.#transport.isOpen }, { cause: e })));
      };
      const resend = (why: RetryReason): void => {
        this.#log.debug('resend', { label: opts.label, why, attempt: attempts });
        write(bytes, false);
      };
      const recover = (why: RetryReason, bytesToAsk: Buffer): void => {
        this.#log.debug('recover', { label: opts.label, why, attempt: attempts });
        write(bytesToAsk, true);
      };
      const retry = (why: RetryReason): void => {
        if (settled) return;
        // Whatever is half-received now belongs to the failed answer: it must not swallow the next one.
        if (why === 'TIMEOUT' || why === 'LOST') this.#framer.reset();
        if (attempts >= retries) {
          finish(new LinkError(why === 'REJECTED' ? 'CORRUPT_REPLY' : why === 'LOST' ? 'TIMEOUT' : why, { attempts: attempts + 1 }));
          return;
        }
        const safe = opts.safeToResend === true;
        // Never delivered (refused, or lost on the way in, or the device has nothing newer to repeat): resend if the command allows.
        if (why === 'REJECTED' || (why === 'LOST' && (safe || recovering || !opts.recover))) {
          if (why !== 'REJECTED' && !safe) {
            finish(new LinkError('TIMEOUT', { attempts: attempts + 1, delivered: false }));
            return;
          }
          attempts++;
          resend(why);
        } else if (opts.recover) {
          attempts++;
          recover(why, opts.recover);
        } else if (safe) {
          attempts++;
          resend(why);
        } else {
          finish(new LinkError(why === 'LOST' ? 'TIMEOUT' : why, { attempts: attempts + 1 }));
        }
      };
      this.#pending = {
        onFrame: (frame) => {
          let d: LinkDecision<T>;
          try {
            d = opts.onFrame(frame, { recovering });
          } catch (e) {
            finish(e instanceof DriverError ? e : new LinkError('CORRUPT_REPLY', {}, { cause: e }));
            return;
          }
          if (d.kind === 'done') finish(undefined, d.value);
          else if (d.kind === 'fail') finish(d.error);
          else if (d.kind === 'pass') this.emit('unsolicited', frame);
          else if (d.kind === 'rejected') retry('REJECTED');
          else if (d.kind === 'lost') retry('LOST');
          else if (d.kind === 'ack' && !acked) {
            acked = true;
            arm(opts.timeoutMs, 'TIMEOUT');
          }
        },
        onCorrupt: () => retry('CORRUPT_REPLY'),
        onClose: (reason) => finish(new LinkError('CLOSED', { disconnected: reason?.code === 'DISCONNECTED' }, { cause: reason })),
      };
      write(bytes, false);
    });
  }
}
