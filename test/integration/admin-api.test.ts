// The administration API over real HTTP: admins only, every input checked, and changes that take effect at
// once (a deactivated agent's console is closed, a rotated secret stops old tokens, raised capacity routes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { ConversationSummary, VisitorConversation } from '../../shared/model';
import type { AdminAgent, AdminOrganisation, CannedReply } from '../../shared/routing-model';
import type { Agent } from '../../server/domain/records';
import {
  connectError,
  eventWhere,
  identityToken,
  newClientId,
  nextEvent,
  okData,
  request,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
} from '../support/server';

describe('administration API', () => {
  let server: TestServer;
  let adminCookie: string;
  let agent: Agent & { password: string };
  let agentCookie: string;
  let supervisorCookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    adminCookie = await server.signIn('admin@example.com', 'admin-password');
    agent = await server.agent({ name: 'Lin' });
    agentCookie = await server.signIn(agent.email, agent.password);
    const supervisor = await server.agent({ name: 'Sue', role: 'supervisor' });
    supervisorCookie = await server.signIn(supervisor.email, supervisor.password);
  });
  afterAll(async () => {
    await server.stop();
  });

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    cookie = adminCookie,
    origin = server.url,
  ): Promise<{ status: number; result: Result<T> }> {
    const res = await fetch(server.url + path, {
      method,
      headers: { cookie, origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: res.status, result: (await res.json()) as Result<T> };
  }

  const someId = '00000000-0000-4000-8000-000000000000';
  const endpoints: Array<[string, string, unknown?]> = [
    ['GET', '/api/admin/agents'],
    ['POST', '/api/admin/agents', { email: 'x@example.com', name: 'X', role: 'agent', tier: 'L1' }],
    ['PATCH', `/api/admin/agents/${someId}`, { capacity: 5 }],
    ['GET', '/api/admin/organisations'],
    ['POST', '/api/admin/organisations', { name: 'X' }],
    ['PATCH', `/api/admin/organisations/${someId}`, { name: 'Y' }],
    ['POST', `/api/admin/organisations/${someId}/rotate-secret`],
    ['POST', '/api/admin/canned-replies', { shortcut: 'x', title: 'X', text: 'x' }],
    ['PUT', `/api/admin/canned-replies/${someId}`, { shortcut: 'x', title: 'X', text: 'x' }],
    ['DELETE', `/api/admin/canned-replies/${someId}`],
  ];

  it.each(endpoints)('refuses %s %s to agents and supervisors (403) and to nobody signed in (401)', async (method, path, body) => {
    expect(await call(method, path, body, agentCookie)).toMatchObject({ status: 403, result: { ok: false, error: { code: 'forbidden' } } });
    expect(await call(method, path, body, supervisorCookie)).toMatchObject({ status: 403, result: { ok: false, error: { code: 'forbidden' } } });
    expect(await call(method, path, body, '')).toMatchObject({ status: 401, result: { ok: false, error: { code: 'unauthorized' } } });
  });

  it('refuses changes sent from another site, even with an admin’s cookie', async () => {
    const { status, result } = await call(
      'POST',
      '/api/admin/canned-replies',
      { shortcut: 'evil', title: 'Evil', text: 'x' },
      adminCookie,
      'https://evil.example',
    );
    expect(status).toBe(403);
    expect(result).toMatchObject({ ok: false, error: { code: 'origin_not_allowed' } });
    expect(await server.services.store.listCannedReplies()).toEqual([]);
  });

  it.each([
    ['a bad email', { email: 'nope', name: 'X', role: 'agent', tier: 'L1' }],
    ['a role that does not exist', { email: 'a@example.com', name: 'X', role: 'owner', tier: 'L1' }],
    ['a capacity of 0', { email: 'a@example.com', name: 'X', role: 'agent', tier: 'L1', capacity: 0 }],
    ['a short password', { email: 'a@example.com', name: 'X', role: 'agent', tier: 'L1', password: 'short' }],
    ['an unknown field', { email: 'a@example.com', name: 'X', role: 'agent', tier: 'L1', admin: true }],
  ])('refuses a new agent with %s (400) and creates nobody', async (_what, body) => {
    const before = (await server.services.store.listAgents()).length;
    expect(await call('POST', '/api/admin/agents', body)).toMatchObject({ status: 400, result: { ok: false, error: { code: 'bad_request' } } });
    expect(await server.services.store.listAgents()).toHaveLength(before);
  });

  it('invites an agent with a generated first password that signs in, and refuses the same email twice', async () => {
    const { status, result } = await call<{ agent: AdminAgent; generatedPassword: string }>('POST', '/api/admin/agents', {
      email: 'Kim@Example.com',
      name: 'Kim',
      role: 'agent',
      tier: 'L2',
    });
    expect(status).toBe(201);
    const created = okData(result);
    expect(created.agent).toMatchObject({ email: 'kim@example.com', tier: 'L2', capacity: 3, active: true, presence: 'offline' });
    await server.signIn('kim@example.com', created.generatedPassword);
    expect(await call('POST', '/api/admin/agents', { email: 'kim@example.com', name: 'Kim again', role: 'agent', tier: 'L1' })).toMatchObject({
      status: 409,
      result: { ok: false, error: { code: 'conflict' } },
    });
  });

  it('routes a waiting chat at once when an admin raises an agent’s capacity', async () => {
    const org = await server.organisation({ identityRequired: false });
    const busy = await server.agent({ name: 'Busy', capacity: 1 });
    const socket = server.agentSocket(await server.signIn(busy.email, busy.password));
    await nextEvent(socket, 'session');
    okData(await request(socket, 'presence:set', { available: true }));
    const starts: VisitorConversation[] = [];
    for (const name of ['One', 'Two']) {
      const visitor = server.visitor({ appKey: org.appKey, name });
      await nextEvent(visitor, 'session');
      starts.push(okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} })));
    }
    expect(starts.map((c) => c.status)).toEqual(['active', 'queued']);
    const offered = eventWhere<ConversationSummary>(socket, 'conversation:updated', (c) => c.id === starts[1]?.id && c.assignee?.id === busy.id);
    okData((await call<AdminAgent>('PATCH', `/api/admin/agents/${busy.id}`, { capacity: 2 })).result);
    await offered;
  });

  it('closes a deactivated agent’s consoles at once, ends their session and puts their chats back in the queue', async () => {
    const org = await server.organisation({ identityRequired: false });
    const leaving = await server.agent({ name: 'Leaving' });
    const cookie = await server.signIn(leaving.email, leaving.password);
    const socket = server.agentSocket(cookie);
    await nextEvent(socket, 'session');
    okData(await request(socket, 'presence:set', { available: true }));
    const visitor = server.visitor({ appKey: org.appKey, name: 'Ada' });
    await nextEvent(visitor, 'session');
    const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
    expect(chat.status).toBe('active');

    const closed = nextEvent<string>(socket, 'disconnect');
    const { result } = await call<AdminAgent>('PATCH', `/api/admin/agents/${leaving.id}`, { active: false });
    expect(okData(result)).toMatchObject({ active: false, presence: 'offline' });
    expect(await closed).toBe('io server disconnect');
    expect(await connectError(server.agentSocket(cookie))).toMatchObject({ code: 'unauthorized' });
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    expect(await server.services.store.getConversation(chat.id)).toMatchObject({ status: 'queued', routing: { front: true } });
  });

  it('never demotes or deactivates the last active admin', async () => {
    const admins = (await server.services.store.listAgents()).filter((a) => a.role === 'admin');
    expect(admins).toHaveLength(1);
    const id = admins[0]?.id as string;
    expect(await call('PATCH', `/api/admin/agents/${id}`, { role: 'agent' })).toMatchObject({
      status: 409,
      result: { ok: false, error: { code: 'conflict' } },
    });
    expect(await call('PATCH', `/api/admin/agents/${id}`, { active: false })).toMatchObject({ status: 409 });
    expect(await call('PATCH', `/api/admin/agents/${id}`, {})).toMatchObject({ status: 400 });
    expect(await call('PATCH', '/api/admin/agents/not-a-uuid', { capacity: 2 })).toMatchObject({ status: 400 });
    expect(await call('PATCH', `/api/admin/agents/${someId}`, { capacity: 2 })).toMatchObject({ status: 404 });
  });

  it('creates an organisation whose app key and identity secret work at once, and rotates the secret', async () => {
    const manager = await server.agent({ name: 'Mia', tier: 'account_manager' });
    const { status, result } = await call<{ organisation: AdminOrganisation; identitySecret: string }>('POST', '/api/admin/organisations', {
      name: 'Hilltop College',
      allowedOrigins: [TEST_ORIGIN],
      accountManagerId: manager.id,
      hotline: '+44 20 7946 0000',
    });
    expect(status).toBe(201);
    const { organisation, identitySecret } = okData(result);
    expect(organisation).toMatchObject({
      name: 'Hilltop College',
      identityRequired: true,
      accountManager: { id: manager.id, name: 'Mia' },
      hotline: '+44 20 7946 0000',
    });
    expect(JSON.stringify(okData((await call<AdminOrganisation[]>('GET', '/api/admin/organisations')).result))).not.toContain(identitySecret);

    const claims = { sub: 's-1', name: 'Ada', role: 'student' as const };
    const before = server.visitor({ appKey: organisation.appKey, token: await identityToken(identitySecret, claims) });
    await nextEvent(before, 'session');

    const rotated = okData((await call<{ identitySecret: string }>('POST', `/api/admin/organisations/${organisation.id}/rotate-secret`)).result);
    expect(rotated.identitySecret).not.toBe(identitySecret);
    expect(await connectError(server.visitor({ appKey: organisation.appKey, token: await identityToken(identitySecret, claims) }))).toMatchObject({
      code: 'token_invalid',
    });
    await nextEvent(server.visitor({ appKey: organisation.appKey, token: await identityToken(rotated.identitySecret, claims) }), 'session');
  });

  it('checks organisation settings: exact origins, a real account manager, known ids', async () => {
    const bad = await Promise.all([
      call('POST', '/api/admin/organisations', { name: 'X', allowedOrigins: ['https://school.example/path'] }),
      call('POST', '/api/admin/organisations', { name: 'X', allowedOrigins: ['javascript:alert(1)'] }),
      call('POST', '/api/admin/organisations', { name: '' }),
      call('POST', '/api/admin/organisations', { name: 'X', accountManagerId: agent.id }),
      call('PATCH', `/api/admin/organisations/${someId}`, { hotline: '+1 555' }),
    ]);
    expect(bad.map((b) => b.status)).toEqual([400, 400, 400, 400, 404]);
    const orgs = okData((await call<AdminOrganisation[]>('GET', '/api/admin/organisations')).result);
    expect(orgs.map((o) => o.name)).not.toContain('X');
    const target = orgs[0] as AdminOrganisation;
    const updated = okData(
      (
        await call<AdminOrganisation>('PATCH', `/api/admin/organisations/${target.id}`, {
          allowedOrigins: ['https://a.example', 'http://localhost:8080'],
          identityRequired: false,
          hotline: null,
        })
      ).result,
    );
    expect(updated).toMatchObject({ allowedOrigins: ['https://a.example', 'http://localhost:8080'], identityRequired: false, hotline: null });
  });

  it('keeps canned replies: admins write them, every agent reads them and hears of changes', async () => {
    const socket = server.agentSocket(agentCookie);
    await nextEvent(socket, 'session');
    const changed = nextEvent(socket, 'canned:changed');
    const created = okData(
      (
        await call<CannedReply>('POST', '/api/admin/canned-replies', {
          shortcut: 'Mic',
          title: 'Microphone',
          text: 'Hi {name}, allow the microphone.',
        })
      ).result,
    );
    expect(created).toMatchObject({ shortcut: 'mic' });
    await changed;
    expect(okData(await request(socket, 'canned:list'))).toEqual([created]);
    expect(okData((await call<CannedReply[]>('GET', '/api/canned-replies', undefined, agentCookie)).result)).toEqual([created]);

    expect(await call('POST', '/api/admin/canned-replies', { shortcut: 'mic', title: 'Again', text: 'x' })).toMatchObject({ status: 409 });
    expect(await call('POST', '/api/admin/canned-replies', { shortcut: 'has space', title: 'x', text: 'x' })).toMatchObject({ status: 400 });
    const edited = okData(
      (
        await call<CannedReply>('PUT', `/api/admin/canned-replies/${created.id}`, {
          shortcut: 'mic',
          title: 'Microphone permission',
          text: 'Allow it',
        })
      ).result,
    );
    expect(edited).toMatchObject({ id: created.id, title: 'Microphone permission' });
    okData((await call('DELETE', `/api/admin/canned-replies/${created.id}`)).result);
    expect(await call('DELETE', `/api/admin/canned-replies/${created.id}`)).toMatchObject({ status: 404 });
    expect(await server.services.store.listCannedReplies()).toEqual([]);
  });
});
