// Incidents on a real server with real sockets, a real webhook receiver and a clock the test moves: three of five
// students of one classroom degrade for a minute → one P1 incident ticket, notices to those three only (not to
// their healthy classmates nor to another classroom), incident.opened sent; a chat one of them opens is linked;
// one update reaches all three; recovery is proposed; resolving tells them and sends incident.resolved; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentNotice, IncidentView } from '../../shared/incidents';
import type { QualityReport } from '../../shared/quality';
import type { VisitorSession } from '../../shared/protocol';
import type { TicketDetail } from '../../shared/ticket-model';
import type { Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import { FakeClock } from '../support/fake-clock';
import { nextEvent, okData, request, startTestServer, type AgentClient, type TestServer, type VisitorClient } from '../support/server';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const GOOD: QualityReport = {
  samples: 5,
  periodMs: 5_000,
  rttMs: 90,
  packetLossPct: 0.2,
  jitterMs: 12,
  freezes: 0,
  audioLevelLow: false,
  sdkNetworkQuality: 1,
};
const BAD: QualityReport = { ...GOOD, rttMs: 850, packetLossPct: 9, jitterMs: 140, freezes: 3, sdkNetworkQuality: 5 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The monitor ticks once a second on real timers; the clock it reads is the test's. */
const TICKS = 1_500;
/** The server refuses reports closer than 2 s apart from one connection. */
const REPORT_GAP = 2_100;

interface Student {
  name: string;
  socket: VisitorClient;
  visitorToken: string;
  incidents: IncidentNotice[];
}

describe('incidents', () => {
  const clock = new FakeClock(Date.now());
  let server: TestServer;
  let receiver: WebhookReceiver;
  let org: Organisation;
  let agent: AgentClient;
  let api: ReturnType<typeof apiCaller>;
  const consoleSaw: IncidentView[] = [];
  const physics: Student[] = [];
  let maths: Student;
  let incident: IncidentView;

  const student = async (name: string): Promise<Student> => {
    const socket = server.visitor({ appKey: org.appKey, name });
    const { visitorToken } = await nextEvent<VisitorSession>(socket, 'session');
    const incidents: IncidentNotice[] = [];
    socket.on('incident:notice', (n) => incidents.push(n));
    return { name, socket, incidents, visitorToken: visitorToken as string };
  };
  /** One report from everyone: the first three of physics as given, the rest good. */
  const round = async (firstThree: QualityReport) => {
    await sleep(REPORT_GAP);
    for (const [i, s] of physics.entries())
      okData(await request(s.socket, 'quality:report', { ...(i < 3 ? firstThree : GOOD), classroomId: 'physics-101' }));
    okData(await request(maths.socket, 'quality:report', { ...GOOD, classroomId: 'maths-7' }));
  };
  const advance = async (ms: number) => {
    clock.advance(ms);
    await sleep(TICKS);
  };

  beforeAll(async () => {
    server = await startTestServer({ webhookAllowPrivate: true }, { clock });
    receiver = await startWebhookReceiver();
    api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    org = await server.organisation({ identityRequired: false, name: 'Maple School' });
    const hook = await api('POST', `/api/admin/organisations/${org.id}/webhooks`, {
      url: receiver.url,
      events: ['incident.opened', 'incident.resolved'],
    });
    expect(hook.status).toBe(201);
    const ola = await server.agent({ email: 'ola@example.com' });
    agent = server.agentSocket(await server.signIn(ola.email, ola.password));
    await nextEvent(agent, 'session');
    agent.on('incident:changed', (i) => consoleSaw.push(i));
    for (const name of ['Ada', 'Ben', 'Cy', 'Dee', 'Eve']) physics.push(await student(name));
    maths = await student('Max');
  });
  afterAll(async () => {
    await server.stop();
    await receiver.close();
  });

  it('half the classroom degraded for a minute: one incident, notices to the affected only, incident.opened', async () => {
    await round(BAD);
    await advance(16_000); // users degraded (20 s of bad reports, the first covering 5 s)
    await round(BAD);
    await advance(30_000);
    expect(physics.flatMap((s) => s.incidents)).toEqual([]);
    await round(BAD);
    await advance(31_000); // the incident rule has held for a minute

    await expect.poll(() => physics.map((s) => s.incidents.length), { timeout: 5_000 }).toEqual([1, 1, 1, 0, 0]);
    expect(maths.incidents).toEqual([]);
    const notice = physics[0]!.incidents[0]!;
    expect(notice).toMatchObject({ classroomId: 'physics-101', number: expect.stringMatching(/^CS-\d{6}$/), update: null, resolved: false });

    const list = dataOf(await api<IncidentView[]>('GET', '/api/incidents'));
    expect(list).toHaveLength(1);
    incident = list[0]!;
    expect(incident).toMatchObject({
      ticketId: notice.ticketId,
      number: notice.number,
      organisationName: 'Maple School',
      classroomId: 'physics-101',
      affectedUsers: 3,
      recoveredAt: null,
      resolvedAt: null,
    });
    expect(consoleSaw.at(-1)).toMatchObject({ ticketId: incident.ticketId });

    const ticket = dataOf(
      await api<TicketDetail & { events: { kind: string; data: { incident?: { step: string; figures: { rttMs: number } | null } } }[] }>(
        'GET',
        `/api/tickets/${incident.ticketId}`,
      ),
    );
    expect(ticket).toMatchObject({ priority: 'P1', kind: 'incident', subject: 'physics-101' });
    const opened = ticket.events.find((e) => e.kind === 'incident');
    expect(opened?.data.incident).toMatchObject({ step: 'opened', degradedUsers: 3, reportingUsers: 5 });
    expect(opened?.data.incident?.figures?.rttMs).toBeGreaterThan(400);

    await expect.poll(() => receiver.received.map((r) => r.json.type), { timeout: 5_000 }).toEqual(['incident.opened']);
    expect(receiver.received[0]!.json.data).toMatchObject({
      incident: { ticketId: incident.ticketId, number: incident.number, classroomId: 'physics-101', affectedUsers: 3 },
    });

    // Still bad a while longer: nothing opens twice.
    await round(BAD);
    await advance(10_000);
    expect(dataOf(await api<IncidentView[]>('GET', '/api/incidents'))).toHaveLength(1);
    expect(physics.map((s) => s.incidents.length)).toEqual([1, 1, 1, 0, 0]);
  });

  it('a chat an affected user opens meanwhile is linked; one update reaches every affected user', async () => {
    const chat = okData(
      await request(physics[0]!.socket, 'conversation:start', { clientId: crypto.randomUUID(), context: { classroomId: 'physics-101' } }),
    );
    await expect
      .poll(async () => (await server.services.store.listIncidentLinks(incident.ticketId)).some((l) => l.kind === 'conversation' && l.id === chat.id))
      .toBe(true);
    // Linking a chat tells nobody (the users already know).
    expect(physics.map((s) => s.incidents.length)).toEqual([1, 1, 1, 0, 0]);

    const posted = await api<IncidentView>('POST', `/api/incidents/${incident.ticketId}/updates`, {
      text: 'The video provider is failing over; back in 5 minutes.',
      clientId: 'update-0001',
    });
    expect(dataOf(posted)).toMatchObject({ linkedChats: 1, lastUpdate: { text: 'The video provider is failing over; back in 5 minutes.' } });
    await expect.poll(() => physics.map((s) => s.incidents.length), { timeout: 5_000 }).toEqual([2, 2, 2, 0, 0]);
    expect(physics[1]!.incidents[1]).toMatchObject({
      update: { text: 'The video provider is failing over; back in 5 minutes.', authorName: expect.any(String) },
    });
    // The same request again posts nothing twice.
    dataOf(
      await api('POST', `/api/incidents/${incident.ticketId}/updates`, {
        text: 'The video provider is failing over; back in 5 minutes.',
        clientId: 'update-0001',
      }),
    );
    await sleep(300);
    expect(physics.map((s) => s.incidents.length)).toEqual([2, 2, 2, 0, 0]);
    expect(maths.incidents).toEqual([]);

    // A user who reloads sees the incident again, with its update; a classmate who was fine sees nothing.
    const again = server.visitor({ appKey: org.appKey, visitorToken: physics[1]!.visitorToken });
    const reloaded = await nextEvent<IncidentNotice>(again, 'incident:notice');
    expect(reloaded).toMatchObject({ ticketId: incident.ticketId, update: { text: 'The video provider is failing over; back in 5 minutes.' } });
    again.disconnect();
    const healthy = server.visitor({ appKey: org.appKey, visitorToken: physics[3]!.visitorToken });
    const heard: IncidentNotice[] = [];
    healthy.on('incident:notice', (n) => heard.push(n));
    await nextEvent(healthy, 'session');
    await sleep(300);
    expect(heard).toEqual([]);
    healthy.disconnect();
    const events = (await server.services.store.listTicketEvents(incident.ticketId)).filter((e) => e.kind === 'incident');
    expect(events.map((e) => e.data.incident?.step)).toEqual(['opened', 'linked', 'update']);
  });

  it('refuses bad input and changes nothing', async () => {
    expect(await api('POST', `/api/incidents/${incident.ticketId}/updates`, { text: '   ' })).toMatchObject({
      status: 400,
      result: { ok: false, error: { code: 'bad_request' } },
    });
    expect(await api('POST', `/api/incidents/${incident.ticketId}/updates`, { text: 'x', extra: 1 })).toMatchObject({ status: 400 });
    expect((await api('POST', `/api/incidents/${crypto.randomUUID()}/resolve`)).status).toBe(404);
    expect((await api('GET', '/api/incidents/not-a-uuid')).status).toBe(400);
    expect((await apiCaller(server.url, { cookie: '' })('GET', '/api/incidents')).status).toBe(401);
    expect(dataOf(await api<IncidentView>('GET', `/api/incidents/${incident.ticketId}`))).toMatchObject({
      resolvedAt: null,
      lastUpdate: { text: expect.any(String) },
    });
  });

  it('quality recovers: the console is told (proposal); resolving tells the users and sends incident.resolved', async () => {
    await round(GOOD);
    await advance(31_000); // users recovered
    await round(GOOD);
    await advance(31_000); // the classroom is healthy again: the incident condition ends
    await expect.poll(() => consoleSaw.at(-1)?.recoveredAt ?? null, { timeout: 5_000 }).not.toBeNull();
    expect(physics.map((s) => s.incidents.length)).toEqual([2, 2, 2, 0, 0]);

    const resolved = dataOf(await api<IncidentView>('POST', `/api/incidents/${incident.ticketId}/resolve`));
    expect(resolved.resolvedAt).not.toBeNull();
    await expect.poll(() => physics.map((s) => s.incidents.at(-1)?.resolved ?? null), { timeout: 5_000 }).toEqual([true, true, true, null, null]);
    await expect.poll(() => receiver.received.map((r) => r.json.type), { timeout: 5_000 }).toEqual(['incident.opened', 'incident.resolved']);
    // Resolving twice changes nothing and sends nothing more.
    dataOf(await api('POST', `/api/incidents/${incident.ticketId}/resolve`));
    await sleep(500);
    expect(receiver.received).toHaveLength(2);

    const ticket = await server.services.store.getTicket(incident.ticketId);
    expect(ticket?.status).toBe('resolved');
    const steps = (await server.services.store.listTicketEvents(incident.ticketId))
      .filter((e) => e.kind === 'incident')
      .map((e) => e.data.incident?.step);
    expect(steps).toEqual(['opened', 'linked', 'update', 'recovered', 'resolved']);
    expect(await server.services.store.getOpenIncident(org.id, 'physics-101')).toBeNull();
  });
});
