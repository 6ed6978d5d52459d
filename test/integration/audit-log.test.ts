// The audit log over real HTTP: every administrative action leaves one entry with its actor, address and user
// agent and no secret; admins page and filter it; no route can change or remove an entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../shared/audit-log';
import type { AdminAgent, AdminOrganisation, CannedReply } from '../../shared/routing-model';
import { apiCaller, dataOf } from '../support/api-call';
import { startTestServer, type TestServer } from '../support/server';

const USER_AGENT = 'AuditTest/1.0 (Chromium)';
const MINUTES = { firstResponseMinutes: 30, resolutionMinutes: 240 };

describe('audit log', () => {
  let server: TestServer;
  let call: ReturnType<typeof apiCaller>;
  let adminId: string;
  let agentCookie: string;
  let supervisorCookie: string;
  const secrets: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    call = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password'), userAgent: USER_AGENT });
    adminId = (await server.services.store.findAgentByEmail('admin@example.com'))?.id as string;
    const agent = await server.agent({ name: 'Lin' });
    agentCookie = await server.signIn(agent.email, agent.password);
    const supervisor = await server.agent({ name: 'Sue', role: 'supervisor' });
    supervisorCookie = await server.signIn(supervisor.email, supervisor.password);
  });
  afterAll(async () => {
    await server.stop();
  });

  const allEntries = async (): Promise<AuditEntry[]> => dataOf(await call<AuditPage>('GET', '/api/admin/audit-log?limit=200')).entries;

  it('records each administrative action once, with who, what, when and from where — never a secret', async () => {
    const chosenPassword = 'a-chosen-password-123';
    secrets.push(chosenPassword);
    const created = dataOf(
      await call<{ agent: AdminAgent }>('POST', '/api/admin/agents', {
        email: 'kim@example.com',
        name: 'Kim',
        role: 'agent',
        tier: 'L1',
        password: chosenPassword,
      }),
    );
    const generated = dataOf(
      await call<{ agent: AdminAgent; generatedPassword: string }>('POST', '/api/admin/agents', {
        email: 'jo@example.com',
        name: 'Jo',
        role: 'agent',
        tier: 'L1',
      }),
    );
    secrets.push(generated.generatedPassword);
    const kim = created.agent.id;
    dataOf(await call('PATCH', `/api/admin/agents/${kim}`, { capacity: 5 }));
    dataOf(await call('PATCH', `/api/admin/agents/${kim}`, { role: 'supervisor' }));
    dataOf(await call('PATCH', `/api/admin/agents/${kim}`, { active: false }));
    dataOf(await call('PATCH', `/api/admin/agents/${kim}`, { active: true }));
    const org = dataOf(
      await call<{ organisation: AdminOrganisation; identitySecret: string }>('POST', '/api/admin/organisations', { name: 'Oak School' }),
    );
    secrets.push(org.identitySecret);
    const orgId = org.organisation.id;
    dataOf(await call('PATCH', `/api/admin/organisations/${orgId}`, { hotline: '+1 555 0100' }));
    secrets.push(dataOf(await call<{ identitySecret: string }>('POST', `/api/admin/organisations/${orgId}/rotate-secret`)).identitySecret);
    dataOf(await call('PUT', `/api/admin/organisations/${orgId}/retention`, { days: 30 }));
    const reply = dataOf(await call<CannedReply>('POST', '/api/admin/canned-replies', { shortcut: 'mic', title: 'Mic', text: 'Check your mic' }));
    dataOf(await call('PUT', `/api/admin/canned-replies/${reply.id}`, { shortcut: 'mic', title: 'Microphone', text: 'Check your mic' }));
    dataOf(await call('DELETE', `/api/admin/canned-replies/${reply.id}`));
    dataOf(
      await call('PUT', '/api/sla-policy', {
        targets: { P1: MINUTES, P2: MINUTES, P3: MINUTES, P4: { firstResponseMinutes: 60, resolutionMinutes: null } },
        warnAtPercent: 75,
      }),
    );
    const token = dataOf(
      await call<{ token: string; record: { id: string } }>('POST', '/api/api-tokens', { name: 'LMS sync', allOrganisations: true }),
    );
    secrets.push(token.token);
    dataOf(await call('DELETE', `/api/api-tokens/${token.record.id}`));

    const entries = await allEntries();
    const actions = entries.map((e) => e.action).reverse();
    expect(actions).toEqual([
      'agent.created',
      'agent.created',
      'agent.updated',
      'agent.role_changed',
      'agent.deactivated',
      'agent.reactivated',
      'organisation.created',
      'organisation.updated',
      'organisation.secret_rotated',
      'organisation.retention_changed',
      'canned_reply.created',
      'canned_reply.updated',
      'canned_reply.deleted',
      'sla_policy.changed',
      'api_token.created',
      'api_token.revoked',
    ]);
    for (const entry of entries) {
      expect(entry.actor).toEqual({ kind: 'agent', id: adminId, name: expect.any(String) });
      expect(entry.address).toMatch(/127\.0\.0\.1$/);
      expect(entry.userAgent).toBe(USER_AGENT);
      expect(entry.at).toBeGreaterThan(Date.now() - 60_000);
    }
    const byAction = (action: string) => entries.find((e) => e.action === action) as AuditEntry;
    expect(byAction('agent.role_changed')).toMatchObject({
      target: { kind: 'agent', id: kim, label: 'kim@example.com' },
      details: { changes: { role: 'supervisor' } },
    });
    expect(byAction('organisation.retention_changed')).toMatchObject({ target: { id: orgId, label: 'Oak School' }, details: { from: null, to: 30 } });
    expect(byAction('organisation.updated').details).toEqual({ changes: { hotline: '+1 555 0100' } });
    expect(byAction('api_token.created')).toMatchObject({
      target: { kind: 'api_token', label: 'LMS sync' },
      details: { scope: 'all organisations', expiresAt: null },
    });
    const text = JSON.stringify(entries);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('records nothing for a refused change', async () => {
    const before = (await allEntries()).length;
    expect((await call('POST', '/api/admin/agents', { email: 'x@example.com', name: 'X', role: 'agent', tier: 'L1' }, agentCookie)).status).toBe(403);
    expect((await call('PATCH', '/api/admin/agents/00000000-0000-4000-8000-000000000000', { capacity: 2 })).status).toBe(404);
    expect((await allEntries()).length).toBe(before);
  });

  it('filters by action and actor and pages from newest to oldest without gaps', async () => {
    const created = dataOf(await call<AuditPage>('GET', '/api/admin/audit-log?action=agent.created'));
    expect(created.entries.map((e) => e.target?.label)).toEqual(['jo@example.com', 'kim@example.com']);
    expect(dataOf(await call<AuditPage>(`GET`, `/api/admin/audit-log?actorId=${adminId}&limit=200`)).entries.length).toBe(
      (await allEntries()).length,
    );
    expect(dataOf(await call<AuditPage>('GET', '/api/admin/audit-log?actorId=00000000-0000-4000-8000-000000000000')).entries).toEqual([]);

    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: AuditPage = dataOf(await call<AuditPage>('GET', `/api/admin/audit-log?limit=3${before ? `&before=${before}` : ''}`));
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual((await allEntries()).map((e) => e.id));
  });

  it('is for admins only, and checks its query', async () => {
    expect((await call('GET', '/api/admin/audit-log', undefined, agentCookie)).status).toBe(403);
    expect((await call('GET', '/api/admin/audit-log', undefined, supervisorCookie)).status).toBe(403);
    expect((await call('GET', '/api/admin/audit-log', undefined, '')).status).toBe(401);
    expect(await call('GET', '/api/admin/audit-log?action=agent.eaten')).toMatchObject({ status: 400, result: { error: { code: 'bad_request' } } });
    expect((await call('GET', '/api/admin/audit-log?limit=0')).status).toBe(400);
    expect((await call('GET', '/api/admin/audit-log?before=yesterday')).status).toBe(400);
    expect((await call('GET', '/api/admin/audit-log?sort=asc')).status).toBe(400);
  });

  it('has no route that changes or removes an entry', async () => {
    const before = await allEntries();
    const id = before[0]?.id as string;
    for (const [method, path] of [
      ['DELETE', '/api/admin/audit-log'],
      ['DELETE', `/api/admin/audit-log/${id}`],
      ['PUT', `/api/admin/audit-log/${id}`],
      ['PATCH', `/api/admin/audit-log/${id}`],
      ['POST', '/api/admin/audit-log'],
      ['POST', `/api/admin/audit-log/${id}`],
    ] as const) {
      const answer = await call(method, path, method === 'DELETE' ? undefined : { action: 'agent.created', details: {} });
      expect(answer, `${method} ${path}`).toMatchObject({ status: 404, result: { ok: false, error: { code: 'not_found' } } });
    }
    expect(await allEntries()).toEqual(before);
  });
});
