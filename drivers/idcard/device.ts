import { LinkError, toResult, type Result } from '../core/errors.js';
import { noopLogger, type DriverLogger } from '../core/logger.js';
import { Mutex } from '../core/mutex.js';
import { Framer } from '../framing/framer.js';
import { Link } from '../link/link.js';
import type { Transport } from '../transports/transport.js';
import { ID_PROFILE, ID_TIMEOUTS, type IdTimeouts } from './config.js';
import { IdSamProtocol, SAM } from './protocol.js';
import { parseReadBody, type ResidentIdCard } from './record.js';
import { IdCardError } from './errors.js';

export type { ResidentIdCard } from './record.js';

/** How often a read is started again from find after a lost or corrupted READ answer. */
export const READ_RESTARTS = 2;

export interface IdCardReaderOptions {
  transport: Transport;
  logger?: DriverLogger;
  timeouts?: Partial<IdTimeouts>;
}

/** Resident ID card reader (SAM module): find, select, read; results carry typed errors. */
export class IdCardReader {
  readonly #transport: Transport;
  readonly #log: DriverLogger;
  readonly #sam: IdSamProtocol;
  /** One operation at a time: a find → select → read is never interleaved with another caller's command. */
  readonly #lock = new Mutex();

  constructor(opts: IdCardReaderOptions) {
    this.#transport = opts.transport;
    this.#log = opts.logger ?? noopLogger;
    const framer = new Framer(ID_PROFILE);
    this.#sam = new IdSamProtocol(new Link(opts.transport, framer, this.#log), framer, { ...ID_TIMEOUTS, ...opts.timeouts });
  }

  /** Opens the transport; TransportError PORT_LOCKED / PORT_NOT_FOUND / OPEN_FAILED. */
  open(): Promise<Result<void>> {
    return this.#run('open', () => this.#transport.open());
  }

  /** Closes the transport; never fails. */
  async close(): Promise<void> {
    await this.#transport.close().catch(() => undefined);
  }

  /**
   * Finds, selects and reads the card; a lost or corrupted READ answer
   * restarts find → select → read (the module reads once per selection),
   * at most READ_RESTARTS times. IdCardError NO_CARD, SELECT_FAILED,
   * READ_FAILED, BAD_ID_NUMBER, BAD_RECORD; LinkError TIMEOUT/CORRUPT_REPLY.
   */
  readCard(): Promise<Result<ResidentIdCard>> {
    return this.#run('readCard', async () => {
      for (let restart = 0; ; restart++) {
        await this.#sam.command(SAM.findCard, 'FIND');
        await this.#sam.command(SAM.selectCard, 'SELECT');
        try {
          return parseReadBody(await this.#sam.command(SAM.readText, 'READ', undefined, false));
        } catch (e) {
          const lineError = e instanceof LinkError && (e.code === 'TIMEOUT' || e.code === 'CORRUPT_REPLY');
          if (!lineError || restart >= READ_RESTARTS) throw e;
          this.#log.debug('read restarted', { restart: restart + 1, code: e.code });
        }
      }
    });
  }

  /**
   * Asks whether a card lies on the antenna (FIND only: no select, no read,
   * nothing personal); cheap enough to poll while a flow waits for a card.
   * IdCardError other than NO_CARD, or LinkError.
   */
  findCard(): Promise<Result<boolean>> {
    return toResult(async () => {
      try {
        await this.#sam.command(SAM.findCard, 'FIND');
        return true;
      } catch (e) {
        if (e instanceof IdCardError && e.code === 'NO_CARD') return false;
        throw e;
      }
    });
  }

  /** Reads the SAM module's ID as hex (not personal data); IdCardError or LinkError. */
  samId(): Promise<Result<string>> {
    return this.#run('samId', async () => (await this.#sam.command(SAM.samId, 'SAM_ID')).toString('hex').toUpperCase());
  }

  /** Resets the SAM; IdCardError or LinkError. */
  reset(): Promise<Result<void>> {
    return this.#run('reset', async () => {
      await this.#sam.command(SAM.reset, 'RESET');
    });
  }

  async #run<T>(op: string, fn: () => Promise<T>): Promise<Result<T>> {
    const r = await this.#lock.run(() => toResult(fn));
    if (r.ok) this.#log.debug('operation ok', { op });
    else this.#log.warn('operation failed', { op, code: r.error.code, layer: r.error.layer, ...r.error.detail });
    return r;
  }
}
