// Drivers take a logger instead of importing the core's: the core injects
// its redacting logger, tests inject a recorder, the default says nothing.

/** Structured log fields: codes, counters and hex of non-personal frames only. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** The logger shape drivers write to (compatible with the core's Logger). */
export interface DriverLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Builds a named logger, e.g. createLogger('ssc-reader'). */
export type CreateLogger = (name: string) => DriverLogger;

/** A logger that drops everything; the default for every driver. */
export const noopLogger: DriverLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A CreateLogger that hands out the no-op logger. */
export const noopCreateLogger: CreateLogger = () => noopLogger;
