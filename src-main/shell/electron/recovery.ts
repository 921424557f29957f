import type { App, BrowserWindow } from 'electron';
import { createLogger } from '../../logs/logger.js';
import { CRASH_URL, ENTRY_URL } from './origin.js';

const log = createLogger('electron-recovery');

export interface RecoveryOptions {
  /** Restarts allowed within `windowMs` before the crash page is shown. */
  maxRestarts?: number;
  windowMs?: number;
  /** How long a hung renderer gets to answer again before it is killed and reloaded. */
  unresponsiveGraceMs?: number;
  /** How long the crash page stays before one fresh attempt with a cleared count. */
  cooldownMs?: number;
}

export const RECOVERY_DEFAULTS: Required<RecoveryOptions> = {
  maxRestarts: 3,
  windowMs: 60_000,
  unresponsiveGraceMs: 15_000,
  cooldownMs: 5 * 60_000,
};

/**
 * Keeps an unattended terminal showing something: a crashed or hung renderer is reloaded,
 * at most `maxRestarts` times per `windowMs`; past that the static crash page is shown and
 * after `cooldownMs` the UI is tried again from scratch. Nobody has to walk up to the kiosk.
 */
export function superviseRenderer(win: BrowserWindow, options: RecoveryOptions = {}): () => void {
  const { maxRestarts, windowMs, unresponsiveGraceMs, cooldownMs } = { ...RECOVERY_DEFAULTS, ...options };
  const contents = win.webContents;
  let restarts: number[] = [];
  let hangTimer: ReturnType<typeof setTimeout> | undefined;
  let cooldownTimer: ReturnType<typeof setTimeout> | undefined;
  let killedByUs = false;

  const clearHang = () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = undefined;
  };

  const showCrashPage = () => {
    log.error('renderer keeps failing; showing the crash page', { restarts: restarts.length, windowMs });
    contents.loadURL(CRASH_URL).catch(() => log.error('crash page failed to load'));
    cooldownTimer = setTimeout(() => {
      cooldownTimer = undefined;
      restarts = [];
      if (win.isDestroyed()) return;
      log.info('retrying the kiosk page after cooldown');
      contents.loadURL(ENTRY_URL).catch(() => log.error('kiosk page failed to load'));
    }, cooldownMs);
  };

  const restart = () => {
    if (win.isDestroyed()) return;
    // While the crash page is up, only keep it alive; the cooldown decides when to try again.
    if (cooldownTimer) return contents.reload();
    const now = Date.now();
    restarts = restarts.filter((at) => now - at < windowMs);
    if (restarts.length >= maxRestarts) return showCrashPage();
    restarts.push(now);
    contents.reload();
  };

  const onGone = (_event: unknown, details: { reason: string; exitCode: number }) => {
    clearHang();
    if (killedByUs && details.reason === 'killed') {
      killedByUs = false;
      return;
    }
    log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    restart();
  };

  const onUnresponsive = () => {
    if (hangTimer) return;
    log.warn('renderer unresponsive');
    hangTimer = setTimeout(() => {
      hangTimer = undefined;
      if (win.isDestroyed()) return;
      log.error('renderer still unresponsive; restarting it', { graceMs: unresponsiveGraceMs });
      // Kill first so the reload gets a fresh process rather than queueing behind the hang.
      killedByUs = true;
      contents.forcefullyCrashRenderer();
      restart();
    }, unresponsiveGraceMs);
  };

  const onResponsive = () => {
    if (hangTimer) log.info('renderer responsive again');
    clearHang();
  };

  contents.on('render-process-gone', onGone);
  contents.on('unresponsive', onUnresponsive);
  contents.on('responsive', onResponsive);
  return () => {
    clearHang();
    if (cooldownTimer) clearTimeout(cooldownTimer);
    contents.off('render-process-gone', onGone);
    contents.off('unresponsive', onUnresponsive);
    contents.off('responsive', onResponsive);
  };
}

/** GPU, utility and other helper processes: logged for diagnosis; Chromium restarts them itself. */
export function logChildProcessGone(app: App): void {
  app.on('child-process-gone', (_event, details) => {
    log.warn('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode });
  });
}
