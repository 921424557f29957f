import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

// Where the technician-login lockout lives, so pulling the plug does not hand an attacker a fresh
// set of tries. It holds counts and times only: never a PIN or anything typed.

/** The lockout state: failures in the current round, rounds already locked out, and until when. */
export interface LockoutState {
  failures: number;
  rounds: number;
  lockedUntil: number;
}

export const NO_FAILURES: LockoutState = Object.freeze({ failures: 0, rounds: 0, lockedUntil: 0 });

/** Reads and keeps the lockout state; `load` says when what it found was unreadable. */
export interface LockoutStore {
  /** The stored state; `corrupt` when a file existed but could not be read as a state. */
  load(): { state: LockoutState; corrupt: boolean };
  /** Keeps the state; throws if it cannot be written (the caller still enforces it in memory). */
  save(state: LockoutState): void;
}

/** Keeps the state in memory only (tests, tools). */
export class MemoryLockoutStore implements LockoutStore {
  constructor(private state: LockoutState = NO_FAILURES) {}
  /** Returns the last saved state. */
  load(): { state: LockoutState; corrupt: boolean } {
    return { state: this.state, corrupt: false };
  }
  /** Replaces the state. */
  save(state: LockoutState): void {
    this.state = { ...state };
  }
}

const StateSchema = z
  .object({
    v: z.literal(1),
    failures: z.number().int().min(0).max(1_000),
    rounds: z.number().int().min(0).max(1_000),
    lockedUntil: z.number().int().min(0),
  })
  .strict();

/**
 * A JSON file in the data directory, replaced atomically (write a temp file, fsync, rename, fsync
 * the directory) with mode 0600, so a crash leaves the old state or the new one, never half of one.
 */
export class FileLockoutStore implements LockoutStore {
  constructor(readonly path: string) {}

  /** Reads the file; a missing file is no failures, anything unreadable is `corrupt`. */
  load(): { state: LockoutState; corrupt: boolean } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: NO_FAILURES, corrupt: false };
      return { state: NO_FAILURES, corrupt: true };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { state: NO_FAILURES, corrupt: true };
    }
    const parsed = StateSchema.safeParse(json);
    if (!parsed.success) return { state: NO_FAILURES, corrupt: true };
    const { failures, rounds, lockedUntil } = parsed.data;
    return { state: { failures, rounds, lockedUntil }, corrupt: false };
  }

  /** Replaces the file atomically; throws on I/O errors. */
  save(state: LockoutState): void {
    const tmp = join(dirname(this.path), `.${Date.now().toString(36)}-${process.pid}.lockout.tmp`);
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ v: 1, ...state })}\n`);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    closeSync(fd);
    renameSync(tmp, this.path);
    const dir = openSync(dirname(this.path), constants.O_RDONLY);
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
}
