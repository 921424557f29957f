import { DriverError, toResult, type Result } from '../core/errors.js';
import { noopLogger, type DriverLogger } from '../core/logger.js';
import { Mutex } from '../core/mutex.js';
import { Framer } from '../framing/framer.js';
import { Link } from '../link/link.js';
import type { Transport } from '../transports/transport.js';
import { CcidReader } from './ccid-reader.js';
import { SSC_PROFILES, SSC_TIMEOUTS, type SscFraming, type SscTimeouts } from './config.js';
import { RecordLayouts } from './layout.js';
import { SscReaderProtocol } from './protocol.js';
import type { SscReaderStatus } from './reader.js';
import { StxReader } from './stx-reader.js';
import type { SocialSecurityCard } from './record.js';
import { readSsseRecord, selectSsse } from './ssse.js';
import { changePinBlocks, reloadPinBlock, verifyPinBlock, type ReloadAuthorizer } from './pin-commands.js';
import type { PinBinding } from '../epp/pin-key.js';
import type { PinBlock } from '../epp/device.js';

export type { SocialSecurityCard } from './record.js';
export type { CardPresence, SscReaderStatus } from './reader.js';
export type { ReloadAuthorizer } from './pin-commands.js';

export interface SscReaderOptions {
  transport: Transport;
  logger?: DriverLogger;
  timeouts?: Partial<SscTimeouts>;
  /** Reader wire family (default 'ccid'). */
  framing?: SscFraming;
  /** Line rate, to size the CCID acknowledgement and recovery timers by wire time (default 9600, the slowest usual). */
  lineBaud?: number;
  /**
   * How READ RECORD learns a record's size. 'layout' (default): ask with
   * the size from the card's file layout, learned once per card type (ATR);
   * a card that differs answers 6CXX and is asked again. 'probe': ask Le 00
   * for every record and let the card correct it (one more exchange each;
   * for benchmarks and for diagnosing a card family).
   */
  recordSizes?: 'layout' | 'probe';
}

/**
 * Social-security card reader: read the SSSE record, verify, change and
 * reload the PIN. Every method returns a Result whose error is a typed
 * DriverError (CardError, LinkError, TransportError, ProtocolError).
 */
export class SocialSecurityCardReader {
  readonly #transport: Transport;
  readonly #log: DriverLogger;
  readonly #protocol: SscReaderProtocol;
  readonly #link: Link;
  /** One operation at a time: a read's exchanges are never interleaved with another caller's. */
  readonly #lock = new Mutex();
  #session = false;
  /** Record sizes per card type; undefined in 'probe' mode. */
  readonly #layouts: RecordLayouts | undefined;
  /** ATR of the card in the current session (names its type). */
  #atr: Buffer | undefined;

  constructor(opts: SscReaderOptions) {
    this.#transport = opts.transport;
    this.#log = opts.logger ?? noopLogger;
    const framing = opts.framing ?? 'ccid';
    const framer = new Framer(SSC_PROFILES[framing]);
    this.#link = new Link(opts.transport, framer, this.#log);
    const timeouts = { ...SSC_TIMEOUTS, ...opts.timeouts };
    const reader = framing === 'ccid' ? new CcidReader(this.#link, framer, timeouts, opts.lineBaud) : new StxReader(this.#link, framer, timeouts);
    this.#protocol = new SscReaderProtocol(reader);
    this.#layouts = opts.recordSizes === 'probe' ? undefined : new RecordLayouts();
    this.#link.on('closed', () => (this.#session = false));
  }

  /** Opens the transport; TransportError PORT_LOCKED / PORT_NOT_FOUND / OPEN_FAILED. */
  open(): Promise<Result<void>> {
    return this.#run('open', () => this.#transport.open());
  }

  /** Closes the transport; never fails. */
  async close(): Promise<void> {
    this.#session = false;
    await this.#transport.close().catch(() => undefined);
  }

  /**
   * Asks the reader for its slot status (CCID GetSlotStatus; the STX
   * family's *unconfirmed* status command) without powering or talking to
   * the card: safe to send at any time and resent after a lost reply. A
   * card that is not powered any more ends the session. CardError
   * READER_ERROR, ProtocolError, LinkError TIMEOUT/CLOSED.
   */
  status(): Promise<Result<SscReaderStatus>> {
    return this.#run('status', async () => {
      const card = await this.#protocol.slotStatus();
      if (card !== 'present-active') this.#session = false;
      return { card };
    });
  }

  /** Powers the card, selects SSSE and reads EF05/EF06; CardError NO_CARD, UNKNOWN_ATR, FILE_NOT_FOUND, BAD_RECORD... */
  readCard(): Promise<Result<SocialSecurityCard>> {
    return this.#run('readCard', async () => {
      await this.#startSession(true);
      return readSsseRecord(this.#protocol, this.#atr && this.#layouts?.for(this.#atr));
    });
  }

  /**
   * Verifies the PIN the resident typed on the pad, from its block (opened
   * only inside the APDU builder, see PIN.md); CardError PIN_WRONG
   * (detail.triesLeft), PIN_BLOCKED; PinKeyError for a block that is not a
   * 6-digit format 0 block. Never resent on a lost reply.
   */
  verifyPinBlock(block: PinBlock, binding: PinBinding): Promise<Result<void>> {
    return this.#run('verifyPin', async () => {
      await this.#startSession(false);
      await verifyPinBlock(this.#protocol, block, binding);
    });
  }

  /** Changes the PIN from the old block's to the new block's; same errors as verifyPinBlock. Never resent. */
  changePinBlocks(old: PinBlock, next: PinBlock, binding: PinBinding): Promise<Result<void>> {
    return this.#run('changePin', async () => {
      await this.#startSession(false);
      await changePinBlocks(this.#protocol, old, next, binding);
    });
  }

  /**
   * Reloads (resets) the PIN to the new block's, also clearing a blocked
   * try counter: the card's challenge goes to `authorize` (the county) for
   * the MAC; CardError MAC_INVALID, CONDITIONS_NOT_SATISFIED, or the
   * authorizer's own rejection. Never resent.
   */
  reloadPinBlock(next: PinBlock, binding: PinBinding, authorize: ReloadAuthorizer): Promise<Result<void>> {
    return this.#run('reloadPin', async () => {
      await this.#startSession(false);
      await reloadPinBlock(this.#protocol, next, binding, authorize);
    });
  }

  /** Powers the card off and ends the session; errors are ignored (the card may be gone). */
  async eject(): Promise<void> {
    await this.#lock.run(async () => {
      this.#session = false;
      await this.#protocol.powerOff().catch(() => undefined);
    });
  }

  async #startSession(fresh: boolean): Promise<void> {
    if (this.#session && !fresh) return;
    this.#session = false;
    this.#atr = await this.#protocol.powerOn();
    await selectSsse(this.#protocol);
    this.#session = true;
  }

  async #run<T>(op: string, fn: () => Promise<T>): Promise<Result<T>> {
    const r = await this.#lock.run(() => toResult(fn));
    if (r.ok) {
      this.#log.debug('operation ok', { op });
    } else {
      if (r.error instanceof DriverError && (r.error.layer !== 'device' || r.error.code === 'NO_CARD' || r.error.code === 'CARD_REMOVED')) {
        this.#session = false;
      }
      // Codes and numbers only: never the PIN, the record or frame bytes.
      this.#log.warn('operation failed', { op, code: r.error.code, layer: r.error.layer, ...numericDetail(r.error) });
    }
    return r;
  }
}

function numericDetail(e: DriverError): Record<string, number | boolean> {
  return { ...e.detail };
}
