/** The only thing the renderer keeps in web storage: the browser host's per-launch token. */
export const TOKEN_KEY = 'kiosk.token';

export type TokenEnv = {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
};

/**
 * Takes `#token=…` from the first page load into sessionStorage and removes it
 * from the address bar (so it is not in history or screenshots); a reload
 * finds it in sessionStorage.
 */
export function takeToken(env: TokenEnv): string | null {
  const match = /^#token=([^&]+)/.exec(env.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    env.sessionStorage.setItem(TOKEN_KEY, token);
    env.history.replaceState(null, '', env.location.pathname + env.location.search);
    return token;
  }
  return env.sessionStorage.getItem(TOKEN_KEY);
}

export function socketUrl(location: { protocol: string; host: string }, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}://${location.host}/api${query}`;
}
