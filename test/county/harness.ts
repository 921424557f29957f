import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FaultRequest } from '../../src-main/county/reference/faults.js';
import { newNonce, signHeaders } from '../../src-main/county/signing.js';

const ROOT = join(import.meta.dirname, '../..');

export interface BackendProcess {
  url: string;
  port: number;
  adminToken: string;
  child: ChildProcess;
  /** Everything the backend wrote to stderr (its logs) so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Runs scripts/county-backend.ts as a separate process on 127.0.0.1, port 0; resolves once it prints its port. */
export function spawnBackend(args: string[] = []): Promise<BackendProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/county-backend.ts'), '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KIOSK_LOG_LEVEL: process.env['KIOSK_LOG_LEVEL'] ?? 'warn' },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => void (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`backend exited ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; port: number; adminToken: string };
      resolve({
        ...info,
        child,
        stderr: () => stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Calls an admin endpoint of the backend. */
export async function admin(b: { url: string; adminToken: string }, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${b.url}${path}`, {
    method,
    headers: { 'x-admin-token': b.adminToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 400) throw new Error(`admin ${path}: ${res.status}`);
  return res.status === 204 ? undefined : res.json();
}

/** Installs a fault on the backend. */
export function setFault(b: { url: string; adminToken: string }, req: FaultRequest): Promise<unknown> {
  return admin(b, 'POST', '/_admin/faults', req);
}

/** How many times the backend applied each transaction id. */
export async function effects(b: { url: string; adminToken: string }): Promise<Record<string, number>> {
  return ((await admin(b, 'GET', '/_admin/effects')) as { effects: Record<string, number> }).effects;
}

/** Enrols with a fresh one-time code; returns the terminal id and credential bytes. */
export async function enrolFresh(b: { url: string; adminToken: string }, code: string): Promise<{ terminalId: string; credential: Buffer }> {
  await admin(b, 'POST', '/_admin/enrolment-codes', { code, siteId: 'demo-site-01' });
  const res = await fetch(`${b.url}/v1/enrolments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, siteId: 'demo-site-01' }) });
  if (res.status !== 201) throw new Error(`enrol: ${res.status}`);
  const e = (await res.json()) as { terminalId: string; credential: string };
  return { terminalId: e.terminalId, credential: Buffer.from(e.credential, 'base64url') };
}

export interface RawOptions {
  method?: string;
  body?: string;
  timestamp?: number;
  nonce?: string;
  headers?: Record<string, string>;
  /** Send this body instead of the one that was signed. */
  tamperedBody?: string;
  /** Sign this Idempotency-Key instead of the one in `headers` (to forge a swapped key). */
  signedIdempotencyKey?: string;
}

/** A hand-signed request, so tests can replay, tamper and skew. */
export async function rawSigned(b: { url: string }, who: { terminalId: string; credential: Buffer }, path: string, o: RawOptions = {}) {
  const method = o.method ?? 'POST';
  const body = o.body ?? '';
  const nonce = o.nonce ?? newNonce();
  const idempotencyKey = o.signedIdempotencyKey ?? o.headers?.['idempotency-key'];
  const headers = signHeaders(who.credential, { method, path, timestamp: o.timestamp ?? Date.now(), nonce, body, terminalId: who.terminalId, idempotencyKey });
  const res = await fetch(`${b.url}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json', ...o.headers },
    ...(method === 'GET' ? {} : { body: o.tamperedBody ?? body }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, nonce, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
