// Invites and password resets with one-time links over real HTTP: admins only, the link shown once, good once
// and until it expires, stored only as a hash; using it sets the password and signs the person in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, IssuedLink, LinkInfo, SessionView } from '../../shared/account-model';
import type { AuditPage } from '../../shared/audit-log';
import type { AdminAgent } from '../../shared/routing-model';
import { hashToken, newToken } from '../../server/domain/identity/tokens';
import { caller, tokenOf, type Caller } from '../support/account-api';
import { nextEvent, okData, startTestServer, type TestServer } from '../support/server';

describe('accounts: invite and reset links', () => {
  let server: TestServer;
  let call: Caller;
  let adminCookie: string;
  let agentCookie: string;
  let supervisorCookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server.url);
    adminCookie = await server.signIn('admin@example.com', 'admin-password');
    const agent = await server.agent({ name: 'Plain' });
    agentCookie = await server.signIn(agent.email, agent.password);
    const supervisor = await server.agent({ name: 'Sue', role: 'supervisor' });
    supervisorCookie = await server.signIn(supervisor.email, supervisor.password);
  });
  afterAll(async () => {
    await server.stop();
  });

  const invite = (email: string, cookie = adminCookie) =>
    call<{ agent: AdminAgent; link: IssuedLink }>('POST', '/api/admin/invites', { email, name: 'New Person', role: 'agent', tier: 'L1' }, cookie);

  it('invites an agent: a link on this server, shown once, stored only as a hash; the invitee sets a password and is signed in', async () => {
    const answer = await invite('Invitee@Example.com');
    expect(answer.status).toBe(201);
    const { agent, link } = okData(answer.result);
    expect(agent).toMatchObject({ email: 'invitee@example.com', passwordSet: false, active: true, twoFactorEnabled: false });
    expect(link.purpose).toBe('invite');
    expect(link.url.startsWith(`${server.url}/console/set-password#`)).toBe(true);
    expect(link.expiresAt - Date.now()).toBeGreaterThan(71 * 3600_000);
    const token = tokenOf(link.url);
    expect(await server.services.store.findAccountLink(token)).toBeNull();
    expect(await server.services.store.findAccountLink(hashToken(token))).toMatchObject({ agentId: agent.id, usedAt: null });
    // Nobody signs in as an invitee before the link is used, not even with an empty password.
    expect((await call('POST', '/api/auth/sign-in', { email: 'invitee@example.com', password: 'x' })).status).toBe(401);

    const info = okData((await call<LinkInfo>('POST', '/api/auth/links/check', { token })).result);
    expect(info).toMatchObject({ email: 'invitee@example.com', name: 'New Person', purpose: 'invite', twoFactorEnabled: false });

    const set = await call<{ signedIn: boolean; agent: AccountView }>('POST', '/api/auth/links/set-password', {
      token,
      password: 'invitee password',
    });
    expect(okData(set.result)).toMatchObject({ signedIn: true, agent: { id: agent.id, mustChangePassword: false } });
    const cookie = set.cookie as string;
    expect((await call('GET', '/api/canned-replies', undefined, cookie)).status).toBe(200);
    await nextEvent(server.agentSocket(cookie), 'session');
    await server.signIn('invitee@example.com', 'invitee password');
    const list = okData((await call<AdminAgent[]>('GET', '/api/admin/agents', undefined, adminCookie)).result);
    expect(list.find((a) => a.id === agent.id)).toMatchObject({ passwordSet: true });

    // Used once: refused after, with a typed error, and nothing changes.
    expect(await call('POST', '/api/auth/links/set-password', { token, password: 'hijacked password' })).toMatchObject({
      status: 410,
      result: { error: { code: 'link_used' } },
    });
    expect(await call('POST', '/api/auth/links/check', { token })).toMatchObject({ status: 410, result: { error: { code: 'link_used' } } });
    await server.signIn('invitee@example.com', 'invitee password');
  });

  it('refuses expired and unknown links with typed errors and sets nothing', async () => {
    const { agent } = okData((await invite('late@example.com')).result);
    const expired = newToken();
    const now = Date.now();
    await server.services.store.createAccountLink({
      tokenHash: hashToken(expired),
      agentId: agent.id,
      purpose: 'invite',
      createdBy: null,
      createdAt: now - 100,
      expiresAt: now - 1,
      usedAt: null,
    });
    expect(await call('POST', '/api/auth/links/check', { token: expired })).toMatchObject({
      status: 410,
      result: { error: { code: 'link_expired' } },
    });
    expect(await call('POST', '/api/auth/links/set-password', { token: expired, password: 'late password' })).toMatchObject({
      status: 410,
      result: { error: { code: 'link_expired' } },
    });
    expect(await call('POST', '/api/auth/links/set-password', { token: newToken(), password: 'late password' })).toMatchObject({
      status: 404,
      result: { error: { code: 'not_found' } },
    });
    expect(await call('POST', '/api/auth/links/set-password', { token: 'short', password: 'late password' })).toMatchObject({ status: 400 });
    expect((await server.services.store.getAgent(agent.id))?.passwordHash).toBe('');
  });

  it('refuses a weak password or a request from another site and leaves the link usable', async () => {
    const { link } = okData((await invite('careful@example.com')).result);
    const token = tokenOf(link.url);
    expect(await call('POST', '/api/auth/links/set-password', { token, password: 'short' })).toMatchObject({
      status: 400,
      result: { error: { code: 'bad_request' } },
    });
    expect(await call('POST', '/api/auth/links/set-password', { token, password: 'long enough password' }, '', 'https://evil.example')).toMatchObject(
      { status: 403 },
    );
    expect(await call('POST', '/api/auth/links/set-password', { token, password: 'long enough password', extra: 1 })).toMatchObject({ status: 400 });
    expect(
      okData((await call<{ signedIn: boolean }>('POST', '/api/auth/links/set-password', { token, password: 'long enough password' })).result)
        .signedIn,
    ).toBe(true);
  });

  it('lets only one of two simultaneous uses of a link win', async () => {
    const { link } = okData((await invite('race@example.com')).result);
    const token = tokenOf(link.url);
    const answers = await Promise.all([
      call('POST', '/api/auth/links/set-password', { token, password: 'first racer pw' }),
      call('POST', '/api/auth/links/set-password', { token, password: 'second racer pw' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    const winner = answers[0]?.status === 200 ? 'first racer pw' : 'second racer pw';
    await server.signIn('race@example.com', winner);
  });

  it('resets a password: the old one stops working, sessions end and consoles close, a new link replaces an unused one', async () => {
    const lee = await server.agent({ name: 'Lee' });
    const leeCookie = await server.signIn(lee.email, lee.password);
    const socket = server.agentSocket(leeCookie);
    await nextEvent(socket, 'session');
    const closed = nextEvent<string>(socket, 'disconnect');
    const first = okData(
      (await call<{ link: IssuedLink }>('POST', `/api/admin/agents/${lee.id}/password-reset`, undefined, adminCookie)).result,
    ).link;
    expect(first.purpose).toBe('reset');
    expect(await closed).toBe('io server disconnect');
    expect((await call('GET', '/api/auth/me', undefined, leeCookie)).status).toBe(401);
    expect((await call('POST', '/api/auth/sign-in', { email: lee.email, password: lee.password })).status).toBe(401);

    const second = okData(
      (await call<{ link: IssuedLink }>('POST', `/api/admin/agents/${lee.id}/password-reset`, undefined, adminCookie)).result,
    ).link;
    expect(await call('POST', '/api/auth/links/check', { token: tokenOf(first.url) })).toMatchObject({ status: 404 });
    okData((await call('POST', '/api/auth/links/set-password', { token: tokenOf(second.url), password: 'lee new password' })).result);
    await server.signIn(lee.email, 'lee new password');
  });

  it('keeps invites and resets for admins: agents and supervisors are refused, unknown ids are not found, own reset is a conflict', async () => {
    const someId = '00000000-0000-4000-8000-000000000000';
    const admin = (await server.services.store.findAgentByEmail('admin@example.com'))?.id as string;
    for (const cookie of [agentCookie, supervisorCookie]) {
      expect(await invite('nope@example.com', cookie)).toMatchObject({ status: 403, result: { error: { code: 'forbidden' } } });
      expect((await call('POST', `/api/admin/agents/${admin}/password-reset`, undefined, cookie)).status).toBe(403);
    }
    expect((await invite('nope@example.com', '')).status).toBe(401);
    expect(await server.services.store.findAgentByEmail('nope@example.com')).toBeNull();
    expect((await call('POST', `/api/admin/agents/${someId}/password-reset`, undefined, adminCookie)).status).toBe(404);
    expect((await call('POST', '/api/admin/agents/not-a-uuid/password-reset', undefined, adminCookie)).status).toBe(400);
    expect((await call('POST', `/api/admin/agents/${admin}/password-reset`, undefined, adminCookie)).status).toBe(409);
    expect(await invite('invitee@example.com')).toMatchObject({ status: 409, result: { error: { code: 'conflict' } } });
    expect(
      (
        await call(
          'POST',
          '/api/admin/invites',
          { email: 'x@example.com', name: 'X', role: 'agent', tier: 'L1', password: 'sneaky password' },
          adminCookie,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await call(
          'POST',
          '/api/admin/invites',
          { email: 'y@example.com', name: 'Y', role: 'agent', tier: 'L1' },
          adminCookie,
          'https://evil.example',
        )
      ).status,
    ).toBe(403);
  });

  it('lets an admin see and end another agent’s sessions, and no one else', async () => {
    const moe = await server.agent({ name: 'Moe' });
    const moeCookie = await server.signIn(moe.email, moe.password);
    const socket = server.agentSocket(moeCookie);
    await nextEvent(socket, 'session');
    expect((await call('GET', `/api/admin/agents/${moe.id}/sessions`, undefined, agentCookie)).status).toBe(403);
    expect((await call('DELETE', `/api/admin/agents/${moe.id}/sessions`, undefined, supervisorCookie)).status).toBe(403);
    const sessions = okData((await call<SessionView[]>('GET', `/api/admin/agents/${moe.id}/sessions`, undefined, adminCookie)).result);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.current).toBe(false);
    const closed = nextEvent<string>(socket, 'disconnect');
    expect(okData((await call<{ ended: number }>('DELETE', `/api/admin/agents/${moe.id}/sessions`, undefined, adminCookie)).result)).toEqual({
      ended: 1,
    });
    expect(await closed).toBe('io server disconnect');
    expect((await call('GET', '/api/auth/me', undefined, moeCookie)).status).toBe(401);
    expect((await call('GET', '/api/admin/agents/00000000-0000-4000-8000-000000000000/sessions', undefined, adminCookie)).status).toBe(404);
  });

  it('records invites, resets, two-factor resets and sessions ended by an admin in the audit log, never a link', async () => {
    const { agent, link } = okData((await invite('audited@example.com')).result);
    const reset = okData(
      (await call<{ link: IssuedLink }>('POST', `/api/admin/agents/${agent.id}/password-reset`, undefined, adminCookie)).result,
    ).link;
    okData((await call('POST', `/api/admin/agents/${agent.id}/two-factor/reset`, undefined, adminCookie)).result);
    okData((await call('DELETE', `/api/admin/agents/${agent.id}/sessions`, undefined, adminCookie)).result);
    const page = okData((await call<AuditPage>('GET', `/api/admin/audit-log?limit=10`, undefined, adminCookie)).result);
    const mine = page.entries.filter((e) => e.target?.id === agent.id);
    expect(mine.map((e) => e.action).sort()).toEqual(['agent.invited', 'agent.password_reset', 'agent.sessions_revoked', 'agent.two_factor_reset']);
    for (const entry of mine)
      expect(entry).toMatchObject({ actor: { kind: 'agent', name: 'Administrator' }, target: { label: 'audited@example.com' } });
    const text = JSON.stringify(mine);
    expect(text).not.toContain(tokenOf(link.url));
    expect(text).not.toContain(tokenOf(reset.url));
    expect(text).not.toContain('/console/set-password');
  });
});
