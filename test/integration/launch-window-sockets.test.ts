// Launch windows over real sockets, one server, SMTP on loopback and a clock the test moves. While Maple's window
// runs: a student's chat (widget socket) is one priority more urgent in the agent's queue and the account manager's
// console hears of it; two students with middling network in one classroom raise a quality alert that the same
// reports from Birch (no window) do not; a ticket from the widget is raised too, and when that makes it P1 the
// account manager is paged before the L1 on call. After the window everything is as before.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchWindow } from '../../shared/desk';
import type { ConversationSummary } from '../../shared/model';
import type { QualityAlert, QualityReport } from '../../shared/quality';
import type { AgentNotice } from '../../shared/routing-model';
import type { Agent, Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import { FakeClock } from '../support/fake-clock';
import {
  eventWhere,
  newClientId,
  nextEvent,
  okData,
  request,
  startTestServer,
  type AgentClient,
  type TestServer,
  type VisitorClient,
} from '../support/server';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';

const MINUTE = 60_000;
/** Worse than two thirds of the default thresholds (RTT 400 ms, loss 5 %, jitter 100 ms), better than them. */
const MIDDLING: QualityReport = {
  samples: 5,
  periodMs: 5_000,
  rttMs: 320,
  packetLossPct: 4,
  jitterMs: 80,
  freezes: 0,
  audioLevelLow: false,
  sdkNetworkQuality: 3,
};
/** The monitor ticks once a second on real timers; the clock it reads is the test's. */
const TICK = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('launch windows over sockets', () => {
  const clock = new FakeClock(Date.now());
  let server: TestServer;
  let smtp: SmtpReceiver;
  let admin: ReturnType<typeof apiCaller>;
  let maple: Organisation;
  let birch: Organisation;
  let lin: Agent & { password: string };
  let ada: Agent & { password: string };
  let linConsole: AgentClient;
  let adaConsole: AgentClient;
  const alerts: QualityAlert[] = [];
  const notices: AgentNotice[] = [];
  const pagesTo = (email: string, ticket: string) =>
    smtp.mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '') === email && m.subject?.includes(ticket));

  const visitor = async (org: Organisation, name: string): Promise<VisitorClient> => {
    const socket = server.visitor({ appKey: org.appKey, name });
    await nextEvent(socket, 'session');
    return socket;
  };
  const chat = async (org: Organisation, name: string) => {
    const socket = await visitor(org, name);
    const started = okData(
      await request(socket, 'conversation:start', { clientId: newClientId(), urgency: 'question', context: { role: 'student' } }),
    );
    okData(await request(socket, 'message:send', { conversationId: started.id, clientId: newClientId(), text: `${name}: where is the homework?` }));
    return started;
  };
  const ticket = async (org: Organisation, name: string) =>
    okData(
      await request(await visitor(org, name), 'ticket:create', {
        clientId: newClientId(),
        description: 'Half the class cannot join the launch lesson',
        impact: 'cannot_take_part',
        context: { role: 'student' },
      }),
    );

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer({ smtpUrl: smtp.url, emailPollMs: 100 }, { clock });
    admin = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    // Lin is on L1 duty with no room for chats, so the chats stay queued where the test can read them.
    lin = await server.agent({ name: 'Lin', email: 'lin@support.example', tier: 'L1', capacity: 0 });
    ada = await server.agent({ name: 'Ada', email: 'ada@support.example', tier: 'account_manager' });
    maple = await server.organisation({ identityRequired: false, name: 'Maple School', accountManagerId: ada.id });
    birch = await server.organisation({ identityRequired: false, name: 'Birch Academy' });
    const wall = (ms: number) => DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm");
    dataOf(await admin('PUT', `/api/admin/organisations/${maple.id}/oncall/time-zone`, { timeZone: 'UTC' }));
    for (const [tier, who] of [
      ['L1', lin],
      ['account_manager', ada],
    ] as const) {
      dataOf(
        await admin('POST', `/api/admin/organisations/${maple.id}/oncall/shifts`, {
          tier,
          agentId: who.id,
          startsAt: wall(clock.now() - 60 * MINUTE),
          endsAt: wall(clock.now() + 24 * 60 * MINUTE),
        }),
      );
    }
    linConsole = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(linConsole, 'session');
    okData(await request(linConsole, 'presence:set', { available: true }));
    linConsole.on('quality:alert', (a: QualityAlert) => alerts.push(a));
    adaConsole = server.agentSocket(await server.signIn(ada.email, ada.password));
    await nextEvent(adaConsole, 'session');
    adaConsole.on('notice', (n: AgentNotice) => notices.push(n));
    // Ada declares the launch from her desk: it runs from a minute ago for two hours.
    const asAda = apiCaller(server.url, { cookie: await server.signIn(ada.email, ada.password) });
    dataOf(
      await asAda<LaunchWindow>('POST', '/api/desk/launch-windows', {
        organisationId: maple.id,
        title: 'Spring course',
        startsAt: clock.now() - MINUTE,
        endsAt: clock.now() + 120 * MINUTE,
      }),
    );
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('raises a launching school’s new chat in the agent’s queue, and its account manager hears of it', async () => {
    const queued = eventWhere<ConversationSummary>(linConsole, 'conversation:updated', (c) => c.organisation === 'Maple School');
    const mapleChat = await chat(maple, 'Ada Student');
    expect((await queued).routing.priority).toBe('P3');
    const birchChat = await chat(birch, 'Bo Student');
    expect((await server.services.store.getConversation(mapleChat.id))?.routing.priority).toBe('P3');
    expect((await server.services.store.getConversation(birchChat.id))?.routing.priority).toBe('P4');
    // Due on the P3 deadline (2 h), not the P4 one (4 h): the launching school's question goes ahead of Birch's.
    const [mapleRouting, birchRouting] = [
      (await server.services.store.getConversation(mapleChat.id))!.routing,
      (await server.services.store.getConversation(birchChat.id))!.routing,
    ];
    expect(mapleRouting.firstResponseDueAt - mapleRouting.queuedAt).toBe(120 * MINUTE);
    expect(birchRouting.firstResponseDueAt - birchRouting.queuedAt).toBe(240 * MINUTE);
    await expect.poll(() => notices.filter((n) => n.conversationId === mapleChat.id).length).toBe(1);
    expect(notices.some((n) => n.conversationId === birchChat.id)).toBe(false);
  });

  it('watches the launching school’s classrooms by tighter rules: middling network alerts there, not elsewhere', async () => {
    const reporters = [await visitor(maple, 'Eve'), await visitor(maple, 'Fay'), await visitor(birch, 'Gus'), await visitor(birch, 'Hal')];
    for (const [i, socket] of reporters.entries())
      okData(await request(socket, 'quality:report', { ...MIDDLING, classroomId: i < 2 ? 'launch-101' : 'ordinary-101' }));
    // Launch rules call a user degraded after 10 s of it (20 s normally).
    clock.advance(12_000);
    await TICK();
    await expect.poll(() => alerts.map((a) => a.classroomId), { timeout: 5_000 }).toEqual(['launch-101']);
    expect(alerts[0]).toMatchObject({ organisationName: 'Maple School', degradedUsers: 2, reportingUsers: 2 });
    // Past the usual 20 s too, Birch's classroom with the same reports stays quiet (reports at most every 5 s).
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    for (const [i, socket] of reporters.entries())
      okData(await request(socket, 'quality:report', { ...MIDDLING, classroomId: i < 2 ? 'launch-101' : 'ordinary-101' }));
    clock.advance(12_000);
    await TICK();
    expect(alerts.map((a) => a.classroomId)).toEqual(['launch-101']);
  });

  it('raises a widget ticket to P1 and pages the account manager before the L1 on call', async () => {
    // Lin, who gets the widget's tickets, closes her console: a P1 whose owner has none open is paged.
    linConsole.disconnect();
    await expect
      .poll(async () => (await server.services.store.listAgentStatuses()).find((s) => s.agent.id === lin.id)?.disconnectedAt ?? null)
      .not.toBeNull();
    const raised = await ticket(maple, 'Cy Student');
    const plain = await ticket(birch, 'Di Student');
    expect((await server.services.store.getTicket(raised.id))?.priority).toBe('P1');
    expect((await server.services.store.getTicket(plain.id))?.priority).toBe('P2');
    await expect.poll(() => pagesTo(ada.email, raised.number).length, { timeout: 5_000 }).toBe(1);
    expect(pagesTo(lin.email, raised.number)).toHaveLength(0);
    expect((await server.services.store.getTicket(raised.id))?.assigneeId).toBe(lin.id);
  });

  it('after the window: chats and tickets keep their usual priority', async () => {
    clock.advance(121 * MINUTE);
    await server.services.launches.changed();
    const later = await chat(maple, 'Ivy Student');
    expect((await server.services.store.getConversation(later.id))?.routing.priority).toBe('P4');
    const laterTicket = await ticket(maple, 'Jo Student');
    expect((await server.services.store.getTicket(laterTicket.id))?.priority).toBe('P2');
  });
});
