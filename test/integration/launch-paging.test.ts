// A launch window and on-call paging, against a real SMTP server on loopback in fake time: while the window
// runs, a P1 ticket whose owner has no console open pages the organisation's account manager first, not the
// L1 on call; once it is over, paging starts at L1 again.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchWindow } from '../../shared/desk';
import type { TicketDetail } from '../../shared/ticket-model';
import { apiCaller, dataOf } from '../support/api-call';
import { FakeClock } from '../support/fake-clock';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { startTestServer, type TestServer } from '../support/server';

const MINUTE = 60_000;
const ZONE = 'UTC';

describe('launch windows page the account manager first', () => {
  let server: TestServer;
  let smtp: SmtpReceiver;
  let clock: FakeClock;
  let api: ReturnType<typeof apiCaller>;
  let orgId: string;
  let lin: { id: string; email: string };
  let ada: { id: string; email: string };
  const mailsTo = (email: string) => smtp.mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '') === email && /P1/.test(m.subject ?? ''));
  const wall = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    clock = new FakeClock(Date.now());
    server = await startTestServer({ smtpUrl: smtp.url, emailPollMs: 100 }, { clock });
    api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    lin = await server.agent({ name: 'Lin', email: 'lin@support.example', tier: 'L1' });
    ada = await server.agent({ name: 'Ada', email: 'ada@support.example', tier: 'account_manager' });
    orgId = (await server.organisation({ name: 'Maple School', accountManagerId: ada.id })).id;
    dataOf(await api('PUT', `/api/admin/organisations/${orgId}/oncall/time-zone`, { timeZone: ZONE }));
    const now = clock.now();
    for (const [tier, who] of [
      ['L1', lin],
      ['account_manager', ada],
    ] as const) {
      dataOf(
        await api('POST', `/api/admin/organisations/${orgId}/oncall/shifts`, {
          tier,
          agentId: who.id,
          startsAt: wall(now - 60 * MINUTE),
          endsAt: wall(now + 24 * 60 * MINUTE),
        }),
      );
    }
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('pages the account manager first during the window, and L1 again after it', async () => {
    const now = clock.now();
    dataOf(
      await api<LaunchWindow>('POST', '/api/desk/launch-windows', {
        organisationId: orgId,
        title: 'Spring course',
        startsAt: now - MINUTE,
        endsAt: now + 60 * MINUTE,
      }),
    );
    const during = dataOf(
      await api<TicketDetail>('POST', '/api/tickets', {
        organisationId: orgId,
        subject: 'Launch class frozen',
        priority: 'P1',
        description: 'Nobody can join',
        assigneeId: lin.id,
      }),
    );
    await expect.poll(() => mailsTo(ada.email).filter((m) => m.subject?.includes(during.number)).length, { timeout: 5_000 }).toBe(1);
    expect(mailsTo(lin.email).filter((m) => m.subject?.includes(during.number))).toHaveLength(0);

    clock.advance(61 * MINUTE);
    await server.services.launches.changed();
    const after = dataOf(
      await api<TicketDetail>('POST', '/api/tickets', {
        organisationId: orgId,
        subject: 'Ordinary day',
        priority: 'P1',
        description: 'Nobody can join',
        assigneeId: lin.id,
      }),
    );
    await expect.poll(() => mailsTo(lin.email).filter((m) => m.subject?.includes(after.number)).length, { timeout: 5_000 }).toBe(1);
    expect(mailsTo(ada.email).filter((m) => m.subject?.includes(after.number))).toHaveLength(0);
  });
});
