// pino behind a small facade: one named child logger per module (`createLogger('outbox')`), every
// record through the allow-list in fields.ts, messages fixed sentences. The composition root points
// it at the rolling file (files.ts) and stderr; tests point it at a recorder or at nothing.
import pino from 'pino';
import { allowFields, fixedMessage } from './fields.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'fatal'];

export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  fatal(msg: string, fields?: Fields): void;
}

/** Where records go: one JSON line per call (without the newline). */
export interface LogSink {
  write(line: string): void;
  /** Writes out anything buffered before the process exits. */
  flushSync?(): void;
}

/** A sink that takes pino's raw output (lines ending in a newline), such as a SonicBoom file stream. */
export interface RawLogStream {
  write(data: string): unknown;
  flushSync?(): void;
}

export const stderrSink: LogSink = { write: (line) => void process.stderr.write(`${line}\n`) };

const envLevel = process.env['KIOSK_LOG_LEVEL'];
let minLevel: LogLevel = envLevel && (LOG_LEVELS as string[]).includes(envLevel) ? (envLevel as LogLevel) : 'info';
let streams: RawLogStream[] = [lineStream(stderrSink)];
let root: pino.Logger | undefined;
let generation = 0;

function lineStream(sink: LogSink): RawLogStream {
  return {
    write: (data: string) => sink.write(data.endsWith('\n') ? data.slice(0, -1) : data),
    ...(sink.flushSync ? { flushSync: () => sink.flushSync?.() } : {}),
  };
}

function buildRoot(): pino.Logger {
  if (streams.length === 0) return pino({ level: 'silent' });
  return pino(
    {
      level: minLevel,
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(streams.map((stream) => ({ stream, level: minLevel })) as pino.StreamEntry[]),
  );
}

/**
 * Replaces where every logger writes (composition root and tests). `sinks` get one line per
 * record; `streams` get pino's raw output (the rolling file).
 */
export function configureLogging(options: { sinks?: LogSink[]; streams?: RawLogStream[]; level?: LogLevel }): void {
  streams = [...(options.sinks ?? []).map(lineStream), ...(options.streams ?? [])];
  if (options.level) minLevel = options.level;
  root = undefined;
  generation += 1;
}

/** Writes out every buffered record synchronously (before exit). Never throws. */
export function flushLogs(): void {
  for (const stream of streams) {
    try {
      stream.flushSync?.();
    } catch {
      // A stream that is not open yet has nothing buffered to lose.
    }
  }
}

/** One named logger per module; each record carries only allow-listed fields and a fixed message. */
export function createLogger(name: string): Logger {
  let child: pino.Logger | undefined;
  let seen = -1;
  const current = (): pino.Logger => {
    if (!child || seen !== generation) {
      root ??= buildRoot();
      child = root.child({ module: name });
      seen = generation;
    }
    return child;
  };
  const emit = (level: LogLevel, msg: string, fields?: Fields) => {
    const logger = current();
    if (!logger.isLevelEnabled(level)) return;
    try {
      const fixed = fixedMessage(msg);
      const record = allowFields(fields);
      if (fixed !== msg) record['withheld'] = true;
      logger[level](record, fixed);
    } catch {
      // Logging must never take the terminal down.
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    fatal: (m, f) => emit('fatal', m, f),
  };
}
