// The agent's own account over real HTTP and Socket.IO: changing the password (current one required, other
// sessions end, their consoles close), seeing and ending sessions, and a generated password that must be
// replaced before anything else works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, SessionView } from '../../shared/account-model';
import type { AdminAgent } from '../../shared/routing-model';
import { caller, type Caller } from '../support/account-api';
import { connectError, nextEvent, okData, startTestServer, type TestServer } from '../support/server';

describe('accounts: the agent’s own password and sessions', () => {
  let server: TestServer;
  let call: Caller;
  let adminCookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server.url);
    adminCookie = await server.signIn('admin@example.com', 'admin-password');
  });
  afterAll(async () => {
    await server.stop();
  });

  it('does not force a change of a first admin password the operator chose (SUPPORT_ADMIN_PASSWORD)', async () => {
    const me = okData((await call<AccountView>('GET', '/api/auth/me', undefined, adminCookie)).result);
    expect(me).toMatchObject({ email: 'admin@example.com', role: 'admin', mustChangePassword: false, twoFactorEnabled: false });
    expect((await call('GET', '/api/admin/agents', undefined, adminCookie)).status).toBe(200);
  });

  it('changes the password with the current one, keeps this session and ends every other one, closing its console', async () => {
    const lin = await server.agent({ name: 'Lin' });
    const here = await server.signIn(lin.email, lin.password);
    const elsewhere = await server.signIn(lin.email, lin.password);
    const hereSocket = server.agentSocket(here);
    const elsewhereSocket = server.agentSocket(elsewhere);
    await Promise.all([nextEvent(hereSocket, 'session'), nextEvent(elsewhereSocket, 'session')]);

    const closed = nextEvent<string>(elsewhereSocket, 'disconnect');
    const answer = await call<AccountView>('POST', '/api/auth/password', { currentPassword: lin.password, newPassword: 'a new long password' }, here);
    expect(answer.status).toBe(200);
    expect(okData(answer.result)).toMatchObject({ id: lin.id, mustChangePassword: false });
    expect(await closed).toBe('io server disconnect');
    expect(hereSocket.connected).toBe(true);

    expect((await call('GET', '/api/auth/me', undefined, elsewhere)).status).toBe(401);
    expect((await call('GET', '/api/auth/me', undefined, here)).status).toBe(200);
    expect((await call('POST', '/api/auth/sign-in', { email: lin.email, password: lin.password })).status).toBe(401);
    await server.signIn(lin.email, 'a new long password');
  });

  it('refuses a change without the right current password, with a short new one, or from another site, and changes nothing', async () => {
    const kim = await server.agent({ name: 'Kim' });
    const cookie = await server.signIn(kim.email, kim.password);
    const cases: Array<[unknown, string | undefined, number, string]> = [
      [{ currentPassword: 'not my password', newPassword: 'another long one' }, undefined, 403, 'forbidden'],
      [{ currentPassword: kim.password, newPassword: 'short' }, undefined, 400, 'bad_request'],
      [{ currentPassword: kim.password, newPassword: kim.password }, undefined, 400, 'bad_request'],
      [{ newPassword: 'another long one' }, undefined, 400, 'bad_request'],
      [{ currentPassword: kim.password, newPassword: 'another long one', admin: true }, undefined, 400, 'bad_request'],
      [{ currentPassword: kim.password, newPassword: 'another long one' }, 'https://evil.example', 403, 'origin_not_allowed'],
    ];
    for (const [body, origin, status, code] of cases) {
      const answer = await call('POST', '/api/auth/password', body, cookie, origin);
      expect({ status: answer.status, result: answer.result }).toMatchObject({ status, result: { ok: false, error: { code } } });
    }
    expect((await call('POST', '/api/auth/password', { currentPassword: kim.password, newPassword: 'another long one' })).status).toBe(401);
    // Still the old password, still signed in.
    await server.signIn(kim.email, kim.password);
    expect((await call('GET', '/api/auth/me', undefined, cookie)).status).toBe(200);
  });

  it('lists the agent’s own sessions with address and browser, the current one marked, and never anyone else’s', async () => {
    const sam = await server.agent({ name: 'Sam' });
    const first = await server.signIn(sam.email, sam.password);
    const second = await server.signIn(sam.email, sam.password);
    const list = okData((await call<SessionView[]>('GET', '/api/auth/sessions', undefined, second)).result);
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    for (const session of list) {
      expect(session).toMatchObject({ address: expect.stringContaining('127.0.0.1') as string, userAgent: expect.any(String) as string });
      expect(session.lastUsedAt).toBeGreaterThanOrEqual(session.createdAt);
      expect(JSON.stringify(session)).not.toMatch(/token/i);
    }
    const adminSessions = okData((await call<SessionView[]>('GET', '/api/auth/sessions', undefined, adminCookie)).result);
    expect(adminSessions.map((s) => s.id)).not.toEqual(expect.arrayContaining(list.map((s) => s.id)));
    expect((await call('GET', '/api/auth/sessions', undefined, '')).status).toBe(401);
    expect(first).not.toBe(second);
  });

  it('revokes one session by id, closing only the consoles signed in with it; someone else’s id is not found', async () => {
    const ana = await server.agent({ name: 'Ana' });
    const keep = await server.signIn(ana.email, ana.password);
    const drop = await server.signIn(ana.email, ana.password);
    const keepSocket = server.agentSocket(keep);
    const dropSocket = server.agentSocket(drop);
    await Promise.all([nextEvent(keepSocket, 'session'), nextEvent(dropSocket, 'session')]);
    const [other] = okData((await call<SessionView[]>('GET', '/api/auth/sessions', undefined, drop)).result).filter((s) => s.current);
    const dropId = (other as SessionView).id;

    // Another agent (even an admin) cannot end it through their own sessions route.
    expect(await call('DELETE', `/api/auth/sessions/${dropId}`, undefined, adminCookie)).toMatchObject({
      status: 404,
      result: { error: { code: 'not_found' } },
    });
    expect((await call('DELETE', '/api/auth/sessions/not-an-id!', undefined, keep)).status).toBe(400);
    expect((await call('DELETE', `/api/auth/sessions/${dropId}`, undefined, keep, 'https://evil.example')).status).toBe(403);
    expect((await call('GET', '/api/auth/me', undefined, drop)).status).toBe(200);

    const closed = nextEvent<string>(dropSocket, 'disconnect');
    expect((await call('DELETE', `/api/auth/sessions/${dropId}`, undefined, keep)).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect(keepSocket.connected).toBe(true);
    expect((await call('GET', '/api/auth/me', undefined, drop)).status).toBe(401);
    expect(await connectError(server.agentSocket(drop))).toMatchObject({ code: 'unauthorized' });
    expect((await call('DELETE', `/api/auth/sessions/${dropId}`, undefined, keep)).status).toBe(404);
  });

  it('signs out everywhere else in one call', async () => {
    const bo = await server.agent({ name: 'Bo' });
    const cookies = [
      await server.signIn(bo.email, bo.password),
      await server.signIn(bo.email, bo.password),
      await server.signIn(bo.email, bo.password),
    ];
    const answer = await call<{ ended: number }>('DELETE', '/api/auth/sessions', undefined, cookies[0]);
    expect(okData(answer.result)).toEqual({ ended: 2 });
    expect((await call<SessionView[]>('GET', '/api/auth/sessions', undefined, cookies[0])).result).toMatchObject({
      ok: true,
      data: [{ current: true }],
    });
    expect((await call('GET', '/api/auth/me', undefined, cookies[2])).status).toBe(401);
  });

  it('forces a generated first password to be changed before anything else, over REST and the socket', async () => {
    const created = okData(
      (
        await call<{ agent: AdminAgent; generatedPassword: string }>(
          'POST',
          '/api/admin/agents',
          { email: 'gen@example.com', name: 'Gen', role: 'agent', tier: 'L1' },
          adminCookie,
        )
      ).result,
    );
    const signIn = await call<AccountView>('POST', '/api/auth/sign-in', { email: 'gen@example.com', password: created.generatedPassword });
    expect(okData(signIn.result)).toMatchObject({ mustChangePassword: true });
    const cookie = signIn.cookie as string;

    expect(okData((await call<AccountView>('GET', '/api/auth/me', undefined, cookie)).result)).toMatchObject({ mustChangePassword: true });
    for (const [method, path] of [
      ['GET', '/api/auth/sessions'],
      ['GET', '/api/canned-replies'],
      ['GET', '/api/tickets'],
      ['GET', '/api/articles'],
    ] as const) {
      expect(await call(method, path, undefined, cookie)).toMatchObject({
        status: 403,
        result: { ok: false, error: { code: 'password_change_required' } },
      });
    }
    expect(await connectError(server.agentSocket(cookie))).toMatchObject({ code: 'password_change_required' });

    const changed = await call<AccountView>(
      'POST',
      '/api/auth/password',
      { currentPassword: created.generatedPassword, newPassword: 'my own password' },
      cookie,
    );
    expect(okData(changed.result)).toMatchObject({ mustChangePassword: false });
    expect((await call('GET', '/api/canned-replies', undefined, cookie)).status).toBe(200);
    await nextEvent(server.agentSocket(cookie), 'session');
  });

  it('keeps a password an admin chose (provisioning scripts) as it is, with no forced change', async () => {
    const created = okData(
      (
        await call<{ agent: AdminAgent; generatedPassword?: string }>(
          'POST',
          '/api/admin/agents',
          { email: 'script@example.com', name: 'Script', role: 'agent', tier: 'L1', password: 'chosen-by-admin' },
          adminCookie,
        )
      ).result,
    );
    expect(created.generatedPassword).toBeUndefined();
    const signIn = await call<AccountView>('POST', '/api/auth/sign-in', { email: 'script@example.com', password: 'chosen-by-admin' });
    expect(okData(signIn.result)).toMatchObject({ mustChangePassword: false });
    expect((await call('GET', '/api/canned-replies', undefined, signIn.cookie as string)).status).toBe(200);
  });
});
