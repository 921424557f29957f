import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFileInsecureError, KeyInvalidError } from '../../src-main/outbox/errors.js';
import { FileKeyProvider } from '../../src-main/outbox/key-provider.js';
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
