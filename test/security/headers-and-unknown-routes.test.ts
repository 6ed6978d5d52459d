// Item 8: security headers on every answer, HSTS only where users reach us over https, the console's sockets
// limited to our own origin, and unknown routes answered in the API's JSON error shape, never express's HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

describe('response headers and unknown routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: 1 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends helmet’s headers and no referrer on every answer', async () => {
    for (const path of ['/healthz', '/console/', '/api/auth/me', '/no/such/page']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('sends HSTS only for https: not over plain http, yes through a trusted TLS proxy', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const viaProxy = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('lets the console connect to its own server only, not to any ws: or wss: host', async () => {
    const csp = (await fetch(`${server.url}/console/`)).headers.get('content-security-policy') ?? '';
    const connect = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('connect-src'));
    expect(connect).toBe(`connect-src 'self' ${server.url.replace(/^http/, 'ws')}`);
  });

  it('has an icon for browser tabs at /favicon.ico and /favicon.svg, which the console names', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(await res.text()).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
    }
    expect(await (await fetch(`${server.url}/console/`)).text()).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"');
  });

  it.each(['/no/such/page', '/api/no-such-route', '/examples/classroom/', '/widget/../package.json', '/help'])(
    'answers %s with the JSON error shape',
    async (path) => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
    },
  );

  it('answers an unknown method on a known path with JSON too', async () => {
    const res = await fetch(`${server.url}/healthz`, { method: 'DELETE' });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
  });
});
