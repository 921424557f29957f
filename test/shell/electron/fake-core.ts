import { vi } from 'vitest';
import { ok, type Result } from '../../../src-main/contract/errors.js';
import { EventQueue } from '../../../src-main/core/event-queue.js';

/** A core stand-in: a spy for calls and a real event queue. */
export function fakeCore() {
  return {
    call: vi.fn(async (name: unknown, _payload: unknown): Promise<Result<unknown>> => ok({ answered: name })),
    events: new EventQueue(),
    close: vi.fn(async () => undefined),
    /** In service (the supervisor watches the configuration only while a core is out of service). */
    terminalInfo: () => ({ mode: 'demo' as const }),
    voiceRecordingsDir: undefined,
    sessions: { sessionId: undefined as string | undefined },
    onSessionEnded: () => () => undefined,
  };
}
