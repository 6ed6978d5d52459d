// Monthly credit statements on a fake clock: every breach in the month with its ticket and the credit of the
// plan version the ticket was created under; other months and other organisations left out; CSV shape.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent, Organisation } from '../../server/domain/records';
import { CREDIT_CSV_COLUMNS, creditStatementCsv } from '../../server/domain/plans/credit-statements';
import { FakeClock } from '../support/fake-clock';
import { HOUR, MINUTE, ticketHarness, type TicketHarness } from '../support/ticket-harness';

const target = (firstResponseMinutes: number, resolutionMinutes: number | null) => ({ firstResponseMinutes, resolutionMinutes });
const TARGETS = { P1: target(5, 60), P2: target(10, 120), P3: target(60, 480), P4: target(120, null) };

describe('credit statements', () => {
  let h: TicketHarness;
  let admin: Agent;
  let lin: Agent;
  let org: Organisation;

  beforeEach(async () => {
    h = await ticketHarness({ clock: new FakeClock(Date.parse('2026-11-30T22:00:00Z')) });
    admin = await h.agent({ name: 'Ada', role: 'admin' });
    lin = await h.agent({ name: 'Lin', tier: 'L1' });
    await h.agent({ name: 'Sam', tier: 'L2' });
    await h.scheduler.start();
  });
  afterEach(async () => {
    expect(h.errors).toEqual([]);
    await h.close();
  });

  const open = (o: Organisation, subject: string) =>
    h.creation.byStaff({ kind: 'agent', agent: lin }, { subject, priority: 'P2', organisationId: o.id });

  it('lists every breach of the month with its ticket and credit, totals per unit, CSV', async () => {
    const plan = await h.plans.create(admin, {
      name: 'Dedicated',
      targets: TARGETS,
      warnAtPercent: 50,
      businessHours: null,
      creditPerBreach: { unit: 'percent_of_monthly_fee', amount: 2.5 },
    });
    org = await h.organisation({ name: 'Maple School', supportPlanId: plan.id });
    const other = await h.organisation({ name: 'Birch School', supportPlanId: plan.id });
    const november = await open(org, 'Breached in November'); // first response breached 22:10 on 30 November
    await h.advance(20 * MINUTE);
    await h.advance(2 * HOUR); // 00:20 on 1 December: its resolution (2 h) breached at 00:00 → December
    const december = await open(org, 'Class cannot join, "again"');
    await h.plans.update(admin, plan.id, { creditPerBreach: { unit: 'service_hours', amount: 1 } });
    const later = await open(org, 'Under the new version');
    await open(other, 'Someone else');
    await h.advance(3 * HOUR);

    const statement = await h.credits.monthly(admin, org.id, '2026-12');
    expect(statement).toMatchObject({
      organisation: { id: org.id, name: 'Maple School' },
      month: '2026-12',
      timeZone: 'UTC',
      from: Date.parse('2026-12-01T00:00:00Z'),
    });
    expect(statement.lines.map((l) => [l.subject, l.clock, l.credit])).toEqual([
      ['Breached in November', 'resolution', { unit: 'percent_of_monthly_fee', amount: 2.5 }],
      ['Class cannot join, "again"', 'first_response', { unit: 'percent_of_monthly_fee', amount: 2.5 }],
      ['Under the new version', 'first_response', { unit: 'service_hours', amount: 1 }],
      ['Class cannot join, "again"', 'resolution', { unit: 'percent_of_monthly_fee', amount: 2.5 }],
      ['Under the new version', 'resolution', { unit: 'service_hours', amount: 1 }],
    ]);
    expect(statement.lines[0]).toMatchObject({
      ticketId: november.id,
      ticketNumber: expect.stringMatching(/^CS-\d{6}$/),
      plan: { name: 'Dedicated', version: 1 },
    });
    expect(statement.lines[1]?.ticketId).toBe(december.id);
    expect(statement.lines[2]).toMatchObject({ ticketId: later.id, plan: { version: 2 } });
    expect(statement.totals).toEqual([
      { unit: 'percent_of_monthly_fee', amount: 7.5 },
      { unit: 'service_hours', amount: 2 },
    ]);

    const nov = await h.credits.monthly(admin, org.id, '2026-11');
    expect(nov.lines.map((l) => [l.ticketId, l.clock])).toEqual([[november.id, 'first_response']]);

    const csv = creditStatementCsv(statement).split('\r\n');
    expect(csv[0]).toBe(CREDIT_CSV_COLUMNS.join(','));
    expect(csv[2]).toMatch(
      /^CS-\d{6},"Class cannot join, ""again""",P2,first_response,2026-12-01T00:\d\d:00\.000Z,Dedicated,1,2\.5,percent_of_monthly_fee$/,
    );
    expect(csv.slice(-3, -1)).toEqual(['total,,,,,,,7.5,percent_of_monthly_fee', 'total,,,,,,,2,service_hours']);
  });

  it('counts the month in the plan’s time zone, and refuses bad months and strangers', async () => {
    const shanghai = {
      timeZone: 'Asia/Shanghai',
      week: { mon: [], tue: [{ from: '00:00', to: '24:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [],
      p1AlwaysOn: false,
    };
    const plan = await h.plans.create(admin, {
      name: 'Shanghai',
      targets: TARGETS,
      warnAtPercent: 50,
      businessHours: shanghai,
      creditPerBreach: null,
    });
    org = await h.organisation({ supportPlanId: plan.id });
    const statement = await h.credits.monthly(admin, org.id, '2026-12');
    expect(statement).toMatchObject({
      timeZone: 'Asia/Shanghai',
      from: Date.parse('2026-11-30T16:00:00Z'),
      to: Date.parse('2026-12-31T16:00:00Z'),
      lines: [],
      totals: [],
    });
    await expect(h.credits.monthly(lin, org.id, '2026-12')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.credits.monthly(admin, org.id, '2026-13')).rejects.toMatchObject({ code: 'bad_request' });
  });
});
