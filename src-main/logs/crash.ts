// Uncaught errors and unhandled rejections: one fatal record (the error's name or code, never its
// message), flushed to disk, then exit non-zero so the shell's supervisor (systemd, start.mjs)
// starts a fresh process.
import { createLogger, flushLogs } from './logger.js';

const log = createLogger('process');
let installed = false;

export function installCrashLogging(exit: (code: number) => void = (code) => process.exit(code)): void {
  if (installed) return;
  installed = true;
  const die = (what: 'uncaught exception' | 'unhandled rejection', error: unknown) => {
    log.fatal(what, { error: error instanceof Error ? error : 'non-error' });
    flushLogs();
    exit(1);
  };
  process.on('uncaughtException', (error) => die('uncaught exception', error));
  process.on('unhandledRejection', (reason) => die('unhandled rejection', reason));
}
