import { toResult, type Result } from '../core/errors.js';
import { noopLogger, type DriverLogger } from '../core/logger.js';
import { Mutex } from '../core/mutex.js';
import { Link } from '../link/link.js';
import type { Transport } from '../transports/transport.js';
import { PANEL, PRINTER_TIMEOUTS, type PrinterTimeouts } from './config.js';
import { OPERATOR_MESSAGE, PrinterError, STATUS_TOKENS, nackToError } from './errors.js';
import type { CardPrinter, PrintJob, PrinterStatus, SidePanels } from './printer.js';
import { ReplyDecoder, command, panelBytes, panelCommand, parseReply } from './protocol.js';

export interface EvolisPrinterOptions {
  transport: Transport;
  logger?: DriverLogger;
  timeouts?: Partial<PrinterTimeouts>;
  /** Line rate used to stretch panel-download timeouts (bytes × 10 / baud); default 115200. */
  lineBaud?: number;
  geometry?: { width: number; height: number };
}

const PANEL_ORDER = ['y', 'm', 'c', 'k', 'o'] as const;

/**
 * Evolis-style card printer over an ACK/NACK link. Nothing in a print job
 * is ever resent: a lost reply fails the job (the card may be half printed);
 * the caller decides, with the operator, what to do with it.
 */
export class EvolisPrinter implements CardPrinter {
  readonly #transport: Transport;
  readonly #log: DriverLogger;
  readonly #link: Link;
  readonly #timeouts: PrinterTimeouts;
  readonly #baud: number;
  readonly #geometry: { width: number; height: number };
  /** One operation at a time: nothing gets between the steps of a print job. */
  readonly #lock = new Mutex();

  constructor(opts: EvolisPrinterOptions) {
    this.#transport = opts.transport;
    this.#log = opts.logger ?? noopLogger;
    this.#link = new Link(opts.transport, new ReplyDecoder(), this.#log);
    this.#timeouts = { ...PRINTER_TIMEOUTS, ...opts.timeouts };
    this.#baud = opts.lineBaud ?? 115200;
    this.#geometry = opts.geometry ?? PANEL;
  }

  /** Opens the transport and turns on ACK/NACK; TransportError, LinkError. */
  open(): Promise<Result<void>> {
    return this.#op(async () => {
      await this.#transport.open();
      await this.#send(command('Pcom', '1', '9600', 'N', '8', '1', 'ACK/NACK'), 'Pcom', this.#timeouts.command, true);
    });
  }

  /** Closes the transport; never fails. */
  async close(): Promise<void> {
    await this.#transport.close().catch(() => undefined);
  }

  /** Reads the last result and maps it to a state and operator message key; LinkError if silent. */
  status(): Promise<Result<PrinterStatus>> {
    return this.#op(async () => {
      const text = (await this.#send(command('Rlr', 'p'), 'Rlr', this.#timeouts.command, true)).trim();
      const state = STATUS_TOKENS[text] ?? 'unknown';
      return { state, messageKey: OPERATOR_MESSAGE[state] };
    });
  }

  /** Reads firmware version and serial number (not personal data); LinkError or PrinterError. */
  identify(): Promise<Result<{ firmware: string; serial: string }>> {
    return this.#op(async () => ({
      firmware: await this.#send(command('Rfv'), 'Rfv', this.#timeouts.command, true),
      serial: await this.#send(command('Rsn'), 'Rsn', this.#timeouts.command, true),
    }));
  }

  /** Asks whether the feeder has cards (`Sk;f`); true when the printer answers FEEDER_OK. */
  feederHasCards(): Promise<Result<boolean>> {
    return this.#op(async () => (await this.#send(command('Sk', 'f'), 'Sk', this.#timeouts.command, true)).trim() === 'FEEDER_OK');
  }

  /**
   * Prints one card: ribbon, start, optional chip encoding (reject on
   * failure), panels front then back, end and eject. PrinterError carries
   * the state (feeder empty, ribbon, cover, jam...); BITMAP_LENGTH before
   * anything is sent if a panel has the wrong size.
   */
  printCard(job: PrintJob): Promise<Result<void>> {
    return this.#op(async () => {
      this.#checkPanels(job);
      const mech = this.#timeouts.mechanical;
      await this.#send(command('Pr', job.ribbon), 'Pr', this.#timeouts.command, false);
      await this.#send(command('Ss'), 'Ss', mech, false);
      if (job.encodeChip) {
        await this.#send(command('Sis'), 'Sis', mech, false);
        const encoded = await job.encodeChip().catch(() => false);
        if (!encoded) {
          await this.#send(command('Ser'), 'Ser', mech, false);
          throw new PrinterError('CHIP_ENCODING_FAILED', 'chip-encoding-failed');
        }
      }
      await this.#send(command('Sr'), 'Sr', mech, false);
      await this.#sendSide(job.front, job);
      if (job.back) {
        await this.#send(command('Sv'), 'Sv', mech, false);
        await this.#sendSide(job.back, job);
      }
      await this.#send(command('Se'), 'Se', mech, false);
    });
  }

  #op<T>(fn: () => Promise<T>): Promise<Result<T>> {
    return this.#lock.run(() => toResult(fn));
  }

  #levels(panel: (typeof PANEL_ORDER)[number], job: PrintJob): number {
    return panel === 'k' || panel === 'o' ? 2 : (job.colourLevels ?? 64);
  }

  #checkPanels(job: PrintJob): void {
    for (const side of [job.front, job.back]) {
      if (!side) continue;
      for (const p of PANEL_ORDER) {
        const data = side[p];
        if (data && data.length !== panelBytes(this.#levels(p, job), this.#geometry)) throw new PrinterError('BITMAP_LENGTH', 'unknown');
      }
    }
  }

  async #sendSide(side: SidePanels, job: PrintJob): Promise<void> {
    for (const p of PANEL_ORDER) {
      const data = side[p];
      if (!data) continue;
      const bytes = panelCommand(p, this.#levels(p, job), data);
      const lineMs = (bytes.length * 10 * 1000) / this.#baud;
      try {
        await this.#send(bytes, 'Db', this.#timeouts.command + lineMs * 1.5, false);
      } catch (e) {
        // The printer checks the panel length against its own geometry: a parameter error here is a size mismatch.
        if (e instanceof PrinterError && e.code === 'PARAMETER_ERROR') throw new PrinterError('BITMAP_LENGTH', 'unknown', e.detail);
        throw e;
      }
    }
  }

  async #send(bytes: Buffer, label: string, timeoutMs: number, safeToResend: boolean): Promise<string> {
    const reply = await this.#link.exchange(bytes, { label, timeoutMs, safeToResend, onFrame: (f) => ({ kind: 'done', value: parseReply(f) }) });
    if (reply.kind === 'nack') {
      const e = nackToError(reply.code);
      this.#log.warn('printer refused', { label, code: e.code });
      throw e;
    }
    return reply.text;
  }
}
