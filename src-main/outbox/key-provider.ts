import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, writeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFileInsecureError, KeyInvalidError, KeyMissingError } from './errors.js';

/** What the outbox tells a key provider when it asks for the key. */
export interface KeyLoadContext {
  /** The outbox database file that needs the key; when it already exists, a missing key is KeyMissingError, never a new key. */
  outboxFile: string;
  outboxExists: boolean;
}

/** Supplies the 32-byte master key of the outbox. The Electron shell adds a safeStorage provider. */
export interface KeyProvider {
  /** A name for logs and ops ("key-file", "safe-storage"). */
  readonly name: string;
  /** Returns the 32-byte key, creating it for a new outbox; rejects if it cannot be kept safely or is missing for an existing one. */
  loadKey(context?: KeyLoadContext): Promise<Uint8Array>;
}

const KEY_BYTES = 32;

/**
 * Browser-host provider: a key file in the data directory readable by the kiosk user alone.
 * Fails with KeyFileInsecureError if the file is readable by group/others or owned by another user.
 */
export class FileKeyProvider implements KeyProvider {
  readonly name = 'key-file';
  readonly path: string;

  constructor(dataDir: string, fileName = 'outbox.key') {
    this.path = join(dataDir, fileName);
  }

  /**
   * Reads (or, for a new outbox, creates with mode 0600) the key file; rejects on loose permissions,
   * bad content, or KeyMissingError when the file is gone but the outbox exists.
   */
  async loadKey(context?: KeyLoadContext): Promise<Uint8Array> {
    return this.loadKeySync(context);
  }

  /** Synchronous variant for tools and tests. */
  loadKeySync(context?: KeyLoadContext): Uint8Array {
    let fd: number;
    try {
      fd = openSync(this.path, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (context?.outboxExists) throw new KeyMissingError(this.path, context.outboxFile);
      return this.create();
    }
    try {
      const st = fstatSync(fd);
      const uid = process.getuid?.();
      if ((st.mode & 0o077) !== 0 || (uid !== undefined && st.uid !== uid)) throw new KeyFileInsecureError(this.path, st.mode);
      if (st.size !== KEY_BYTES * 2 + 1) throw new KeyInvalidError(`key file has ${st.size} bytes`);
      const buf = Buffer.alloc(st.size);
      readSync(fd, buf, 0, st.size, 0);
      const hex = buf.toString('ascii').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new KeyInvalidError('key file is not 64 hex digits');
      return Buffer.from(hex, 'hex');
    } finally {
      closeSync(fd);
    }
  }

  private create(): Uint8Array {
    const key = randomBytes(KEY_BYTES);
    // O_EXCL: if two processes race, one wins and the other fails loudly instead of overwriting.
    const fd = openSync(this.path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      writeSync(fd, `${key.toString('hex')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return key;
  }
}

/** A fixed key, for tests and tools only. */
export class StaticKeyProvider implements KeyProvider {
  readonly name = 'static';
  constructor(private readonly key: Uint8Array) {
    if (key.byteLength !== KEY_BYTES) throw new KeyInvalidError(`expected ${KEY_BYTES} bytes`);
  }
  /** Returns the key given to the constructor. */
  async loadKey(): Promise<Uint8Array> {
    return this.key;
  }
}
