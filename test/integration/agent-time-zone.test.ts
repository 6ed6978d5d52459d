// The agent's time zone saved with the account (PUT /api/auth/time-zone): it comes back at every sign-in, in any
// browser; a zone nobody knows is refused with a typed error and changes nothing; emails to the agent (a
// password reset) name the link's expiry in it, and in UTC for an agent who chose none. Real SMTP on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, IssuedLink } from '../../shared/account-model';
import { apiCaller, dataOf } from '../support/api-call';
import { startTestServer, type TestServer } from '../support/server';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';

/** The expiry as the email should read it: "2026-12-08 09:30 Asia/Shanghai", by Intl rather than by luxon. */
function wallClock(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${timeZone}`;
}

describe('the agent’s time zone', () => {
  let server: TestServer;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('is saved with the account, comes back at the next sign-in, and refuses an unknown zone', async () => {
    const lin = await server.agent({ name: 'Lin' });
    const call = apiCaller(server.url, { cookie: await server.signIn(lin.email, lin.password) });
    expect(dataOf(await call<AccountView>('GET', '/api/auth/me')).timeZone).toBeNull();

    expect(dataOf(await call<AccountView>('PUT', '/api/auth/time-zone', { timeZone: 'Asia/Shanghai' })).timeZone).toBe('Asia/Shanghai');
    // Another browser: a new session reads it from the account.
    const elsewhere = apiCaller(server.url, { cookie: await server.signIn(lin.email, lin.password) });
    expect(dataOf(await elsewhere<AccountView>('GET', '/api/auth/me')).timeZone).toBe('Asia/Shanghai');

    for (const bad of [{ timeZone: 'Mars/Olympus' }, { timeZone: '' }, { timeZone: 8 }, { zone: 'Asia/Shanghai' }]) {
      const answer = await call('PUT', '/api/auth/time-zone', bad);
      expect(answer.status).toBe(400);
      expect(answer.result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect((await server.services.store.getAgent(lin.id))?.timeZone).toBe('Asia/Shanghai');

    // Back to the browser's.
    expect(dataOf(await call<AccountView>('PUT', '/api/auth/time-zone', { timeZone: null })).timeZone).toBeNull();
    expect((await server.services.store.getAgent(lin.id))?.timeZone).toBeNull();
  });

  it('names times in emails to the agent in their zone, and in UTC for one who chose none', async () => {
    const ana = await server.agent({ name: 'Ana' });
    const ben = await server.agent({ name: 'Ben' });
    const anaCall = apiCaller(server.url, { cookie: await server.signIn(ana.email, ana.password) });
    dataOf(await anaCall('PUT', '/api/auth/time-zone', { timeZone: 'America/New_York' }));
    const admin = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });

    const before = smtp.mails.length;
    const forAna = dataOf(await admin<{ link: IssuedLink; emailed: boolean }>('POST', `/api/admin/agents/${ana.id}/password-reset`));
    expect(forAna.emailed).toBe(true);
    await expect.poll(() => smtp.mails.length, { timeout: 5_000 }).toBe(before + 1);
    expect(smtp.mails[before]!.text).toContain(`valid until ${wallClock(forAna.link.expiresAt, 'America/New_York')}, once`);

    const forBen = dataOf(await admin<{ link: IssuedLink; emailed: boolean }>('POST', `/api/admin/agents/${ben.id}/password-reset`));
    await expect.poll(() => smtp.mails.length, { timeout: 5_000 }).toBe(before + 2);
    expect(smtp.mails[before + 1]!.text).toContain(`valid until ${wallClock(forBen.link.expiresAt, 'UTC')}, once`);
  });
});
