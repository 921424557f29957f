import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyMissingError } from '../../../src-main/outbox/errors.js';
import { SafeStorageKeyProvider, SafeStorageUnavailableError, type SafeStorageLike } from '../../../src-main/shell/electron/safe-storage-keys.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A reversible stand-in for the OS keyring that marks what it sealed. */
function keyring(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.concat([Buffer.from('SEALED:'), Buffer.from(text, 'utf8').reverse()]),
    decryptString: (sealed) => Buffer.from(sealed.subarray(7)).reverse().toString('utf8'),
  };
}

describe('safeStorage outbox key provider', () => {
  it('creates a 32-byte key once, stores it only sealed with mode 0600, and returns the same key later', async () => {
    dir = mkdtempSync(join(tmpdir(), 'safe-keys-'));
    const provider = new SafeStorageKeyProvider(keyring(), dir, 'linux');
    const first = await provider.loadKey();
    expect(first).toHaveLength(32);
    const onDisk = readFileSync(provider.path);
    expect(onDisk.subarray(0, 7).toString()).toBe('SEALED:');
    expect(onDisk.toString('utf8')).not.toContain(Buffer.from(first).toString('hex'));
    expect(statSync(provider.path).mode & 0o077).toBe(0);
    expect(Buffer.from(await new SafeStorageKeyProvider(keyring(), dir, 'linux').loadKey())).toEqual(Buffer.from(first));
  });

  it("refuses Linux's basic_text backend and an unavailable keyring", async () => {
    dir = mkdtempSync(join(tmpdir(), 'safe-keys-'));
    await expect(new SafeStorageKeyProvider(keyring('basic_text'), dir, 'linux').loadKey()).rejects.toThrow(SafeStorageUnavailableError);
    await expect(new SafeStorageKeyProvider(keyring('gnome_libsecret', false), dir, 'linux').loadKey()).rejects.toThrow(/unavailable/);
  });

  it('rejects a sealed key that does not unseal to a key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'safe-keys-'));
    const provider = new SafeStorageKeyProvider(keyring(), dir, 'linux');
    await provider.loadKey();
    const broken: SafeStorageLike = { ...keyring(), decryptString: () => 'not a key' };
    await expect(new SafeStorageKeyProvider(broken, dir, 'linux').loadKey()).rejects.toThrow(/malformed/);
  });

  it('refuses to seal a new key when the sealed key of an existing outbox is gone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'safe-keys-'));
    const provider = new SafeStorageKeyProvider(keyring(), dir, 'linux');
    await expect(provider.loadKey({ outboxFile: join(dir, 'outbox.db'), outboxExists: true })).rejects.toBeInstanceOf(KeyMissingError);
    expect(existsSync(provider.path)).toBe(false);
    expect(await provider.loadKey({ outboxFile: join(dir, 'outbox.db'), outboxExists: false })).toHaveLength(32);
  });
});
