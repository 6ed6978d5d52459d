// Who may connect: app key, exact origin, signed identity tokens, anonymous visitors, agent sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorSession } from '../../shared/protocol';
import type { Organisation } from '../../server/domain/records';
import { connectError, identityToken, nextEvent, startTestServer, type TestServer } from '../support/server';

describe('visitor identity at the handshake', () => {
  let server: TestServer;
  let strict: Organisation;
  let open: Organisation;
  beforeAll(async () => {
    server = await startTestServer();
    strict = await server.organisation({ identityRequired: true });
    open = await server.organisation({ identityRequired: false });
  });
  afterAll(async () => {
    await server.stop();
  });

  const claims = { sub: 't-7', name: 'Ms. Rivera', role: 'teacher' as const, classroom: 'room-42' };

  it('accepts a valid token and trusts its claims', async () => {
    const socket = server.visitor({ appKey: strict.appKey, token: await identityToken(strict.identitySecret, claims) });
    const session = await nextEvent<VisitorSession>(socket, 'session');
    expect(session.user).toMatchObject({ name: 'Ms. Rivera', role: 'teacher', verified: true });
    expect(session.visitorToken).toBeUndefined();
  });

  it('recognises one verified user connecting from several tabs at once', async () => {
    const token = await identityToken(strict.identitySecret, { ...claims, sub: 'tabs-1' });
    const tabs = [1, 2, 3, 4].map(() => server.visitor({ appKey: strict.appKey, token }));
    const sessions = await Promise.all(tabs.map((t) => nextEvent<VisitorSession>(t, 'session')));
    expect(new Set(sessions.map((s) => s.user.id)).size).toBe(1);
  });

  it('refuses tokens signed with a rotated-out secret at once, though its key was in use', async () => {
    const org = await server.organisation({ identityRequired: true });
    const before = await identityToken(org.identitySecret, { ...claims, sub: 'rot-1' });
    await nextEvent<VisitorSession>(server.visitor({ appKey: org.appKey, token: before }), 'session');
    const rotated = 'rotated-secret-'.padEnd(40, 'r');
    expect(await server.services.store.updateOrganisation(org.id, { identitySecret: rotated })).toBe(true);
    expect(await connectError(server.visitor({ appKey: org.appKey, token: before }))).toMatchObject({ code: 'token_invalid' });
    const after = await identityToken(rotated, { ...claims, sub: 'rot-1' });
    expect((await nextEvent<VisitorSession>(server.visitor({ appKey: org.appKey, token: after }), 'session')).user.verified).toBe(true);
  });

  it('keeps a verified user’s profile as their latest token says, whether it changed or not', async () => {
    const connect = async (name: string, classroom: string) =>
      (
        await nextEvent<VisitorSession>(
          server.visitor({ appKey: strict.appKey, token: await identityToken(strict.identitySecret, { ...claims, sub: 'prof-1', name, classroom }) }),
          'session',
        )
      ).user;
    const first = await connect('Ms. Rivera', 'room-42');
    expect(await connect('Ms. Rivera', 'room-42')).toEqual(first);
    const renamed = await connect('Dr. Rivera', 'room-43');
    expect(renamed).toMatchObject({ id: first.id, name: 'Dr. Rivera' });
    expect(await server.services.store.getEndUser(first.id)).toMatchObject({ name: 'Dr. Rivera', classroomId: 'room-43' });
    expect(await connect('Dr. Rivera', 'room-43')).toMatchObject({ id: first.id, name: 'Dr. Rivera' });
  });

  it('refuses a missing token where identity is required', async () => {
    expect(await connectError(server.visitor({ appKey: strict.appKey }))).toMatchObject({ code: 'identity_required' });
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await identityToken('not-the-secret-'.padEnd(40, 'z'), claims);
    expect(await connectError(server.visitor({ appKey: strict.appKey, token: forged }))).toMatchObject({ code: 'token_invalid' });
  });

  it('refuses an expired token', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    const expired = await identityToken(strict.identitySecret, claims, { issuedAt: nowS - 900, expiresIn: nowS - 300 });
    expect(await connectError(server.visitor({ appKey: strict.appKey, token: expired }))).toMatchObject({ code: 'token_expired' });
  });

  it('refuses a token that lives longer than ten minutes', async () => {
    const long = await identityToken(strict.identitySecret, claims, { expiresIn: '2h' });
    expect(await connectError(server.visitor({ appKey: strict.appKey, token: long }))).toMatchObject({ code: 'token_invalid' });
  });

  it('refuses a token without the claims it needs', async () => {
    const { SignJWT } = await import('jose');
    const bare = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .setIssuedAt()
      .sign(new TextEncoder().encode(strict.identitySecret));
    expect(await connectError(server.visitor({ appKey: strict.appKey, token: bare }))).toMatchObject({ code: 'token_invalid' });
  });

  it('refuses an unknown app key and a page origin that is not allowed', async () => {
    expect(await connectError(server.visitor({ appKey: 'nobody' }))).toMatchObject({ code: 'unknown_app_key' });
    expect(await connectError(server.visitor({ appKey: open.appKey }, { origin: 'http://evil.test' }))).toMatchObject({ code: 'origin_not_allowed' });
    // Exact match only: a prefix or another port is another origin.
    expect(await connectError(server.visitor({ appKey: open.appKey }, { origin: 'http://classroom.test:8080' }))).toMatchObject({
      code: 'origin_not_allowed',
    });
  });

  it('accepts long-polling from a page on the server itself, where browsers send no Origin', async () => {
    const own = await server.organisation({ identityRequired: false, allowedOrigins: [server.url] });
    const polling = server.visitor({ appKey: own.appKey }, { headers: { 'sec-fetch-site': 'same-origin' }, transports: ['polling'] });
    expect((await nextEvent<VisitorSession>(polling, 'session')).user.verified).toBe(false);
    // Without the browser's same-origin statement there is no origin to trust.
    const bare = server.visitor({ appKey: own.appKey }, { headers: {}, transports: ['polling'] });
    expect(await connectError(bare)).toMatchObject({ code: 'origin_not_allowed' });
  });

  it('refuses a malformed handshake', async () => {
    expect(await connectError(server.visitor({ appKey: 42 }))).toMatchObject({ code: 'bad_request' });
    expect(await connectError(server.visitor({ appKey: open.appKey, admin: true }))).toMatchObject({ code: 'bad_request' });
  });

  it('gives an anonymous visitor a bearer token that brings them back as themselves', async () => {
    const first = server.visitor({ appKey: open.appKey, name: 'Priya' });
    const session = await nextEvent<VisitorSession>(first, 'session');
    expect(session.user).toMatchObject({ name: 'Priya', verified: false });
    expect(session.visitorToken).toMatch(/^[\w-]{40,}$/);
    const again = server.visitor({ appKey: open.appKey, visitorToken: session.visitorToken });
    expect((await nextEvent<VisitorSession>(again, 'session')).user.id).toBe(session.user.id);
    // The token is worthless for another organisation and a made-up one is a new visitor.
    const elsewhere = await server.organisation({ identityRequired: false });
    const stranger = server.visitor({ appKey: elsewhere.appKey, visitorToken: session.visitorToken });
    expect((await nextEvent<VisitorSession>(stranger, 'session')).user.id).not.toBe(session.user.id);
  });
});

describe('agent sign-in and the console socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('signs in to an httpOnly cookie that authenticates /me and the socket', async () => {
    const agent = await server.agent({ name: 'Sam' });
    const res = await post('/api/auth/sign-in', { email: agent.email.toUpperCase(), password: agent.password });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0] as string;
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ ok: true, data: { name: 'Sam', role: 'agent', tier: 'L1', capacity: 3 } });
    expect((await nextEvent<{ agent: { name: string } }>(server.agentSocket(cookie), 'session')).agent.name).toBe('Sam');

    await post('/api/auth/sign-out', {}, cookie);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    expect(await connectError(server.agentSocket(cookie))).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses wrong passwords, bad bodies, and then too many attempts', async () => {
    const agent = await server.agent();
    const wrong = await post('/api/auth/sign-in', { email: agent.email, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Wrong email or password' } });
    expect((await post('/api/auth/sign-in', '{"email":')).status).toBe(400);
    expect(await (await post('/api/auth/sign-in', { email: agent.email, password: 7 })).json()).toMatchObject({ error: { code: 'bad_request' } });
    for (let i = 0; i < 4; i++) await post('/api/auth/sign-in', { email: agent.email, password: 'still wrong' });
    const limited = await post('/api/auth/sign-in', { email: agent.email, password: agent.password });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('refuses a console socket without a session or from another origin', async () => {
    expect(await connectError(server.agentSocket(''))).toMatchObject({ code: 'unauthorized' });
    const agent = await server.agent();
    const cookie = await server.signIn(agent.email, agent.password);
    expect(await connectError(server.agentSocket(cookie, { origin: 'http://evil.test' }))).toMatchObject({ code: 'origin_not_allowed' });
    expect(await connectError(server.agentSocket(cookie, { headers: { 'sec-fetch-site': 'cross-site' }, transports: ['polling'] }))).toMatchObject({
      code: 'origin_not_allowed',
    });
  });

  it('accepts the console long-polling from its own origin, where browsers send no Origin', async () => {
    const agent = await server.agent({ name: 'Poll' });
    const cookie = await server.signIn(agent.email, agent.password);
    const socket = server.agentSocket(cookie, { headers: { 'sec-fetch-site': 'same-origin' }, transports: ['polling'] });
    expect((await nextEvent<{ agent: { name: string } }>(socket, 'session')).agent.name).toBe('Poll');
  });

  it('creates the first admin from the environment', async () => {
    const res = await post('/api/auth/sign-in', { email: 'admin@example.com', password: 'admin-password' });
    expect(await res.json()).toMatchObject({ ok: true, data: { role: 'admin' } });
  });
});
