// Holes 4 and 5, and the look-alikes that already failed: a cookie-authenticated write (sign-in and sign-out
// included) and the console's socket are accepted only from the server's own origin — scheme, host and port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectError, nextEvent, startTestServer, type TestServer } from '../support/server';
import { call, codeOf } from './support/attack';

const cannedReply = (shortcut: string) => ({ shortcut, title: 'Hi', text: 'Hello there' });

describe('the origin rule without a public URL', () => {
  let server: TestServer;
  let cookie: string;
  let host: string;

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.signIn('admin@example.com', 'admin-password');
    host = new URL(server.url).host;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const cannedCount = async () => (await server.services.routing.canned.list()).length;
  const signedIn = async () => (await call(server, 'GET', '/api/auth/me', { headers: { cookie } })).status === 200;

  it('refuses a forced sign-out from a sibling origin and keeps the session', async () => {
    const answer = await call(server, 'POST', '/api/auth/sign-out', { headers: { cookie, origin: `http://evil.${host}` } });
    expect(answer.status).toBe(403);
    expect(codeOf(answer)).toBe('origin_not_allowed');
    expect(await signedIn()).toBe(true);
  });

  it('refuses a sign-in posted from another site, and sets no cookie', async () => {
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://attacker.test' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
  });

  it('refuses the right host under the wrong scheme', async () => {
    const before = await cannedCount();
    const answer = await call(server, 'POST', '/api/admin/canned-replies', {
      headers: { cookie, origin: `https://${host}` },
      body: cannedReply('scheme'),
    });
    expect(answer.status).toBe(403);
    expect(codeOf(answer)).toBe('origin_not_allowed');
    expect(await cannedCount()).toBe(before);
    const socket = server.agentSocket(cookie, { origin: `https://${host}` });
    expect((await connectError(socket)).code).toBe('origin_not_allowed');
  });

  it.each([
    ['another port', (h: string) => `http://${h.replace(/:\d+$/, ':1')}`],
    ['a longer host', (h: string) => `http://${h}.evil.test`],
    ['user info', (h: string) => `http://${h}@evil.test`],
    ['a null origin', () => 'null'],
    ['garbage', () => 'http://%%%'],
  ])('refuses look-alike origins: %s', async (_name, origin) => {
    const before = await cannedCount();
    const answer = await call(server, 'POST', '/api/admin/canned-replies', {
      headers: { cookie, origin: origin(host) },
      body: cannedReply('lookalike'),
    });
    expect(codeOf(answer)).toBe('origin_not_allowed');
    expect(await cannedCount()).toBe(before);
  });

  it('refuses a cross-site write that names no Origin but is marked cross-site by the browser', async () => {
    const before = await cannedCount();
    const answer = await call(server, 'POST', '/api/admin/canned-replies', {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      body: cannedReply('nameless'),
    });
    expect(codeOf(answer)).toBe('origin_not_allowed');
    expect(await cannedCount()).toBe(before);
  });

  it('accepts the same write from its own origin', async () => {
    const answer = await call(server, 'POST', '/api/admin/canned-replies', { headers: { cookie, origin: server.url }, body: cannedReply('own') });
    expect(answer.status).toBe(201);
  });
});

describe('the origin rule with SUPPORT_PUBLIC_URL', () => {
  const PUBLIC = 'https://support.school.test';
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({ publicUrl: PUBLIC });
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC },
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password' }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    // Users reach the server over https: the session cookie never travels in clear.
    expect(setCookie).toContain('Secure');
    cookie = setCookie.split(';')[0] as string;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('accepts writes and console sockets from the public origin only', async () => {
    expect(
      (await call(server, 'POST', '/api/admin/canned-replies', { headers: { cookie, origin: PUBLIC }, body: cannedReply('public') })).status,
    ).toBe(201);
    const local = await call(server, 'POST', '/api/admin/canned-replies', { headers: { cookie, origin: server.url }, body: cannedReply('local') });
    expect(codeOf(local)).toBe('origin_not_allowed');
    const plain = await call(server, 'POST', '/api/admin/canned-replies', {
      headers: { cookie, origin: 'http://support.school.test' },
      body: cannedReply('plain'),
    });
    expect(codeOf(plain)).toBe('origin_not_allowed');

    const good = server.agentSocket(cookie, { origin: PUBLIC });
    await nextEvent(good, 'session');
    const bad = server.agentSocket(cookie, { origin: server.url });
    expect((await connectError(bad)).code).toBe('origin_not_allowed');
  });

  it('sends HSTS because users reach it over https', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
