// Suite: The ticket REST API against a real server: session and API-token access, filters, bad input, the 7 routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import type { TicketDetail, TicketEvent, TicketSummary } from '../../../shared/ticket-model';
import type { Organisation } from '../../../server/domain/records';
import { startTestServer, type TestServer } from '../../support/server';
import type { TestStoreKind } from '../../support/test-store';

/** Registers the suite; `store` pins it to one store (default: TEST_STORE). */
export function ticketsApiSuite(store?: TestStoreKind): void {
  describe(`ticket REST API${store ? ` (${store})` : ''}`, () => {
    let server: TestServer;
    let org: Organisation;
    let adminCookie: string;
    let agentCookie: string;
    let agentId: string;

    beforeAll(async () => {
      server = await startTestServer({}, store ? { store } : {});
      org = await server.organisation({ name: 'Maple School' });
      adminCookie = await server.signIn('admin@example.com', 'admin-password');
      const agent = await server.agent({ name: 'Lin Engineer', email: 'lin@example.com' });
      agentId = agent.id;
      agentCookie = await server.signIn(agent.email, agent.password);
    });
    afterAll(async () => {
      await server?.stop();
    });

    async function call<T>(
      method: string,
      path: string,
      auth: { cookie?: string; token?: string } = {},
      body?: unknown,
    ): Promise<{ status: number; result: Result<T> }> {
      const headers: Record<string, string> = {};
      if (auth.cookie) headers.cookie = auth.cookie;
      if (auth.token) headers.authorization = `Bearer ${auth.token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, result: (await res.json()) as Result<T> };
    }
    const data = <T>({ result }: { result: Result<T> }): T => {
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.data;
    };
    const create = (subject: string, priority: string, auth: { cookie?: string; token?: string } = { cookie: agentCookie }) =>
      call<TicketDetail>('POST', '/api/tickets', auth, { subject, priority, organisationId: org.id, clientId: crypto.randomUUID() });

    it('refuses callers without a session or token', async () => {
      const { status, result } = await call('GET', '/api/tickets');
      expect(status).toBe(401);
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect((await call('GET', '/api/tickets', { token: 'cst_not-a-token' })).status).toBe(401);
    });

    it('creates, reads by number, updates and comments with an agent session', async () => {
      const created = await create('Teacher cannot share screen', 'P2');
      expect(created.status).toBe(201);
      const ticket = data(created);
      expect(ticket).toMatchObject({
        number: expect.stringMatching(/^CS-\d{6}$/),
        priority: 'P2',
        status: 'new',
        assignee: { id: agentId, name: 'Lin Engineer' },
      });
      expect(ticket.sla.firstResponse.dueAt).toBe(ticket.createdAt + 30 * 60_000);

      expect(data(await call<TicketDetail>('GET', `/api/tickets/${ticket.number}`, { cookie: agentCookie })).id).toBe(ticket.id);

      const note = data(
        await call<TicketEvent>(
          'POST',
          `/api/tickets/${ticket.id}/comments`,
          { cookie: agentCookie },
          { text: 'Probably the Safari bug', visibility: 'internal' },
        ),
      );
      expect(note).toMatchObject({ kind: 'note', public: false, actor: { name: 'Lin Engineer' } });
      const reply = data(
        await call<TicketEvent>('POST', `/api/tickets/${ticket.id}/comments`, { cookie: agentCookie }, { text: 'Which browser do you use?' }),
      );
      expect(reply).toMatchObject({ kind: 'reply', public: true });

      const pending = data(
        await call<TicketDetail>('PATCH', `/api/tickets/${ticket.id}`, { cookie: agentCookie }, { status: 'pending', priority: 'P3' }),
      );
      expect(pending).toMatchObject({ status: 'pending', priority: 'P3', sla: { paused: true } });
      const events = data(await call<TicketEvent[]>('GET', `/api/tickets/${ticket.id}/events`, { cookie: agentCookie }));
      expect(events.map((e) => e.kind)).toEqual(['created', 'assigned', 'note', 'reply', 'status', 'priority', 'status']);
    });

    it('lists by next deadline with status, priority, assignee and SLA filters', async () => {
      const p1 = data(await create('Class cannot join', 'P1'));
      const p4 = data(await create('How do I export attendance?', 'P4', { cookie: adminCookie }));
      const all = data(await call<TicketSummary[]>('GET', '/api/tickets', { cookie: agentCookie }));
      const ids = all.map((t) => t.id);
      expect(ids.indexOf(p1.id)).toBeLessThan(ids.indexOf(p4.id));
      const dues = all.map((t) => t.sla.nextDueAt).filter((d): d is number => d !== null);
      expect(dues).toEqual([...dues].sort((a, b) => a - b));

      const urgent = data(await call<TicketSummary[]>('GET', '/api/tickets?priority=P1', { cookie: agentCookie }));
      expect(urgent.map((t) => t.id)).toEqual([p1.id]);
      const mine = data(await call<TicketSummary[]>('GET', '/api/tickets?assignee=me', { cookie: adminCookie }));
      expect(mine.map((t) => t.id)).toEqual([p4.id]);
      expect(data(await call<TicketSummary[]>('GET', '/api/tickets?breached=1', { cookie: agentCookie }))).toEqual([]);
      expect(
        data(await call<TicketSummary[]>('GET', '/api/tickets?status=pending', { cookie: agentCookie })).every((t) => t.status === 'pending'),
      ).toBe(true);
    });

    it('answers bad input with a typed error and changes nothing', async () => {
      const before = data(await call<TicketSummary[]>('GET', '/api/tickets?status=all', { cookie: agentCookie })).length;
      const cases: Array<[string, string, unknown, number, string]> = [
        ['POST', '/api/tickets', { subject: '', priority: 'P2', organisationId: org.id }, 400, 'bad_request'],
        ['POST', '/api/tickets', { subject: 'x', priority: 'P9', organisationId: org.id }, 400, 'bad_request'],
        ['POST', '/api/tickets', { subject: 'x', priority: 'P2' }, 400, 'bad_request'],
        ['POST', '/api/tickets', { subject: 'x', priority: 'P2', organisationId: crypto.randomUUID() }, 404, 'not_found'],
        ['POST', '/api/tickets', { subject: 'x'.repeat(201), priority: 'P2', organisationId: org.id }, 400, 'bad_request'],
        ['POST', '/api/tickets', { subject: 'x', priority: 'P2', organisationId: org.id, extra: 1 }, 400, 'bad_request'],
        ['GET', '/api/tickets?priority=P7', undefined, 400, 'bad_request'],
        ['GET', '/api/tickets/CS-999999', undefined, 404, 'not_found'],
        ['PATCH', `/api/tickets/${crypto.randomUUID()}`, { status: 'open' }, 404, 'not_found'],
      ];
      for (const [method, path, body, status, code] of cases) {
        const answer = await call(method, path, { cookie: agentCookie }, body);
        expect([path, answer.status, answer.result.ok ? null : answer.result.error.code]).toEqual([path, status, code]);
      }
      expect(data(await call<TicketSummary[]>('GET', '/api/tickets?status=all', { cookie: agentCookie })).length).toBe(before);
    });

    it('refuses a workflow move that is not allowed, with the ticket unchanged', async () => {
      const ticket = data(await create('Echo in the room', 'P3'));
      data(await call('PATCH', `/api/tickets/${ticket.id}`, { cookie: agentCookie }, { status: 'resolved' }));
      const answer = await call('PATCH', `/api/tickets/${ticket.id}`, { cookie: agentCookie }, { status: 'pending' });
      expect(answer.status).toBe(409);
      expect(answer.result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
      expect(data(await call<TicketDetail>('GET', `/api/tickets/${ticket.id}`, { cookie: agentCookie })).status).toBe('resolved');
    });

    it('refuses cookie-authenticated writes from other origins', async () => {
      const res = await fetch(`${server.url}/api/tickets`, {
        method: 'POST',
        headers: { cookie: agentCookie, origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'x', priority: 'P2', organisationId: org.id }),
      });
      expect(res.status).toBe(403);
    });

    describe('API tokens', () => {
      it('are created by admins, work as a bearer token, and stop working once revoked', async () => {
        expect((await call('POST', '/api/api-tokens', { cookie: agentCookie }, { name: 'LMS' })).status).toBe(403);
        const { token, record } = data(
          await call<{ token: string; record: { id: string; name: string } }>(
            'POST',
            '/api/api-tokens',
            { cookie: adminCookie },
            { name: 'LMS sync', allOrganisations: true },
          ),
        );
        expect(token).toMatch(/^cst_/);
        const listed = data(await call<Array<Record<string, unknown>>>('GET', '/api/api-tokens', { cookie: adminCookie }));
        expect(listed.find((t) => t.id === record.id)).not.toHaveProperty('tokenHash');

        const made = data(await create('Synced from the LMS', 'P3', { token }));
        expect(made).toMatchObject({ channel: 'api', assignee: null, events: [{ kind: 'created', actor: { kind: 'api', name: 'API: LMS sync' } }] });
        expect(data(await call<TicketSummary[]>('GET', '/api/tickets?priority=P3', { token })).some((t) => t.id === made.id)).toBe(true);
        // A token cannot manage tokens.
        expect((await call('GET', '/api/api-tokens', { token })).status).toBe(401);

        data(await call('DELETE', `/api/api-tokens/${record.id}`, { cookie: adminCookie }));
        expect((await call('GET', '/api/tickets', { token })).status).toBe(401);
        expect((await call('DELETE', `/api/api-tokens/${record.id}`, { cookie: adminCookie })).status).toBe(404);
      });
    });

    describe('SLA policy', () => {
      it('is read by staff and changed by admins only, for new tickets', async () => {
        const current = data(
          await call<{ version: number; targets: Record<string, { firstResponseMinutes: number }> }>('GET', '/api/sla-policy', {
            cookie: agentCookie,
          }),
        );
        expect(current.targets.P1?.firstResponseMinutes).toBe(15);
        const change = { targets: { ...current.targets, P1: { firstResponseMinutes: 10, resolutionMinutes: 120 } }, warnAtPercent: 75 };
        expect((await call('PUT', '/api/sla-policy', { cookie: agentCookie }, change)).status).toBe(403);
        expect((await call('PUT', '/api/sla-policy', { cookie: adminCookie }, { ...change, warnAtPercent: 5 })).status).toBe(400);
        const saved = data(await call<{ version: number }>('PUT', '/api/sla-policy', { cookie: adminCookie }, change));
        expect(saved.version).toBe(current.version + 1);
        const ticket = data(await create('Whole school offline', 'P1'));
        expect(ticket.sla.firstResponse.targetMs).toBe(10 * 60_000);
      });
    });
  });
}
