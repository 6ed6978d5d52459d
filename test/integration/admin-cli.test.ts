// The first admin's generated password and `npm run admin` on the server's machine, with real processes: the
// printed password must be changed at the first sign-in; the command line prints a one-time reset link or a new
// generated password, and turns two-factor off, for a running server's database; each is audited.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, TwoFactorEnrolment } from '../../shared/account-model';
import type { AuditPage } from '../../shared/audit-log';
import { awayFromStepEdge, caller, tokenOf, totpCode, type Caller } from '../support/account-api';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process';
import { okData } from '../support/server';

const run = promisify(execFile);

describe('first admin and npm run admin', () => {
  let dataDir: string;
  let server: ServerProcess;
  let call: Caller;
  let password: string;

  /** The command line as an operator runs it, against the server's data directory. */
  const admin = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/admin-cli.ts', ...args], {
        env: { ...process.env, SUPPORT_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(server.port), SUPPORT_PUBLIC_URL: '' },
        timeout: 30_000,
      });
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code: number; stderr: string };
      return { code: failed.code, out: failed.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cs-admin-cli-'));
    server = await startServerProcess(dataDir, await freePort(), { env: { SUPPORT_ADMIN_EMAIL: 'root@example.com', SUPPORT_ADMIN_PASSWORD: '' } });
    call = caller(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a generated first password once, which must be changed before anything else', async () => {
    const printed = /First admin created: root@example\.com \/ (\S+)/.exec(server.output());
    expect(printed).not.toBeNull();
    const generated = printed?.[1] as string;
    const signIn = await call<AccountView>('POST', '/api/auth/sign-in', { email: 'root@example.com', password: generated });
    expect(okData(signIn.result)).toMatchObject({ role: 'admin', mustChangePassword: true });
    const cookie = signIn.cookie as string;
    expect(await call('GET', '/api/admin/agents', undefined, cookie)).toMatchObject({
      status: 403,
      result: { error: { code: 'password_change_required' } },
    });
    password = 'root chose this one';
    okData((await call('POST', '/api/auth/password', { currentPassword: generated, newPassword: password }, cookie)).result);
    expect((await call('GET', '/api/admin/agents', undefined, cookie)).status).toBe(200);
  });

  it('prints a one-time reset link for a lost admin password: the old password and sessions stop, the link sets a new one', async () => {
    const before = (await call<AccountView>('POST', '/api/auth/sign-in', { email: 'root@example.com', password })).cookie as string;
    const { code, out } = await admin('reset-password', 'Root@Example.com');
    expect(code).toBe(0);
    const url = /(http:\/\/\S+\/console\/set-password#\S+)/.exec(out)?.[1] as string;
    expect(url.startsWith(`http://localhost:${server.port}/console/set-password#`)).toBe(true);
    expect((await call('GET', '/api/auth/me', undefined, before)).status).toBe(401);
    expect((await call('POST', '/api/auth/sign-in', { email: 'root@example.com', password })).status).toBe(401);
    password = 'root after the link';
    const set = await call<{ signedIn: boolean }>('POST', '/api/auth/links/set-password', { token: tokenOf(url), password });
    expect(okData(set.result).signedIn).toBe(true);
  });

  it('prints a new generated password instead with --generate, to be changed at the first sign-in', async () => {
    const { code, out } = await admin('reset-password', 'root@example.com', '--generate');
    expect(code).toBe(0);
    const generated = /New password for root@example\.com: (\S+)/.exec(out)?.[1] as string;
    expect((await call('POST', '/api/auth/sign-in', { email: 'root@example.com', password })).status).toBe(401);
    const signIn = await call<AccountView>('POST', '/api/auth/sign-in', { email: 'root@example.com', password: generated });
    expect(okData(signIn.result).mustChangePassword).toBe(true);
    password = 'root third password';
    okData((await call('POST', '/api/auth/password', { currentPassword: generated, newPassword: password }, signIn.cookie as string)).result);
  });

  it('turns off two-factor sign-in for an admin who lost their authenticator', async () => {
    const cookie = (await call('POST', '/api/auth/sign-in', { email: 'root@example.com', password })).cookie as string;
    await awayFromStepEdge();
    const { secret } = okData((await call<TwoFactorEnrolment>('POST', '/api/auth/two-factor/setup', undefined, cookie)).result);
    okData((await call('POST', '/api/auth/two-factor/confirm', { code: await totpCode(secret, -1) }, cookie)).result);
    expect((await call('POST', '/api/auth/sign-in', { email: 'root@example.com', password })).result).toMatchObject({
      error: { code: 'two_factor_required' },
    });
    expect((await admin('reset-two-factor', 'root@example.com')).code).toBe(0);
    const signIn = await call<AccountView>('POST', '/api/auth/sign-in', { email: 'root@example.com', password });
    expect(okData(signIn.result).twoFactorEnabled).toBe(false);

    const page = okData((await call<AuditPage>('GET', '/api/admin/audit-log?limit=20', undefined, signIn.cookie as string)).result);
    const byOperator = page.entries.filter((e) => e.actor.kind === 'operator');
    expect(byOperator.map((e) => e.action)).toEqual(['agent.two_factor_reset', 'agent.password_reset', 'agent.password_reset']);
    expect(byOperator.every((e) => e.target?.label === 'root@example.com')).toBe(true);
  });

  it('refuses an unknown email and a wrong command, changing nothing', async () => {
    const [unknown, ...usage] = await Promise.all([
      admin('reset-password', 'nobody@example.com'),
      admin('frobnicate', 'root@example.com'),
      admin('reset-password'),
      admin('reset-two-factor', 'root@example.com', '--generate'),
    ]);
    expect(unknown).toMatchObject({ code: 1, out: expect.stringContaining('No agent') as string });
    expect(usage.map((u) => u.code)).toEqual([2, 2, 2]);
    expect((await call('POST', '/api/auth/sign-in', { email: 'root@example.com', password })).status).toBe(200);
  }, 60_000);
});
