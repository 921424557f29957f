import { chmodSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFileInsecureError, KeyInvalidError, KeyMismatchError, KeyMissingError } from '../../src-main/outbox/errors.js';
import { FileKeyProvider, StaticKeyProvider } from '../../src-main/outbox/key-provider.js';
import { Outbox } from '../../src-main/outbox/outbox.js';
import { useTempDir } from './helpers.js';

describe('FileKeyProvider', () => {
  const t = useTempDir();

  it('creates a 32-byte key with mode 0600 and returns the same key later', async () => {
    const p = new FileKeyProvider(t.dir);
    const k1 = await p.loadKey();
    expect(k1.byteLength).toBe(32);
    expect(statSync(p.path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(await new FileKeyProvider(t.dir).loadKey()).equals(Buffer.from(k1))).toBe(true);
  });

  it.each([0o640, 0o604, 0o644])('refuses a key file with mode %o', async (mode) => {
    const p = new FileKeyProvider(t.dir, `k-${mode}`);
    await p.loadKey();
    chmodSync(p.path, mode);
    await expect(p.loadKey()).rejects.toBeInstanceOf(KeyFileInsecureError);
  });

  it('refuses a key file with bad content', async () => {
    const path = join(t.dir, 'bad.key');
    writeFileSync(path, 'not a key\n', { mode: 0o600 });
    await expect(new FileKeyProvider(t.dir, 'bad.key').loadKey()).rejects.toBeInstanceOf(KeyInvalidError);
  });
});

describe('the outbox and its key', () => {
  const t = useTempDir();
  const open = (keys: FileKeyProvider | StaticKeyProvider) => Outbox.open({ file: join(t.dir, 'outbox.db'), keys, limits: { minFreeBytes: 1024 } });

  it('refuses to make a new key over an existing outbox whose key file was deleted', async () => {
    const keys = new FileKeyProvider(t.dir);
    const outbox = await open(keys);
    outbox.setSecret('county-credentials', 'sealed under the first key');
    outbox.close();
    rmSync(keys.path);
    const error = await open(new FileKeyProvider(t.dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyMissingError);
    expect((error as KeyMissingError).code).toBe('key_missing');
    expect((error as Error).message).toMatch(/outbox\.key is missing.*cannot be read/s);
    expect(existsSync(keys.path)).toBe(false);
  });

  it('still creates the key for a new outbox (and for an empty file, which SQLite treats as new)', async () => {
    writeFileSync(join(t.dir, 'outbox.db'), '');
    const outbox = await open(new FileKeyProvider(t.dir));
    outbox.close();
    expect(existsSync(join(t.dir, 'outbox.key'))).toBe(true);
  });

  it('says the key does not match when the outbox was written under another key', async () => {
    (await open(new StaticKeyProvider(Buffer.alloc(32, 1)))).close();
    await expect(open(new StaticKeyProvider(Buffer.alloc(32, 2)))).rejects.toBeInstanceOf(KeyMismatchError);
    (await open(new StaticKeyProvider(Buffer.alloc(32, 1)))).close();
  });
});
