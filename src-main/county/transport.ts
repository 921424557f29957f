import { isIPv4 } from 'node:net';

// Where the county client may send requests. Enrolment codes, PIN blocks and face images travel
// in request bodies, so anything but https is refused except to this machine (the embedded and
// test backends listen on loopback, where there is no wire to tap).

/** Whether a URL hostname (as `new URL().hostname` gives it) is this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}

/** Why `url` may not be a county base URL, or undefined if it may: https anywhere, http to loopback only. */
export function countyUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:') {
    return isLoopbackHost(parsed.hostname) ? undefined : 'must use https (http is allowed to a loopback host only: 127.0.0.0/8, ::1, localhost)';
  }
  return 'must be an https URL';
}

/** A county base URL that would send requests in clear text over a network, or is not a URL. */
export class InsecureCountyUrlError extends Error {
  override readonly name = 'InsecureCountyUrlError';
  constructor(readonly problem: string) {
    super(`county URL refused: ${problem}`);
  }
}

/** Throws InsecureCountyUrlError unless `url` is https, or http to a loopback host. */
export function assertCountyUrl(url: string): void {
  const problem = countyUrlProblem(url);
  if (problem) throw new InsecureCountyUrlError(problem);
}
