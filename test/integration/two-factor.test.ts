// Two-factor sign-in over real HTTP with real TOTP codes (otplib, as an authenticator app makes them):
// enrol and confirm, a second step at sign-in, each code good once, disable with a code, an admin's reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, IssuedLink, TwoFactorEnrolment } from '../../shared/account-model';
import type { AdminAgent } from '../../shared/routing-model';
import { awayFromStepEdge, caller, tokenOf, totpCode, type Caller } from '../support/account-api';
import { okData, startTestServer, type TestServer } from '../support/server';

describe('accounts: two-factor sign-in', () => {
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

  /** A supervisor with two-factor on, enrolled with the code of the step before now. */
  async function enrolled(name: string) {
    const person = await server.agent({ name, role: 'supervisor' });
    const cookie = await server.signIn(person.email, person.password);
    await awayFromStepEdge();
    const { secret, uri } = okData((await call<TwoFactorEnrolment>('POST', '/api/auth/two-factor/setup', undefined, cookie)).result);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain(person.email);
    okData((await call('POST', '/api/auth/two-factor/confirm', { code: await totpCode(secret, -1) }, cookie)).result);
    return { person, cookie, secret };
  }

  it('enrols a supervisor only with a code from the new secret, then asks for a code at every sign-in', async () => {
    const sue = await server.agent({ name: 'Sue', role: 'supervisor' });
    const cookie = await server.signIn(sue.email, sue.password);
    await awayFromStepEdge();
    expect((await call('POST', '/api/auth/two-factor/confirm', { code: '123456' }, cookie)).status).toBe(409);
    const { secret } = okData((await call<TwoFactorEnrolment>('POST', '/api/auth/two-factor/setup', undefined, cookie)).result);
    const wrong = (await totpCode(secret)) === '000000' ? '111111' : '000000';
    expect(await call('POST', '/api/auth/two-factor/confirm', { code: wrong }, cookie)).toMatchObject({
      status: 403,
      result: { error: { code: 'forbidden' } },
    });
    expect((await call('POST', '/api/auth/two-factor/confirm', { code: 'abc' }, cookie)).status).toBe(400);
    expect((await call<AccountView>('GET', '/api/auth/me', undefined, cookie)).result).toMatchObject({ data: { twoFactorEnabled: false } });
    okData((await call('POST', '/api/auth/two-factor/confirm', { code: await totpCode(secret, -1) }, cookie)).result);
    expect((await call<AccountView>('GET', '/api/auth/me', undefined, cookie)).result).toMatchObject({ data: { twoFactorEnabled: true } });
    expect((await call('POST', '/api/auth/two-factor/setup', undefined, cookie)).status).toBe(409);

    const withoutCode = await call('POST', '/api/auth/sign-in', { email: sue.email, password: sue.password });
    expect(withoutCode).toMatchObject({ status: 401, cookie: null, result: { error: { code: 'two_factor_required' } } });
    const wrongPassword = await call('POST', '/api/auth/sign-in', { email: sue.email, password: 'not it', code: await totpCode(secret) });
    expect(wrongPassword).toMatchObject({ status: 401, cookie: null, result: { error: { code: 'unauthorized' } } });
    const wrongCode = await call('POST', '/api/auth/sign-in', { email: sue.email, password: sue.password, code: wrong });
    expect(wrongCode).toMatchObject({ status: 401, cookie: null, result: { error: { code: 'unauthorized' } } });

    const code = await totpCode(secret);
    const signedIn = await call<AccountView>('POST', '/api/auth/sign-in', { email: sue.email, password: sue.password, code });
    expect(okData(signedIn.result)).toMatchObject({ twoFactorEnabled: true });
    expect(signedIn.cookie).not.toBeNull();
    // The same code again (someone watching over a shoulder) is refused.
    expect(await call('POST', '/api/auth/sign-in', { email: sue.email, password: sue.password, code })).toMatchObject({ status: 401, cookie: null });
  });

  it('refuses enrolment to plain agents: two-factor is for supervisors and admins', async () => {
    const plain = await server.agent({ name: 'Plain' });
    const cookie = await server.signIn(plain.email, plain.password);
    expect(await call('POST', '/api/auth/two-factor/setup', undefined, cookie)).toMatchObject({
      status: 403,
      result: { error: { code: 'forbidden' } },
    });
    expect((await call('POST', '/api/auth/two-factor/setup', undefined, '')).status).toBe(401);
    expect((await call('POST', '/api/auth/two-factor/setup', undefined, cookie, 'https://evil.example')).status).toBe(403);
  });

  it('turns two-factor off only with a valid code', async () => {
    const { person, cookie, secret } = await enrolled('Dee');
    const wrong = (await totpCode(secret, 1)) === '000000' ? '111111' : '000000';
    expect((await call('POST', '/api/auth/two-factor/disable', { code: wrong }, cookie)).status).toBe(403);
    expect((await call('POST', '/api/auth/two-factor/disable', {}, cookie)).status).toBe(400);
    expect((await server.services.store.getAgent(person.id))?.twoFactorEnabled).toBe(true);
    okData((await call('POST', '/api/auth/two-factor/disable', { code: await totpCode(secret) }, cookie)).result);
    expect((await call('POST', '/api/auth/two-factor/disable', { code: await totpCode(secret, 1) }, cookie)).status).toBe(409);
    await server.signIn(person.email, person.password);
  });

  it('lets an admin reset another person’s two-factor (a lost phone); agents and supervisors cannot', async () => {
    const { person, cookie } = await enrolled('Rae');
    const other = await enrolled('Ola');
    expect((await call('POST', `/api/admin/agents/${person.id}/two-factor/reset`, undefined, cookie)).status).toBe(403);
    expect((await call('POST', `/api/admin/agents/${person.id}/two-factor/reset`, undefined, other.cookie)).status).toBe(403);
    expect((await call('POST', '/api/admin/agents/00000000-0000-4000-8000-000000000000/two-factor/reset', undefined, adminCookie)).status).toBe(404);
    const admin = (await server.services.store.findAgentByEmail('admin@example.com'))?.id as string;
    expect((await call('POST', `/api/admin/agents/${admin}/two-factor/reset`, undefined, adminCookie)).status).toBe(409);
    okData((await call('POST', `/api/admin/agents/${person.id}/two-factor/reset`, undefined, adminCookie)).result);
    const list = okData((await call<AdminAgent[]>('GET', '/api/admin/agents', undefined, adminCookie)).result);
    expect(list.find((a) => a.id === person.id)).toMatchObject({ twoFactorEnabled: false });
    expect(list.find((a) => a.id === other.person.id)).toMatchObject({ twoFactorEnabled: true });
    await server.signIn(person.email, person.password);
  });

  it('keeps two-factor through a password reset: the link sets the password but signs nobody in without a code', async () => {
    const { person, secret } = await enrolled('Kai');
    const { link } = okData(
      (await call<{ link: IssuedLink }>('POST', `/api/admin/agents/${person.id}/password-reset`, undefined, adminCookie)).result,
    );
    const set = await call<{ signedIn: boolean }>('POST', '/api/auth/links/set-password', { token: tokenOf(link.url), password: 'kai new password' });
    expect(set).toMatchObject({ status: 200, cookie: null, result: { ok: true, data: { signedIn: false } } });
    expect((await call('POST', '/api/auth/sign-in', { email: person.email, password: 'kai new password' })).result).toMatchObject({
      error: { code: 'two_factor_required' },
    });
    const signedIn = await call('POST', '/api/auth/sign-in', { email: person.email, password: 'kai new password', code: await totpCode(secret) });
    expect(signedIn.status).toBe(200);
  });
});
