import { describe, expect, it, vi } from 'vitest';
import { socketUrl, takeToken, TOKEN_KEY, type TokenEnv } from '../../src-renderer/api/token.js';

function env(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaceState = vi.fn();
  const e: TokenEnv = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  };
  return { e, storage, replaceState };
}

describe('token', () => {
  it('takes #token= into sessionStorage and removes it from the address bar', () => {
    const { e, storage, replaceState } = env('#token=abc123');
    expect(takeToken(e)).toBe('abc123');
    expect(storage.get(TOKEN_KEY)).toBe('abc123');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('finds the token in sessionStorage after a reload', () => {
    const { e, replaceState } = env('', { [TOKEN_KEY]: 'saved' });
    expect(takeToken(e)).toBe('saved');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('builds ws:// or wss:// urls on the page host', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, 'a b')).toBe('ws://127.0.0.1:8080/api?token=a%20b');
    expect(socketUrl({ protocol: 'https:', host: 'kiosk' }, 't')).toBe('wss://kiosk/api?token=t');
  });
});
