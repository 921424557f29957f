import type { IdlePolicy } from '../../src-main/contract/index.js';

export type IdleTimerClock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

// Date.now and the global timers on purpose: e2e tests drive them with Playwright's clock.
export const realClock: IdleTimerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
};

export type IdleTimerHandlers = {
  /** The warning opens; `secondsLeft` is the whole countdown. */
  onWarn(secondsLeft: number): void;
  onTick(secondsLeft: number): void;
  onExpire(): void;
};

export type IdleTimer = {
  /** Pointer/key/touch activity. Ignored once the warning shows: only `resume` closes it. */
  activity(): void;
  /** The "continue" button: closes the warning and starts over. */
  resume(): void;
  /** Watches again after an expiry that did not leave the screen (a card reminder stays up). */
  restart(): void;
  stop(): void;
};

/** Starts watching at once: warn after `warnAfterMs` of inactivity, expire `countdownMs` later. */
export function startIdleTimer(
  policy: IdlePolicy,
  handlers: IdleTimerHandlers,
  clock: IdleTimerClock = realClock,
): IdleTimer {
  let warnTimer: unknown = null;
  let expireTimer: unknown = null;
  let tickTimer: unknown = null;
  let warning = false;
  let stopped = false;

  const clear = () => {
    if (warnTimer !== null) clock.clearTimeout(warnTimer);
    if (expireTimer !== null) clock.clearTimeout(expireTimer);
    if (tickTimer !== null) clock.clearInterval(tickTimer);
    warnTimer = expireTimer = tickTimer = null;
    warning = false;
  };

  const warn = () => {
    warnTimer = null;
    warning = true;
    const deadline = clock.now() + policy.countdownMs;
    const secondsLeft = () => Math.max(0, Math.ceil((deadline - clock.now()) / 1000));
    handlers.onWarn(secondsLeft());
    tickTimer = clock.setInterval(() => handlers.onTick(secondsLeft()), 1000);
    expireTimer = clock.setTimeout(() => {
      clear();
      stopped = true;
      handlers.onExpire();
    }, policy.countdownMs);
  };

  const watch = () => {
    clear();
    if (!stopped) warnTimer = clock.setTimeout(warn, policy.warnAfterMs);
  };

  watch();
  return {
    activity: () => {
      if (!warning) watch();
    },
    resume: watch,
    restart: () => {
      stopped = false;
      watch();
    },
    stop: () => {
      stopped = true;
      clear();
    },
  };
}
