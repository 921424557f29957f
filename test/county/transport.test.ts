import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountyClient } from '../../src-main/county/client.js';
import { CountyError } from '../../src-main/county/errors.js';
import { InsecureCountyUrlError, countyUrlProblem, isLoopbackHost } from '../../src-main/county/transport.js';

describe('county transport policy', () => {
  it.each(['127.0.0.1', '127.1.2.3', '127.255.255.254', 'localhost', 'LOCALHOST', '[::1]'])('treats %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['128.0.0.1', '10.0.0.1', '127.0.0.1.evil.example', 'localhost.example', '[::2]', '[::ffff:7f00:1]', 'county.example'])('does not treat %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it.each(['https://county.example/api', 'https://10.1.2.3:8443', 'http://127.0.0.1:8787', 'http://localhost:1', 'http://[::1]:9', 'http://127.1:80'])('allows %s', (url) => {
    expect(countyUrlProblem(url)).toBeUndefined();
  });

  it.each(['http://county.example/api', 'http://10.0.0.5:8787', 'http://127.0.0.1.nip.example', 'ftp://county.example', 'file:///etc/passwd', 'ws://127.0.0.1', 'nonsense'])(
    'refuses %s',
    (url) => {
      expect(countyUrlProblem(url)).toBeTypeOf('string');
    },
  );
});

describe('CountyClient construction', () => {
  it('cannot be built for http to a non-loopback host', () => {
    expect(() => new CountyClient({ baseUrl: 'http://county.example/api' })).toThrow(InsecureCountyUrlError);
    expect(() => new CountyClient({ baseUrl: 'http://192.168.1.20:8787' })).toThrow(/https/);
  });

  it('can be built for https anywhere and http on loopback', () => {
    expect(() => new CountyClient({ baseUrl: 'https://county.example/api' })).not.toThrow();
    expect(() => new CountyClient({ baseUrl: 'http://127.0.0.1:8787' })).not.toThrow();
    expect(() => new CountyClient({ baseUrl: 'http://[::1]:8787' })).not.toThrow();
  });
});

describe('CountyClient and redirects', () => {
  let server: Server;
  let url = '';
  let followed = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/elsewhere/v1/enrolments') {
        followed += 1;
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      res.writeHead(307, { location: `${url}/elsewhere${req.url ?? ''}` }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('does not follow a redirect (it could lead off https), and reports it as a protocol error', async () => {
    const client = new CountyClient({ baseUrl: url, timeoutMs: 2_000 });
    const err = await client.enrol('DEMO-CODE-01', 'demo-site-01').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CountyError);
    expect((err as CountyError).kind).toBe('protocol');
    expect(followed).toBe(0);
  });
});
