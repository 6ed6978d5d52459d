// Quality monitoring on a real server with real sockets and a clock the test moves: three students of one
// classroom degrade → one alert (to the available agent and the account manager, naming the classroom),
// notices to those three only, nothing for another classroom; recovery; the rules over REST; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_RULES, type ClassroomHealth, type QualityAlert, type QualityNotice, type QualityReport } from '../../shared/quality';
import type { Agent, Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import { FakeClock } from '../support/fake-clock';
import { nextEvent, okData, request, requestRaw, startTestServer, type AgentClient, type TestServer, type VisitorClient } from '../support/server';

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

describe('quality monitoring', () => {
  const clock = new FakeClock(Date.now());
  let server: TestServer;
  let org: Organisation;
  let admin: Agent;
  let onDuty: AgentClient;
  let manager: AgentClient;
  let away: AgentClient;
  const physics: { socket: VisitorClient; notices: QualityNotice[] }[] = [];
  const maths: { socket: VisitorClient; notices: QualityNotice[] }[] = [];
  const alerts = new Map<AgentClient, QualityAlert[]>();

  const student = async (name: string) => {
    const socket = server.visitor({ appKey: org.appKey, name });
    await nextEvent(socket, 'session');
    const notices: QualityNotice[] = [];
    socket.on('quality:notice', (n) => notices.push(n));
    return { socket, notices };
  };
  const agentConsole = async (over: Partial<Agent>, available: boolean) => {
    const agent = await server.agent(over);
    const socket = server.agentSocket(await server.signIn(agent.email, agent.password));
    await nextEvent(socket, 'session');
    if (available) okData(await request(socket, 'presence:set', { available: true }));
    const received: QualityAlert[] = [];
    socket.on('quality:alert', (a) => received.push(a));
    alerts.set(socket, received);
    return { agent, socket };
  };
  const report = (s: { socket: VisitorClient }, r: QualityReport, classroomId: string) => request(s.socket, 'quality:report', { ...r, classroomId });
  const asAdmin = async () => apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });

  beforeAll(async () => {
    server = await startTestServer({}, { clock });
    admin = (await server.services.store.findAgentByEmail('admin@example.com')) as Agent;
    const mgr = await agentConsole({ email: 'mia@example.com', role: 'agent' }, false);
    manager = mgr.socket;
    org = await server.organisation({ identityRequired: false, name: 'Maple School', accountManagerId: mgr.agent.id });
    onDuty = (await agentConsole({ email: 'ola@example.com' }, true)).socket;
    away = (await agentConsole({ email: 'ben@example.com' }, false)).socket;
    for (const name of ['Ada', 'Ben', 'Cy', 'Dee', 'Eve']) physics.push(await student(name));
    maths.push(await student('Max'));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('three degraded students: one alert naming the classroom, notices to them only, nothing elsewhere', async () => {
    for (const [i, s] of physics.entries()) okData(await report(s, i < 3 ? BAD : GOOD, 'physics-101'));
    okData(await report(maths[0]!, GOOD, 'maths-7'));
    // Bad for 20 s without a break (the first report covers the 5 s before it).
    clock.advance(14_000);
    await sleep(TICKS);
    expect(physics.flatMap((s) => s.notices)).toEqual([]);
    clock.advance(2_000);
    await sleep(TICKS);

    expect(physics.map((s) => s.notices.length)).toEqual([1, 1, 1, 0, 0]);
    expect(physics[0]!.notices[0]).toMatchObject({ articleSlug: 'weak-network' });
    expect(maths[0]!.notices).toEqual([]);
    for (const socket of [onDuty, manager]) {
      expect(alerts.get(socket)).toEqual([
        expect.objectContaining({
          organisationId: org.id,
          organisationName: 'Maple School',
          classroomId: 'physics-101',
          degradedUsers: 3,
          reportingUsers: 5,
        }),
      ]);
    }
    // Neither available nor the account manager: no alert.
    expect(alerts.get(away)).toEqual([]);

    const call = await asAdmin();
    const list = dataOf(await call<ClassroomHealth[]>('GET', '/api/monitoring/classrooms'));
    expect(list.map((c) => [c.classroomId, c.health, c.degradedUsers])).toEqual([
      ['physics-101', 'degraded', 3],
      ['maths-7', 'good', 0],
    ]);
    const detail = dataOf(await call<{ live: ClassroomHealth }>('GET', `/api/monitoring/organisations/${org.id}/classrooms/physics-101`));
    expect(detail.live.affected.map((a) => a.name).sort()).toEqual(['Ada', 'Ben', 'Cy']);
    expect(detail.live.chart?.some((p) => p.rttMs !== null && p.rttMs > 400)).toBe(true);
  });

  it('more bad reports raise no second alert or notice; recovery brings the classroom back', async () => {
    await sleep(2_100);
    for (const [i, s] of physics.entries()) okData(await report(s, i < 3 ? BAD : GOOD, 'physics-101'));
    clock.advance(10_000);
    await sleep(TICKS);
    expect(physics.map((s) => s.notices.length)).toEqual([1, 1, 1, 0, 0]);
    expect(alerts.get(onDuty)).toHaveLength(1);

    await sleep(2_100);
    for (const s of physics) okData(await report(s, GOOD, 'physics-101'));
    okData(await report(maths[0]!, GOOD, 'maths-7'));
    clock.advance(30_000);
    await sleep(TICKS);
    const call = await asAdmin();
    const mid = dataOf(await call<ClassroomHealth[]>('GET', '/api/monitoring/classrooms'));
    expect(mid.find((c) => c.classroomId === 'physics-101')).toMatchObject({ health: 'degraded', degradedUsers: 0 });
    clock.advance(31_000);
    await sleep(TICKS);
    const after = dataOf(await call<ClassroomHealth[]>('GET', '/api/monitoring/classrooms'));
    expect(after.find((c) => c.classroomId === 'physics-101')).toMatchObject({ health: 'good', degradedUsers: 0 });
    expect(alerts.get(onDuty)).toHaveLength(1);
  });

  it('a chat opened from the notice is proactive and carries the quality history the server saw', async () => {
    const ada = physics[0]!;
    const chat = okData(
      await request(ada.socket, 'conversation:start', {
        clientId: crypto.randomUUID(),
        context: { classroomId: 'physics-101' },
        proactive: 'quality',
      }),
    );
    const stored = await server.services.store.getConversation(chat.id);
    expect(stored?.context.proactive).toBe('quality');
    expect(stored?.context.qualityHistory?.map((h) => h.rttMs)).toEqual([BAD.rttMs, BAD.rttMs, GOOD.rttMs]);
    // The page cannot write the history itself, nor pick another kind of offer.
    const max = physics[4]!;
    const forged = await requestRaw(max.socket, 'conversation:start', {
      clientId: crypto.randomUUID(),
      context: {},
      proactive: 'quality',
      qualityHistory: [],
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await requestRaw(max.socket, 'conversation:start', { clientId: crypto.randomUUID(), context: {}, proactive: 'billing' })).toMatchObject({
      ok: false,
    });
  });

  it('refuses malformed reports and floods, changing nothing', async () => {
    const s = await student('Zed');
    const malformed = await report(s, { ...GOOD, rttMs: -5 } as QualityReport, 'physics-101');
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await requestRaw(s.socket, 'quality:report', { ...GOOD, evil: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await requestRaw(s.socket, 'quality:report', 'nonsense')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    okData(await report(s, GOOD, 'chem-1'));
    expect(await report(s, BAD, 'chem-1')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const call = await asAdmin();
    const chem = dataOf(await call<{ live: ClassroomHealth }>('GET', `/api/monitoring/organisations/${org.id}/classrooms/chem-1`));
    expect(chem.live.lastMinute).toMatchObject({ reports: 1, rttMs: GOOD.rttMs });
    expect((await call('GET', `/api/monitoring/organisations/${org.id}/classrooms/nowhere`)).status).toBe(404);
    expect((await call('GET', `/api/monitoring/organisations/not-a-uuid/classrooms/physics-101`)).status).toBe(400);
  });

  it('takes a report sent without an ack, as the widget sends them, and answers nothing', async () => {
    const s = await student('Yan');
    const answers: unknown[] = [];
    s.socket.onAny((event: string, ...args: unknown[]) => answers.push([event, args]));
    s.socket.emit('quality:report', { ...GOOD, rttMs: 123, classroomId: 'history-3' });
    const call = await asAdmin();
    await expect
      .poll(async () => (await call<{ live: ClassroomHealth }>('GET', `/api/monitoring/organisations/${org.id}/classrooms/history-3`)).result)
      .toMatchObject({ ok: true, data: { live: { reportingUsers: 1, lastMinute: { reports: 1, rttMs: 123 } } } });
    // Bad input without an ack changes nothing either.
    s.socket.emit('quality:report', { ...GOOD, rttMs: -1, classroomId: 'history-4' });
    await sleep(200);
    expect((await call('GET', `/api/monitoring/organisations/${org.id}/classrooms/history-4`)).status).toBe(404);
    expect(answers).toEqual([]);
  });

  it('admins read and change an organisation’s rules; others may not; bad rules are refused', async () => {
    const call = await asAdmin();
    expect(dataOf(await call('GET', `/api/admin/organisations/${org.id}/quality-rules`))).toEqual({
      organisationId: org.id,
      rules: DEFAULT_QUALITY_RULES,
      custom: false,
    });
    const stricter = { ...DEFAULT_QUALITY_RULES, user: { ...DEFAULT_QUALITY_RULES.user, rttMs: 250 } };
    expect(dataOf(await call('PUT', `/api/admin/organisations/${org.id}/quality-rules`, { rules: stricter }))).toMatchObject({
      rules: stricter,
      custom: true,
    });
    expect(await server.services.store.getQualityRules(org.id)).toEqual(stricter);

    const wrong = await call('PUT', `/api/admin/organisations/${org.id}/quality-rules`, {
      rules: { ...stricter, user: { ...stricter.user, rttMs: 'fast' } },
    });
    expect(wrong).toMatchObject({ status: 400, result: { ok: false, error: { code: 'bad_request' } } });
    const unknown = await call('PUT', `/api/admin/organisations/${crypto.randomUUID()}/quality-rules`, { rules: stricter });
    expect(unknown.status).toBe(404);
    const agent = await server.agent({ email: 'plain@example.com' });
    const asAgent = apiCaller(server.url, { cookie: await server.signIn(agent.email, agent.password) });
    expect((await asAgent('PUT', `/api/admin/organisations/${org.id}/quality-rules`, { rules: null })).status).toBe(403);
    expect(await server.services.store.getQualityRules(org.id)).toEqual(stricter);

    expect(dataOf(await call('PUT', `/api/admin/organisations/${org.id}/quality-rules`, { rules: null }))).toMatchObject({ custom: false });
    expect(await server.services.store.getQualityRules(org.id)).toBeNull();
    expect(admin.role).toBe('admin');
  });
});
