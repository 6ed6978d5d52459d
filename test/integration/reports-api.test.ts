// The SLA report over real HTTP: JSON and CSV (text/csv), periods in epoch ms or ISO 8601, article deflections,
// and refusals: nobody signed in, agents, another organisation's account manager, bad periods.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaReport } from '../../shared/report-model';
import type { Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import { startTestServer, type TestServer } from '../support/server';

describe('reports API', () => {
  let server: TestServer;
  let org: Organisation;
  let call: ReturnType<typeof apiCaller>;
  let supervisorCookie: string;
  let agentCookie: string;
  let managerCookie: string;
  let otherManagerCookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    const manager = await server.agent({ name: 'Ari', tier: 'account_manager' });
    const otherManager = await server.agent({ name: 'Ola', tier: 'account_manager' });
    org = await server.organisation({ name: 'Maple School', accountManagerId: manager.id });
    managerCookie = await server.signIn(manager.email, manager.password);
    otherManagerCookie = await server.signIn(otherManager.email, otherManager.password);
    const supervisor = await server.agent({ name: 'Sue', role: 'supervisor' });
    supervisorCookie = await server.signIn(supervisor.email, supervisor.password);
    const agent = await server.agent({ name: 'Lin' });
    agentCookie = await server.signIn(agent.email, agent.password);
    call = apiCaller(server.url, { cookie: supervisorCookie });
    for (const priority of ['P1', 'P2', 'P2']) {
      dataOf(await call('POST', '/api/tickets', { subject: 'Class cannot join, "again"', priority, organisationId: org.id, category: 'join' }));
    }
    const [article] = await server.services.store.listArticles({ status: 'published' });
    const user = await server.services.store.createEndUser({
      id: randomUUID(),
      organisationId: org.id,
      externalId: null,
      name: 'Ada',
      role: 'student',
      classroomId: null,
      verified: false,
      tokenHash: null,
      createdAt: Date.now(),
    });
    await server.services.store.recordArticleFeedback({
      id: randomUUID(),
      clientId: randomUUID(),
      articleId: article!.id,
      endUserId: user.id,
      organisationId: org.id,
      outcome: 'deflected',
      conversationId: null,
      createdAt: Date.now(),
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers JSON for the last 30 days by default, and the same period given as ISO 8601 or epoch ms', async () => {
    const report = dataOf(await call<SlaReport>('GET', `/api/reports/sla?organisationId=${org.id}`));
    expect(report.to - report.from).toBe(30 * 86_400_000);
    expect(report.rows.find((r) => r.priority === 'P2')).toMatchObject({ tickets: 2, firstResponse: { pending: 2 } });
    expect(report.chats.deflectedByArticles).toBe(1);
    const iso = dataOf(
      await call<SlaReport>(
        'GET',
        `/api/reports/sla?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`,
      ),
    );
    expect(iso.rows.find((r) => r.priority === 'all')?.tickets).toBe(3);
    const epoch = dataOf(await call<SlaReport>('GET', `/api/reports/sla?from=${Date.now() - 3_600_000}&to=${Date.now() - 3_000_000}`));
    expect(epoch.rows.find((r) => r.priority === 'all')?.tickets).toBe(0);
  });

  it('answers CSV with format=csv: text/csv, an attachment, a header and one line per priority', async () => {
    const res = await fetch(`${server.url}/api/reports/sla?organisationId=${org.id}&format=csv`, { headers: { cookie: managerCookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="sla-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^priority,tickets,first_response_met,first_response_breached,first_response_pending,first_response_attainment_percent/);
    expect(lines.map((l) => l.split(',')[0])).toEqual(['priority', 'P1', 'P2', 'P3', 'P4', 'all']);
    expect(lines[2]).toBe('P2,2,0,0,2,,,,0,0,2,,,');
  });

  it('answers the monthly credit statement as JSON, CSV and a printable page with no script', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const statement = dataOf(
      await call<{ month: string; lines: unknown[]; timeZone: string }>(
        'GET',
        `/api/reports/credits?organisationId=${org.id}&month=${month}`,
        undefined,
        managerCookie,
      ),
    );
    expect(statement).toMatchObject({ month, lines: [] });
    const csv = await fetch(`${server.url}/api/reports/credits?organisationId=${org.id}&month=${month}&format=csv`, {
      headers: { cookie: managerCookie },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toBe('ticket,subject,priority,clock,breached_at,plan,plan_version,credit,credit_unit');
    const page = await fetch(`${server.url}/api/reports/credits?organisationId=${org.id}&month=${month}&format=html`, {
      headers: { cookie: managerCookie },
    });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('SLA credit statement');
    expect(html).not.toMatch(/<script/i);
    // In the reader's language: a manager whose browser reads Chinese (nothing saved) gets it in Chinese, all of
    // it but the organisation's name, the time zone and SLA.
    const zh = await (
      await fetch(`${server.url}/api/reports/credits?organisationId=${org.id}&month=${month}&format=html`, {
        headers: { cookie: managerCookie, 'accept-language': 'zh-CN,zh;q=0.9' },
      })
    ).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<h1>SLA 补偿明细</h1>');
    const data = new Set(['SLA', ...(org.name.match(/[A-Za-z]{2,}/g) ?? []), ...statement.timeZone.split(/[^A-Za-z]+/)]);
    const text = zh.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect((text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !data.has(word))).toEqual([]);
    expect((await call('GET', `/api/reports/credits?organisationId=${org.id}&month=${month}`, undefined, otherManagerCookie)).status).toBe(403);
    expect((await call('GET', `/api/reports/credits?organisationId=${org.id}&month=12-2026`)).status).toBe(400);
    expect((await call('GET', `/api/reports/credits?month=${month}`)).status).toBe(400);
  });

  it.each([
    ['nobody signed in', '', '', 401],
    ['an agent', 'agent', '', 403],
    ['another organisation’s account manager', 'other', '', 403],
    ['an account manager asking for every organisation', 'manager', 'all', 403],
    ['a period that ends before it starts', 'supervisor', 'backwards', 400],
    ['a date that is no date', 'supervisor', 'garbage', 400],
    ['an organisation id that is no UUID', 'supervisor', 'bad-org', 400],
    ['an unknown format', 'supervisor', 'xml', 400],
  ])('refuses %s', async (_what, who, how, status) => {
    const cookie = { '': '', agent: agentCookie, other: otherManagerCookie, manager: managerCookie, supervisor: supervisorCookie }[who]!;
    const query = {
      '': `organisationId=${org.id}`,
      all: '',
      backwards: `from=${Date.now()}&to=${Date.now() - 1000}`,
      garbage: 'from=yesterday',
      'bad-org': 'organisationId=maple',
      xml: 'format=xml',
    }[how]!;
    const answer = await call('GET', `/api/reports/sla?${query}`, undefined, cookie);
    expect(answer.status).toBe(status);
    expect(answer.result.ok).toBe(false);
  });
});
