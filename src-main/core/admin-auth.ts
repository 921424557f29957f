import { scryptSync, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../contract/errors.js';

export interface AdminAuthOptions {
  pinHash: string;
  maxTries: number;
  lockoutMs: number;
  sessionMs: number;
  now?: () => number;
}

/** Technician PIN check with a try counter and lockout; the PIN itself is never stored or logged. */
export class AdminAuth {
  private failures = 0;
  private lockedUntil = 0;
  private sessionUntil = 0;
  private readonly now: () => number;
  private readonly salt: Buffer;
  private readonly hash: Buffer;

  constructor(private readonly options: AdminAuthOptions) {
    this.now = options.now ?? Date.now;
    const [, saltHex = '', hashHex = ''] = options.pinHash.split('$');
    this.salt = Buffer.from(saltHex, 'hex');
    this.hash = Buffer.from(hashHex, 'hex');
  }

  /** Checks a technician PIN; fails with `admin_bad_pin` (tries left) or `admin_locked`. */
  login(pin: string): Result<{ role: 'technician'; expiresAt: string }> {
    const now = this.now();
    if (now < this.lockedUntil) return fail('admin_locked', { retryAfterMs: this.lockedUntil - now });
    const candidate = scryptSync(pin, this.salt, this.hash.length);
    if (!timingSafeEqual(candidate, this.hash)) {
      this.failures += 1;
      if (this.failures >= this.options.maxTries) {
        this.failures = 0;
        this.lockedUntil = now + this.options.lockoutMs;
        return fail('admin_locked', { retryAfterMs: this.options.lockoutMs });
      }
      return fail('admin_bad_pin', { triesLeft: this.options.maxTries - this.failures });
    }
    this.failures = 0;
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
}
