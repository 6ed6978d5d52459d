// On-call paging against a real SMTP server and a real HTTP receiver (the team chat) on loopback, in fake
// time: a P1 ticket whose owner is not connected pages the L1 on call by email (in the agent's language) and
// in every team chat; unacknowledged after 10 minutes, the L2 on call is paged; acknowledged by the link, the
// account manager never is. Acknowledged from the console within 10 minutes: no escalation. An owner whose
// console is open is not paged. The rota refuses bad input and changes nothing.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/audit-log';
import type { OncallShiftView, OncallView, PageView, PagingChannelView } from '../../shared/paging';
import type { TicketDetail } from '../../shared/ticket-model';
import { apiCaller, dataOf } from '../support/api-call';
import { FakeClock } from '../support/fake-clock';
import { nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const MINUTE = 60_000;
const ZONE = 'Asia/Shanghai';
const settle = () => new Promise((r) => setTimeout(r, 600));

describe('on-call paging', () => {
  let server: TestServer;
  let smtp: SmtpReceiver;
  let chat: WebhookReceiver;
  let clock: FakeClock;
  let api: ReturnType<typeof apiCaller>;
  let orgId: string;
  const people: Record<'lin' | 'sam' | 'ada', { id: string; email: string; password: string }> = {} as never;

  const wall = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
  const mailsTo = (email: string, reason: RegExp) =>
    smtp.mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '') === email && reason.test(m.subject ?? ''));
  const p1Page = async (ticketId: string): Promise<PageView> => {
    const pages = dataOf(await api<PageView[]>('GET', `/api/paging/pages?organisationId=${orgId}`));
    return pages.find((p) => p.ticketId === ticketId && p.reason === 'p1_ticket')!;
  };
  const p1Ticket = async (subject: string, assigneeId: string) =>
    dataOf(
      await api<TicketDetail>('POST', '/api/tickets', {
        organisationId: orgId,
        subject,
        priority: 'P1',
        description: 'The whole class is frozen',
        assigneeId,
      }),
    );

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    chat = await startWebhookReceiver();
    clock = new FakeClock(Date.now());
    server = await startTestServer({ smtpUrl: smtp.url, emailPollMs: 100, webhookAllowPrivate: true }, { clock });
    api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    orgId = (await server.organisation({ name: 'Maple School' })).id;
    people.lin = await server.agent({ name: 'Lin', email: 'lin@support.example', tier: 'L1' });
    people.sam = await server.agent({ name: 'Sam', email: 'sam@support.example', tier: 'L2' });
    people.ada = await server.agent({ name: 'Ada', email: 'ada@support.example', tier: 'account_manager' });
    await server.services.store.setAgentLocale(people.lin.id, 'zh-CN');

    dataOf(await api('PUT', `/api/admin/organisations/${orgId}/oncall/time-zone`, { timeZone: ZONE }));
    const now = clock.now();
    for (const [tier, who] of [
      ['L1', people.lin],
      ['L2', people.sam],
      ['account_manager', people.ada],
    ] as const) {
      dataOf(
        await api('POST', `/api/admin/organisations/${orgId}/oncall/shifts`, {
          tier,
          agentId: who.id,
          startsAt: wall(now - 60 * MINUTE),
          endsAt: wall(now + 12 * 60 * MINUTE),
        }),
      );
    }
    dataOf(await api('POST', `/api/admin/organisations/${orgId}/oncall/channels`, { url: `${chat.url}/slack`, format: 'slack' }));
    dataOf(await api('POST', `/api/admin/organisations/${orgId}/oncall/channels`, { url: `${chat.url}/json`, format: 'json' }));
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await chat?.close();
  });

  it('shows the rota in the organisation’s time zone with who is on call now', async () => {
    const view = dataOf(await api<OncallView>('GET', `/api/admin/organisations/${orgId}/oncall`));
    expect(view.timeZone).toBe(ZONE);
    expect(view.shifts).toHaveLength(3);
    expect(view.shifts[0]!.startsAt).toBe(wall(view.shifts[0]!.startsAtMs));
    expect(view.now).toEqual({
      L1: { agentId: people.lin.id, agentName: 'Lin' },
      L2: { agentId: people.sam.id, agentName: 'Sam' },
      account_manager: { agentId: people.ada.id, agentName: 'Ada' },
    });
    // Team-chat URLs carry their token: never shown whole.
    expect(view.channels.map((c) => c.format).sort()).toEqual(['json', 'slack']);
    for (const channel of view.channels) expect(channel.url).not.toMatch(/\/hooks\/support\/(slack|json)/);
  });

  it('pages L1, escalates to L2 after 10 minutes unacknowledged, and stops when the link acknowledges', async () => {
    const ticket = await p1Ticket('Class frozen for 40 students', people.lin.id);
    // Lin has no console open: paged at once, in Chinese, by email and in both team chats.
    await expect.poll(() => mailsTo(people.lin.email, /P1 紧急工单/).length, { timeout: 5_000 }).toBe(1);
    const mail = mailsTo(people.lin.email, /P1 紧急工单/)[0]!;
    expect(mail.subject).toContain(ticket.number);
    expect(mail.subject).toContain('Maple School');
    expect(mail.text).toContain('10 分钟内确认');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/paging\/ack\/[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(link).toBeTruthy();
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).not.toMatch(/<img|<script/i);
    // The ticket link opens that ticket in the console, not just the console.
    const ticketLink = `${new URL(link!).origin}/console/tickets/${ticket.number}`;
    expect(mail.text).toContain(ticketLink);
    await expect.poll(() => chat.received.filter((r) => r.body.includes(ticket.number)).length, { timeout: 5_000 }).toBe(2);
    const slack = chat.received.find((r) => r.headers['content-type'] === 'application/json' && 'blocks' in (r.json as object))!;
    expect(JSON.stringify(slack.json)).toContain(`<${link}|确认收到>`);
    const generic = chat.received.find((r) => r.json.type === 'page')!.json as unknown as {
      page: { reason: string; tier: string; acknowledgeUrl: string; ticketUrl: string; ticket: { number: string } };
    };
    expect(generic.page).toMatchObject({
      reason: 'p1_ticket',
      tier: 'L1',
      acknowledgeUrl: link,
      ticketUrl: ticketLink,
      ticket: { number: ticket.number },
    });
    // The step is recorded once its email and chat messages are out.
    await expect.poll(async () => (await p1Page(ticket.id)).steps.length, { timeout: 5_000 }).toBe(1);
    let page = await p1Page(ticket.id);
    expect(page).toMatchObject({ status: 'paging', tier: 'L1', agentId: people.lin.id });
    expect(page.steps[0]).toMatchObject({ tier: 'L1', agentName: 'Lin', email: 'sent' });
    expect(page.steps[0]!.chats.every((c) => c.ok)).toBe(true);

    // Nine minutes: still only Lin.
    clock.advance(9 * MINUTE);
    await settle();
    expect(mailsTo(people.sam.email, /P1 ticket/)).toHaveLength(0);
    // Ten: Sam (L2, English) is paged, told that the tier below did not answer.
    clock.advance(MINUTE + 1_000);
    await expect.poll(() => mailsTo(people.sam.email, /P1 ticket/).length, { timeout: 5_000 }).toBe(1);
    expect(mailsTo(people.sam.email, /P1 ticket/)[0]!.text).toContain('Nobody acknowledged at the tier below; paging the on-call L2 Sam');
    await expect.poll(async () => (await p1Page(ticket.id)).steps.length, { timeout: 5_000 }).toBe(2);
    page = await p1Page(ticket.id);
    expect(page).toMatchObject({ status: 'paging', tier: 'L2', agentId: people.sam.id });

    // The link: a GET shows the button and acknowledges nothing (mail scanners open links) …
    const shown = await fetch(link!);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<button type="submit">Acknowledge</button>');
    expect((await p1Page(ticket.id)).status).toBe('paging');
    // … the button does, as Sam, the one paged last.
    const done = await fetch(link!, { method: 'POST' });
    expect(await done.text()).toContain('the page is acknowledged');
    page = await p1Page(ticket.id);
    expect(page).toMatchObject({ status: 'acknowledged', acknowledgedBy: people.sam.id, escalatesAt: null });

    clock.advance(11 * MINUTE);
    await settle();
    expect(mailsTo(people.ada.email, /P1 ticket/)).toHaveLength(0);
    expect(mailsTo(people.sam.email, /P1 ticket/)).toHaveLength(1);
    expect(mailsTo(people.lin.email, /P1 紧急工单/)).toHaveLength(1);
  });

  it('acknowledged in the console within 10 minutes: no escalation', async () => {
    const ticket = await p1Ticket('Teacher cannot share screen', people.lin.id);
    await expect.poll(async () => (await p1Page(ticket.id))?.status, { timeout: 5_000 }).toBe('paging');
    await expect.poll(async () => (await p1Page(ticket.id)).steps.length, { timeout: 5_000 }).toBe(1);
    const lin = apiCaller(server.url, { cookie: await server.signIn(people.lin.email, people.lin.password) });
    clock.advance(5 * MINUTE);
    const acked = dataOf(await lin<PageView>('POST', `/api/paging/pages/${(await p1Page(ticket.id)).id}/acknowledge`));
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: people.lin.id });
    clock.advance(6 * MINUTE);
    await settle();
    expect(mailsTo(people.sam.email, /Teacher cannot share screen/)).toHaveLength(0);
    expect((await p1Page(ticket.id)).steps).toHaveLength(1);
  });

  it('does not page when the ticket’s owner has the console open', async () => {
    const cookie = await server.signIn(people.sam.email, people.sam.password);
    const socket = server.agentSocket(cookie);
    await nextEvent(socket, 'session');
    okData(await request(socket, 'presence:set', { available: true }));
    const ticket = await p1Ticket('Recording missing', people.sam.id);
    await settle();
    expect(await p1Page(ticket.id)).toBeUndefined();
    socket.disconnect();
  });

  it('refuses a bad rota entry with a clear error and changes nothing', async () => {
    const before = dataOf(await api<OncallView>('GET', `/api/admin/organisations/${orgId}/oncall`));
    const now = clock.now();
    const bad = [
      [{ tier: 'L3', agentId: people.lin.id, startsAt: wall(now), endsAt: wall(now + MINUTE * 60) }, /tier/],
      [{ tier: 'L1', agentId: people.lin.id, startsAt: wall(now + 60 * MINUTE), endsAt: wall(now) }, /endsAt: must be after startsAt/],
      [{ tier: 'L1', agentId: 'nobody', startsAt: wall(now), endsAt: wall(now + 60 * MINUTE) }, /agentId/],
      [{ tier: 'L1', agentId: people.lin.id, startsAt: '7 pm', endsAt: wall(now + 60 * MINUTE) }, /startsAt/],
    ] as const;
    for (const [body, message] of bad) {
      const answer = await api('POST', `/api/admin/organisations/${orgId}/oncall/shifts`, body);
      expect(answer.status).toBe(400);
      expect(answer.result.ok ? '' : answer.result.error.message).toMatch(message);
    }
    expect((await api('PUT', `/api/admin/organisations/${orgId}/oncall/time-zone`, { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await api('POST', `/api/admin/organisations/${orgId}/oncall/channels`, { url: 'ftp://chat.example/x', format: 'slack' })).status).toBe(
      400,
    );
    expect((await api('POST', `/api/admin/organisations/${orgId}/oncall/channels`, { url: 'https://chat.example/x', format: 'teams' })).status).toBe(
      400,
    );
    const lin = apiCaller(server.url, { cookie: await server.signIn(people.lin.email, people.lin.password) });
    expect(
      (
        await lin('POST', `/api/admin/organisations/${orgId}/oncall/shifts`, {
          tier: 'L1',
          agentId: people.lin.id,
          startsAt: wall(now),
          endsAt: wall(now + 60 * MINUTE),
        })
      ).status,
    ).toBe(403);
    const after = dataOf(await api<OncallView>('GET', `/api/admin/organisations/${orgId}/oncall`));
    expect(after).toEqual(before);
    // Nothing refused reaches the audit log.
    const audited = dataOf(await api<AuditPage>('GET', '/api/admin/audit-log?limit=200')).entries.filter((e) => e.action.startsWith('oncall.'));
    expect(audited.map((e) => e.action).sort()).toEqual([
      'oncall.channel_added',
      'oncall.channel_added',
      'oncall.shift_added',
      'oncall.shift_added',
      'oncall.shift_added',
      'oncall.time_zone_changed',
    ]);
  });

  it('records every rota change in the audit log: who, which shift or team chat, never a chat URL’s token', async () => {
    const now = clock.now();
    const shift = dataOf(
      await api<OncallShiftView>('POST', `/api/admin/organisations/${orgId}/oncall/shifts`, {
        tier: 'L2',
        agentId: people.sam.id,
        startsAt: wall(now + 60 * MINUTE),
        endsAt: wall(now + 120 * MINUTE),
      }),
    );
    dataOf(await api('DELETE', `/api/admin/organisations/${orgId}/oncall/shifts/${shift.id}`));
    const team = dataOf(
      await api<PagingChannelView>('POST', `/api/admin/organisations/${orgId}/oncall/channels`, {
        url: `${chat.url}/services/T000/B000/secret-token-xyz`,
        format: 'slack',
      }),
    );
    dataOf(await api('DELETE', `/api/admin/organisations/${orgId}/oncall/channels/${team.id}`));
    dataOf(await api('PUT', `/api/admin/organisations/${orgId}/oncall/time-zone`, { timeZone: 'Europe/London' }));
    dataOf(await api('PUT', `/api/admin/organisations/${orgId}/oncall/time-zone`, { timeZone: ZONE }));

    const entries = dataOf(await api<AuditPage>('GET', '/api/admin/audit-log?limit=200')).entries;
    const of = (action: string) => entries.filter((e) => e.action === action);
    const expected = { organisationId: orgId, tier: 'L2', agent: 'Sam', startsAt: shift.startsAt, endsAt: shift.endsAt };
    expect(of('oncall.shift_added')[0]).toMatchObject({
      actor: { kind: 'agent', name: 'Administrator' },
      target: { kind: 'oncall_shift', id: shift.id, label: 'L2 · Sam' },
      details: expected,
    });
    expect(of('oncall.shift_deleted')[0]).toMatchObject({ target: { kind: 'oncall_shift', id: shift.id, label: 'L2 · Sam' }, details: expected });
    expect(of('oncall.channel_added')[0]).toMatchObject({
      target: { kind: 'paging_channel', id: team.id },
      details: { organisationId: orgId, format: 'slack' },
    });
    expect(of('oncall.channel_deleted')[0]).toMatchObject({ target: { kind: 'paging_channel', id: team.id } });
    expect(JSON.stringify(entries)).not.toContain('secret-token-xyz');
    // Both changes, whatever their order (two entries may share a millisecond).
    const zones = of('oncall.time_zone_changed')
      .map((e) => e.details)
      .filter((d) => JSON.stringify(d).includes('Europe/London'));
    expect(zones).toHaveLength(2);
    expect(zones).toEqual(
      expect.arrayContaining([
        { changes: { timeZone: ZONE }, previous: { timeZone: 'Europe/London' } },
        { changes: { timeZone: 'Europe/London' }, previous: { timeZone: ZONE } },
      ]),
    );
  });
});
