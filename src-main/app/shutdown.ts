// One orderly stop for the terminal process, whichever signal or window close asks for it.

export interface ShutdownOptions {
  /** Run in order; a step that throws does not keep the later ones from running. */
  steps: readonly (() => Promise<void>)[];
  /** After this long the process exits anyway: a stuck step must never keep a kiosk from restarting. */
  deadlineMs: number;
  exit(code: number): void;
  /** Told when the deadline passed or a step failed (no personal data: step index and error name only). */
  report(problem: { step: number; kind: 'failed' | 'late'; error?: string }): void;
  setTimer?: (fn: () => void, ms: number) => { unref?(): void };
}

/** Returns an idempotent stop(): the first call runs the steps, later calls wait for the same run. */
export function makeShutdown(options: ShutdownOptions): () => Promise<void> {
  let running: Promise<void> | null = null;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  return () => {
    running ??= (async () => {
      let step = 0;
      let done = false;
      setTimer(() => {
        if (done) return;
        options.report({ step, kind: 'late' });
        options.exit(1);
      }, options.deadlineMs).unref?.();
      let failed = false;
      for (; step < options.steps.length; step++) {
        try {
          await options.steps[step]!();
        } catch (error) {
          failed = true;
          options.report({ step, kind: 'failed', error: error instanceof Error ? error.name : typeof error });
        }
      }
      done = true;
      options.exit(failed ? 1 : 0);
    })();
    return running;
  };
}
