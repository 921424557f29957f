import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { StaticKeyProvider } from '../../src-main/outbox/key-provider.js';
import { Outbox, type OutboxOptions } from '../../src-main/outbox/outbox.js';

export const TEST_KEY = new StaticKeyProvider(Buffer.alloc(32, 7));

/** A fresh temporary directory and a cleanup function. */
export function tempDir(prefix = 'outbox-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Registers a fresh temporary directory per test; read `.dir` inside the test. */
export function useTempDir(prefix = 'outbox-'): { readonly dir: string } {
  let current: { dir: string; cleanup: () => void } | undefined;
  beforeEach(() => {
    current = tempDir(prefix);
  });
  afterEach(() => current?.cleanup());
  return {
    get dir() {
      if (!current) throw new Error('useTempDir: no test running');
      return current.dir;
    },
  };
}

/** A manual clock for lease and backoff tests. */
export function manualClock(start = 1_800_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** Opens an outbox in `dir` with small-test defaults. */
export function openTestOutbox(dir: string, extra: Partial<OutboxOptions> = {}): Promise<Outbox> {
  return Outbox.open({ file: join(dir, 'outbox.db'), keys: TEST_KEY, limits: { minFreeBytes: 1024 }, ...extra });
}

/** A typical non-personal payload plus personal fields. */
export function sampleTx(i: number, orderingKey = `resident-${i}`) {
  return {
    kind: 'pin-reset',
    orderingKey,
    payload: { service: 'pin-reset', siteId: 'demo-site-01', step: i },
    personal: { idNumber: `99000019900101${String(i % 1000).padStart(3, '0')}X`, name: `Demo Resident ${i}` },
  };
}
