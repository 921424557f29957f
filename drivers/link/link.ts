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
  | { kind: 'rejected' };

export interface ExchangeOptions<T> {
  /** Command name for logs and errors' context (never data). */
  label: string;
  timeoutMs: number;
  onFrame(frame: Frame): LinkDecision<T>;
  /** Resend the command after a lost or corrupt reply. Only for commands safe to repeat: never VERIFY, PIN change, print job. */
  safeToResend?: boolean;
  /** Bytes asking the device to repeat its last answer: safe for every command, used instead of resending. */
  recover?: Buffer;
  /** Attempts after the first send, for resend/recover/rejected (default 2). */
  retries?: number;
}

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
    return new Promise<T>((resolve, reject) => {
      let attempts = 0;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (e: DriverError | undefined, v?: T): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#pending = undefined;
        if (e) reject(e);
        else resolve(v as T);
      };
      const write = (what: Buffer): void => {
        clearTimeout(timer);
        timer = setTimeout(() => retry('TIMEOUT'), opts.timeoutMs);
        this.#transport.write(what).catch((e: unknown) => finish(e instanceof DriverError ? e : new LinkError('CLOSED', {}, { cause: e })));
      };
      const retry = (why: 'TIMEOUT' | 'CORRUPT_REPLY' | 'REJECTED'): void => {
        if (settled) return;
        if (why === 'TIMEOUT') this.#framer.reset();
        if (attempts >= retries) {
          finish(new LinkError(why === 'REJECTED' ? 'CORRUPT_REPLY' : why, { attempts: attempts + 1 }));
          return;
        }
        attempts++;
        if (why === 'REJECTED' || (opts.safeToResend === true && !opts.recover)) {
          this.#log.debug('resend', { label: opts.label, why, attempt: attempts });
          write(bytes);
        } else if (opts.recover) {
          this.#log.debug('recover', { label: opts.label, why, attempt: attempts });
          write(opts.recover);
        } else {
          finish(new LinkError(why, { attempts }));
        }
      };
      this.#pending = {
        onFrame: (frame) => {
          let d: LinkDecision<T>;
          try {
            d = opts.onFrame(frame);
          } catch (e) {
            finish(e instanceof DriverError ? e : new LinkError('CORRUPT_REPLY', {}, { cause: e }));
            return;
          }
          if (d.kind === 'done') finish(undefined, d.value);
          else if (d.kind === 'fail') finish(d.error);
          else if (d.kind === 'pass') this.emit('unsolicited', frame);
          else if (d.kind === 'rejected') retry('REJECTED');
        },
        onCorrupt: () => retry('CORRUPT_REPLY'),
        onClose: (reason) => finish(new LinkError('CLOSED', { disconnected: reason?.code === 'DISCONNECTED' }, { cause: reason })),
      };
      write(bytes);
    });
  }
}
