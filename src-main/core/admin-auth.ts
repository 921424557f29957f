import { parsePinHash, verifyPin, type PinHash } from '../config/pin-hash.js';
import { fail, ok, type Result } from '../contract/errors.js';
import { createLogger } from '../logs/logger.js';
import { MemoryLockoutStore, NO_FAILURES, type LockoutState, type LockoutStore } from './lockout-store.js';

const log = createLogger('admin-auth');

export interface AdminAuthOptions {
  /** scrypt$N=…,r=…,p=…$salt$hash (config/pin-hash.ts); anything else throws InvalidPinHashError. */
  pinHash: string;
  maxTries: number;
  /** The first lockout; each further round doubles it. */
  lockoutMs: number;
  /** The longest lockout (default: 24 h). */
  maxLockoutMs?: number;
  sessionMs: number;
  /** Where the lockout survives a restart; in memory when absent. */
  store?: LockoutStore;
  now?: () => number;
}

/** The configured PIN hash is not one this build can verify against. */
export class InvalidPinHashError extends Error {
  override readonly name = 'InvalidPinHashError';
  constructor(reason: string) {
    super(`admin.pinHash ${reason}`);
  }
}

/** Technician PIN check with a try counter and a growing, persisted lockout; the PIN itself is never stored or logged. */
export class AdminAuth {
  private state: LockoutState;
  private sessionUntil = 0;
  private readonly now: () => number;
  private readonly stored: PinHash;
  private readonly store: LockoutStore;
  private readonly maxLockoutMs: number;

  /** Throws InvalidPinHashError for a malformed hash; reads the lockout state, failing safe if it is unreadable. */
  constructor(private readonly options: AdminAuthOptions) {
    this.now = options.now ?? Date.now;
    const parsed = parsePinHash(options.pinHash);
    if (typeof parsed === 'string') throw new InvalidPinHashError(parsed);
    this.stored = parsed;
    this.maxLockoutMs = Math.max(options.maxLockoutMs ?? 86_400_000, options.lockoutMs);
    this.store = options.store ?? new MemoryLockoutStore();
    const { state, corrupt } = this.store.load();
    if (corrupt) {
      // We cannot tell how many tries were used: lock for one round rather than grant a fresh set.
      log.warn('technician lockout state unreadable; technician login locked for one round', { lockoutMs: options.lockoutMs });
      this.state = { failures: 0, rounds: 1, lockedUntil: this.now() + options.lockoutMs };
      this.persist();
    } else {
      this.state = state;
      // A lockout written under a wrong clock must not outlast the longest one from now; kept, so
      // that restarts do not keep pushing it forward.
      const latest = this.now() + this.maxLockoutMs;
      if (state.lockedUntil > latest) {
        this.state = { ...state, lockedUntil: latest };
        this.persist();
      }
    }
  }

  /** Checks a technician PIN; fails with `admin_bad_pin` (tries left) or `admin_locked` (retry after). */
  login(pin: string): Result<{ role: 'technician'; expiresAt: string }> {
    const now = this.now();
    if (now < this.state.lockedUntil) return fail('admin_locked', { retryAfterMs: this.state.lockedUntil - now });
    if (!verifyPin(pin, this.stored)) {
      const failures = this.state.failures + 1;
      if (failures >= this.options.maxTries) {
        const rounds = this.state.rounds + 1;
        const lockoutMs = Math.min(this.options.lockoutMs * 2 ** Math.min(rounds - 1, 30), this.maxLockoutMs);
        this.state = { failures: 0, rounds, lockedUntil: now + lockoutMs };
        this.persist();
        log.warn('technician login locked after repeated wrong PINs', { rounds, lockoutMs });
        return fail('admin_locked', { retryAfterMs: lockoutMs });
      }
      this.state = { ...this.state, failures };
      this.persist();
      return fail('admin_bad_pin', { triesLeft: this.options.maxTries - failures });
    }
    if (this.state.failures !== 0 || this.state.rounds !== 0 || this.state.lockedUntil !== 0) {
      this.state = { ...NO_FAILURES };
      this.persist();
    }
    this.sessionUntil = now + this.options.sessionMs;
    return ok({ role: 'technician', expiresAt: new Date(this.sessionUntil).toISOString() });
  }

  logout(): void {
    this.sessionUntil = 0;
  }

  /** Whether a technician is signed in now. */
  get active(): boolean {
    return this.now() < this.sessionUntil;
  }

  private persist(): void {
    try {
      this.store.save(this.state);
    } catch (err) {
      // Still enforced in this process; only a restart could forget it.
      log.error('technician lockout state could not be saved', { error: err instanceof Error ? err.name : 'unknown' });
    }
  }
}
