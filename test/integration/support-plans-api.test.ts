// Support plans over real HTTP: admins create and change them (versions), put organisations on them, and the
// plan's targets reach that organisation's tickets; bad input and other roles are refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportPlanView } from '../../shared/support-plan';
import type { AdminOrganisation } from '../../shared/routing-model';
import type { TicketDetail } from '../../shared/ticket-model';
import { apiCaller, dataOf } from '../support/api-call';
import { startTestServer, type TestServer } from '../support/server';

const target = (firstResponseMinutes: number, resolutionMinutes: number | null) => ({ firstResponseMinutes, resolutionMinutes });
const PLAN = {
  name: 'Dedicated',
  targets: { P1: target(5, 60), P2: target(10, 120), P3: target(60, 480), P4: target(120, null) },
  warnAtPercent: 70,
  businessHours: {
    timeZone: 'Asia/Shanghai',
    week: { mon: [{ from: '08:00', to: '20:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    holidays: ['2027-02-17'],
    p1AlwaysOn: true,
  },
  creditPerBreach: { unit: 'service_hours', amount: 1 },
};

describe('support plans API', () => {
  let server: TestServer;
  let admin: ReturnType<typeof apiCaller>;
  let agentCookie: string;
  let supervisorCookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    const agent = await server.agent({ name: 'Lin' });
    agentCookie = await server.signIn(agent.email, agent.password);
    const supervisor = await server.agent({ name: 'Sue', role: 'supervisor' });
    supervisorCookie = await server.signIn(supervisor.email, supervisor.password);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates a plan, puts an organisation on it and versions every change; the plan’s targets reach new tickets', async () => {
    const created = await admin<SupportPlanView>('POST', '/api/admin/support-plans', PLAN);
    expect(created.status).toBe(201);
    const plan = dataOf(created);
    expect(plan).toMatchObject({ name: 'Dedicated', version: 1, businessHours: { timeZone: 'Asia/Shanghai' }, organisations: [] });

    const org = dataOf(
      await admin<{ organisation: AdminOrganisation }>('POST', '/api/admin/organisations', { name: 'Maple School', supportPlanId: plan.id }),
    ).organisation;
    expect(org.supportPlan).toEqual({ id: plan.id, name: 'Dedicated' });
    const other = dataOf(await admin<{ organisation: AdminOrganisation }>('POST', '/api/admin/organisations', { name: 'Birch School' })).organisation;
    expect(other.supportPlan).toBeNull();

    const p1 = dataOf(await admin<TicketDetail>('POST', '/api/tickets', { subject: 'Class cannot join', priority: 'P1', organisationId: org.id }));
    expect(p1.sla).toMatchObject({ planId: plan.id, businessHours: false });
    expect(p1.sla.firstResponse.dueAt).toBe(p1.createdAt + 5 * 60_000);
    const p2 = dataOf(await admin<TicketDetail>('POST', '/api/tickets', { subject: 'Slides lag', priority: 'P2', organisationId: org.id }));
    expect(p2.sla).toMatchObject({ planId: plan.id, businessHours: true });
    const elsewhere = dataOf(
      await admin<TicketDetail>('POST', '/api/tickets', { subject: 'Class cannot join', priority: 'P1', organisationId: other.id }),
    );
    expect(elsewhere.sla.firstResponse.dueAt).toBe(elsewhere.createdAt + 15 * 60_000);

    const changed = dataOf(
      await admin<SupportPlanView>('PATCH', `/api/admin/support-plans/${plan.id}`, { businessHours: null, name: 'Dedicated 24×7' }),
    );
    expect(changed).toMatchObject({ version: 2, businessHours: null, name: 'Dedicated 24×7', organisations: [{ id: org.id, name: 'Maple School' }] });
    const later = dataOf(await admin<TicketDetail>('POST', '/api/tickets', { subject: 'Slides lag again', priority: 'P2', organisationId: org.id }));
    expect(later.sla).toMatchObject({ planId: plan.id, policyVersion: 2, businessHours: false });
    expect(later.sla.firstResponse.dueAt).toBe(later.createdAt + 10 * 60_000);

    const listed = dataOf(await admin<SupportPlanView[]>('GET', '/api/admin/support-plans'));
    expect(listed.map((p) => [p.name, p.version])).toEqual([['Dedicated 24×7', 2]]);
    // Supervisors may read plans (they watch the clocks), not change them.
    expect(dataOf(await admin<SupportPlanView>('GET', `/api/admin/support-plans/${plan.id}`, undefined, supervisorCookie)).version).toBe(2);
    expect(await admin('PATCH', `/api/admin/support-plans/${plan.id}`, { name: 'Free' }, supervisorCookie)).toMatchObject({ status: 403 });

    const moved = dataOf(await admin<AdminOrganisation>('PATCH', `/api/admin/organisations/${other.id}`, { supportPlanId: plan.id }));
    expect(moved.supportPlan?.id).toBe(plan.id);
    expect(dataOf(await admin<AdminOrganisation>('PATCH', `/api/admin/organisations/${other.id}`, { supportPlanId: null })).supportPlan).toBeNull();
  });

  it.each([
    ['an unknown time zone', { ...PLAN, businessHours: { ...PLAN.businessHours, timeZone: 'Mars/Olympus' } }],
    [
      'a span ending before it starts',
      { ...PLAN, businessHours: { ...PLAN.businessHours, week: { ...PLAN.businessHours.week, tue: [{ from: '18:00', to: '09:00' }] } } },
    ],
    ['a week with no open hour', { ...PLAN, businessHours: { ...PLAN.businessHours, week: { ...PLAN.businessHours.week, mon: [] } } }],
    ['a holiday that is no date', { ...PLAN, businessHours: { ...PLAN.businessHours, holidays: ['2027-02-30'] } }],
    ['a resolution shorter than the first response', { ...PLAN, targets: { ...PLAN.targets, P2: target(60, 30) } }],
    ['a negative credit', { ...PLAN, creditPerBreach: { unit: 'service_hours', amount: -1 } }],
    ['an unknown field', { ...PLAN, discount: 10 }],
    ['no name', { ...PLAN, name: '  ' }],
  ])('refuses a plan with %s (400) and saves nothing', async (_what, body) => {
    const before = await server.services.store.listSupportPlans();
    expect(await admin('POST', '/api/admin/support-plans', body)).toMatchObject({
      status: 400,
      result: { ok: false, error: { code: 'bad_request' } },
    });
    expect(await server.services.store.listSupportPlans()).toEqual(before);
  });

  it('refuses agents, strangers, unknown plans and organisations on unknown plans', async () => {
    expect(await admin('POST', '/api/admin/support-plans', PLAN, agentCookie)).toMatchObject({ status: 403 });
    expect(await admin('GET', '/api/admin/support-plans', undefined, agentCookie)).toMatchObject({ status: 403 });
    expect(await admin('GET', '/api/admin/support-plans', undefined, '')).toMatchObject({ status: 401 });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await admin('PATCH', `/api/admin/support-plans/${unknown}`, { name: 'X' })).toMatchObject({
      status: 404,
      result: { error: { code: 'not_found' } },
    });
    expect(await admin('GET', '/api/admin/support-plans/not-a-uuid')).toMatchObject({ status: 400 });
    expect(await admin('POST', '/api/admin/organisations', { name: 'Oak School', supportPlanId: unknown })).toMatchObject({ status: 400 });
    expect((await server.services.store.listOrganisations()).some((o) => o.name === 'Oak School')).toBe(false);
  });
});
