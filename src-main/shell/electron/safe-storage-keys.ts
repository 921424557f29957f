import { randomBytes } from 'node:crypto';
import { constants, existsSync, fstatSync, openSync, closeSync, readFileSync, writeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { KeyMissingError } from '../../outbox/errors.js';
import type { KeyLoadContext, KeyProvider } from '../../outbox/key-provider.js';

/** The part of Electron's `safeStorage` this provider needs (injected so it can be tested). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** The OS keyring cannot protect the outbox key here; the terminal must not start on a weaker key. */
export class SafeStorageUnavailableError extends Error {
  override readonly name = 'SafeStorageUnavailableError';
  constructor(readonly reason: 'unavailable' | 'basic_text') {
    super(`safeStorage cannot protect the outbox key (${reason})`);
  }
}

const KEY_BYTES = 32;

/**
 * Electron provider of the outbox master key: a random key sealed by the OS keyring through
 * safeStorage, kept in `<dataDir>/outbox.key.sealed` (mode 0600). On Linux the `basic_text`
 * backend (a hard-coded password) is refused.
 */
export class SafeStorageKeyProvider implements KeyProvider {
  readonly name = 'safe-storage';
  readonly path: string;

  constructor(
    private readonly storage: SafeStorageLike,
    dataDir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.path = join(dataDir, 'outbox.key.sealed');
  }

  /** Unseals (or, for a new outbox, creates and seals) the key; rejects when safeStorage cannot protect it or the key of an existing outbox is gone. */
  async loadKey(context?: KeyLoadContext): Promise<Uint8Array> {
    if (!this.storage.isEncryptionAvailable()) throw new SafeStorageUnavailableError('unavailable');
    if (this.platform === 'linux' && this.storage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new SafeStorageUnavailableError('basic_text');
    }
    if (!existsSync(this.path)) {
      if (context?.outboxExists) throw new KeyMissingError(this.path, context.outboxFile);
      return this.create();
    }
    const hex = this.storage.decryptString(readFileSync(this.path));
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('sealed outbox key is malformed');
    return Buffer.from(hex, 'hex');
  }

  private create(): Uint8Array {
    const key = randomBytes(KEY_BYTES);
    const sealed = this.storage.encryptString(key.toString('hex'));
    // O_EXCL: a second process racing to create the key fails instead of overwriting the first.
    const fd = openSync(this.path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      writeSync(fd, sealed);
      fsyncSync(fd);
      if ((fstatSync(fd).mode & 0o077) !== 0) throw new Error('sealed key file is readable by others');
    } finally {
      closeSync(fd);
    }
    return key;
  }
}
