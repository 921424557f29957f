import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact, redactString } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LogSink {
  write(line: string): void;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A JSON-lines file sink with one rotated generation (`kiosk.log.1`). */
export function fileSink(dir: string): LogSink {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kiosk.log');
  return {
    write(line) {
      try {
        if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_FILE_BYTES) renameSync(file, `${file}.1`);
        appendFileSync(file, `${line}\n`);
      } catch {
        // Logging must never take the terminal down.
      }
    },
  };
}

export const stderrSink: LogSink = { write: (line) => process.stderr.write(`${line}\n`) };

let sinks: LogSink[] = [stderrSink];
let minLevel: LogLevel = (process.env['KIOSK_LOG_LEVEL'] as LogLevel | undefined) ?? 'info';

/** Replaces where every logger writes (composition root and tests). */
export function configureLogging(options: { sinks: LogSink[]; level?: LogLevel }): void {
  sinks = options.sinks;
  if (options.level) minLevel = options.level;
}

/** One named logger per module; every message and field passes through redaction. */
export function createLogger(name: string): Logger {
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    const record = { ...(fields ? (redact(fields) as object) : {}), t: new Date().toISOString(), level, logger: name, msg: redactString(msg) };
    const line = JSON.stringify(record);
    for (const sink of sinks) sink.write(line);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
