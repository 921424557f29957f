import type { KioskApi, KioskError, Result } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';

let current: KioskApi | null = null;

/** Set once at startup by main.tsx (or by a test). */
export function setKioskApi(api: KioskApi): void {
  current = api;
}

export function kiosk(): KioskApi {
  if (current === null) throw new Error('KioskApi used before startup');
  return current;
}

/**
 * Runs a call and shows any failure in the friendly banner: `{ok:false}` as
 * `errors.<code>`, a rejection (lost connection, timeout) as `errors.unexpected`.
 * Returns the value, or null when the caller should stop. `handle` lets a
 * screen keep a code (e.g. admin_bad_pin) for its own inline message.
 */
export async function run<T>(
  call: () => Promise<Result<T>>,
  handle?: (error: KioskError) => boolean,
): Promise<T | null> {
  const { showNotice } = useStore.getState();
  let result: Result<T>;
  try {
    result = await call();
  } catch (error) {
    console.warn('kiosk call failed', error instanceof Error ? error.message : 'unknown');
    showNotice({ kind: 'unexpected' });
    return null;
  }
  if (result.ok) return result.value;
  if (!handle?.(result.error)) showNotice({ kind: 'error', code: result.error.code });
  return null;
}
