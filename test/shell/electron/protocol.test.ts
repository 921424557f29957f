import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const { CONTENT_SECURITY_POLICY, createAppRequestHandler, handleAppProtocol, registerAppScheme } = await import(
  '../../../src-main/shell/electron/protocol.js'
);
const { resolveInside } = await import('../../../src-main/shell/electron/static-files.js');

let base: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-protocol-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'face.svg'), '<svg/>');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
  handler = createAppRequestHandler(rendererDir);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(resetFake);

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled by the renderer-directory handler', async () => {
    handleAppProtocol(rendererDir);
    const registered = fake.protocolHandlers.get('app');
    expect(registered).toBeDefined();
    const response = await registered!(new Request('app://kiosk/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('responses', () => {
  it('carry the exact Content-Security-Policy', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'none'",
    );
    const response = await get('app://kiosk/index.html');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://kiosk/missing.js')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serve files with their MIME types, and / as index.html', async () => {
    const cases: [string, string][] = [
      ['app://kiosk/', 'text/html; charset=utf-8'],
      ['app://kiosk/index.html', 'text/html; charset=utf-8'],
      ['app://kiosk/assets/app.js', 'text/javascript; charset=utf-8'],
      ['app://kiosk/assets/app.css', 'text/css; charset=utf-8'],
      ['app://kiosk/assets/face.svg', 'image/svg+xml'],
    ];
    for (const [url, type] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
    }
    expect(await (await get('app://kiosk/assets/app.js')).text()).toBe('console.log(1)');
  });

  it('answer 404 for missing files and other hosts, 405 for other methods', async () => {
    expect((await get('app://kiosk/nope.html')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
  });

  it('fall back to a built-in static crash page when the renderer ships none', async () => {
    const response = await get('app://kiosk/crash.html');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script|<style|style=/);
  });
});

describe('path traversal', () => {
  const attempts = [
    'app://kiosk/../secret.txt',
    'app://kiosk/assets/../../secret.txt',
    'app://kiosk/%2e%2e/secret.txt',
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/..%5csecret.txt',
    'app://kiosk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kiosk/%2e%2e/renderer-evil.txt',
    'app://kiosk/index.html%00.js',
    'app://kiosk/%E0%A4%A',
  ];

  it.each(attempts)('refuses %s with 404 and never reads outside', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('is refused by the path resolver itself, not just by URL normalisation', () => {
    expect(resolveInside('/srv/renderer', '/../secret.txt')).toBeNull();
    expect(resolveInside('/srv/renderer', '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveInside('/srv/renderer', '/a/..%2f..%2fsecret')).toBeNull();
    expect(resolveInside('/srv/renderer', '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
  });
});

describe('county voice recordings on app://', () => {
  it('serves .ogg files from the recordings folder under /county-voice/ and nothing else', async () => {
    const recordings = join(base, 'recordings');
    mkdirSync(join(recordings, 'zh-CN'), { recursive: true });
    writeFileSync(join(recordings, 'zh-CN', 'home.ogg'), 'OggS');
    writeFileSync(join(recordings, 'zh-CN', 'notes.txt'), 'text');
    const withVoice = createAppRequestHandler(rendererDir, () => recordings);
    const ok = await withVoice(new Request('app://kiosk/county-voice/zh-CN/home.ogg'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('audio/ogg');
    for (const path of ['county-voice/zh-CN/notes.txt', 'county-voice/../secret.txt', 'county-voice/%2e%2e/renderer/index.html']) {
      expect((await withVoice(new Request(`app://kiosk/${path}`))).status, path).toBe(404);
    }
    // Before the core has started (or without a folder) there are none.
    expect((await createAppRequestHandler(rendererDir, () => undefined)(new Request('app://kiosk/county-voice/zh-CN/home.ogg'))).status).toBe(404);
  });
});
