// Support plans on the SLA clocks (real SQLite, fake clock): a plan's targets reach its organisation's tickets and
// no one else's, plan versions apply to new tickets, clocks count business hours only, P1 may run around the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../shared/support-plan';
import type { CreateSupportPlanInput } from '../../shared/support-plan-schemas';
import type { TicketPriority } from '../../shared/ticket-model';
import type { Agent, Organisation } from '../../server/domain/records';
import { FakeClock } from '../support/fake-clock';
import { HOUR, MINUTE, ticketHarness, type TicketHarness } from '../support/ticket-harness';

const nineToFive = [{ from: '09:00', to: '17:00' }];
const LONDON: BusinessHours = {
  timeZone: 'Europe/London',
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
  holidays: [],
  p1AlwaysOn: true,
};
const target = (firstResponseMinutes: number, resolutionMinutes: number | null) => ({ firstResponseMinutes, resolutionMinutes });
const DEDICATED: CreateSupportPlanInput = {
  name: 'Dedicated',
  targets: { P1: target(5, 60), P2: target(10, 120), P3: target(60, 480), P4: target(120, null) },
  warnAtPercent: 50,
  businessHours: null,
  creditPerBreach: { unit: 'percent_of_monthly_fee', amount: 2 },
};

describe('support plans on SLA clocks', () => {
  let h: TicketHarness;
  let admin: Agent;
  let lin: Agent;

  beforeEach(async () => {
    // Friday 11 December 2026, 16:30 in London (GMT).
    h = await ticketHarness({ clock: new FakeClock(Date.parse('2026-12-11T16:30:00Z')) });
    admin = await h.agent({ name: 'Ada (admin)', role: 'admin' });
    lin = await h.agent({ name: 'Lin (L1)', tier: 'L1' });
    await h.agent({ name: 'Sam (L2)', tier: 'L2' });
    await h.scheduler.start();
  });
  afterEach(async () => {
    expect(h.errors).toEqual([]);
    await h.close();
  });

  const open = (org: Organisation, priority: TicketPriority) =>
    h.creation.byStaff({ kind: 'agent', agent: lin }, { subject: 'No sound in physics-101', priority, organisationId: org.id });
  const count = async (ticketId: string, kind: string) => (await h.history(ticketId)).filter((e) => e.kind === kind).length;

  it("applies a plan's targets to its organisation's tickets and not to others", async () => {
    const plan = await h.plans.create(admin, DEDICATED);
    const onPlan = await h.organisation({ supportPlanId: plan.id });
    const without = await h.organisation();
    const dedicated = await open(onPlan, 'P2');
    const standard = await open(without, 'P2');
    expect(dedicated.sla).toMatchObject({
      planId: plan.id,
      policyVersion: 1,
      firstResponseDueAt: dedicated.createdAt + 10 * MINUTE,
      warnAtPercent: 50,
    });
    expect(dedicated.sla.resolutionDueAt).toBe(dedicated.createdAt + 2 * HOUR);
    expect(standard.sla).toMatchObject({ planId: null, policyVersion: 0, firstResponseDueAt: standard.createdAt + 30 * MINUTE });

    await h.advance(10 * MINUTE);
    expect(await count(dedicated.id, 'sla_breach')).toBe(1);
    expect(await count(standard.id, 'sla_breach')).toBe(0);
  });

  it('applies a changed plan to new tickets only; a priority change uses the ticket’s own version', async () => {
    const plan = await h.plans.create(admin, DEDICATED);
    const org = await h.organisation({ supportPlanId: plan.id });
    const before = await open(org, 'P2');
    const changed = await h.plans.update(admin, plan.id, { targets: { ...DEDICATED.targets, P2: target(20, 240), P3: target(90, 600) } });
    expect(changed.version).toBe(2);
    const after = await open(org, 'P2');
    expect(after.sla).toMatchObject({ policyVersion: 2, firstResponseDueAt: after.createdAt + 20 * MINUTE });
    expect((await h.store.getTicket(before.id))?.sla).toMatchObject({ policyVersion: 1, firstResponseDueAt: before.createdAt + 10 * MINUTE });
    const moved = await h.tickets.update({ kind: 'agent', agent: lin }, before.id, { priority: 'P3' });
    expect(moved.sla.firstResponseTargetMs).toBe(60 * MINUTE); // version 1's P3, not version 2's
  });

  it('counts only business hours: a Friday-evening ticket falls due on Monday', async () => {
    const plan = await h.plans.create(admin, { ...DEDICATED, businessHours: LONDON });
    const org = await h.organisation({ supportPlanId: plan.id });
    const ticket = await open(org, 'P3'); // 60 min first response: 30 today, 30 on Monday
    expect(ticket.sla.firstResponseDueAt).toBe(Date.parse('2026-12-14T09:30:00Z'));
    expect(ticket.sla.firstResponseWarnAt).toBe(Date.parse('2026-12-11T17:00:00Z')); // 50 %: the last open minute of Friday
    expect(ticket.sla.resolutionDueAt).toBe(Date.parse('2026-12-14T16:30:00Z')); // 8 h: 30 min on Friday, 7 h 30 on Monday
    await h.advance(60 * MINUTE); // 17:30 Friday: a 24×7 clock would have breached
    expect(await count(ticket.id, 'sla_breach')).toBe(0);
    await h.advance(Date.parse('2026-12-14T09:29:00Z') - h.clock.now());
    expect(await count(ticket.id, 'sla_warning')).toBe(1);
    expect(await count(ticket.id, 'sla_breach')).toBe(0);
    await h.advance(MINUTE);
    expect(await count(ticket.id, 'sla_breach')).toBe(1);
  });

  it('lets P1 run around the clock when the plan says so', async () => {
    const plan = await h.plans.create(admin, { ...DEDICATED, businessHours: LONDON });
    const org = await h.organisation({ supportPlanId: plan.id });
    const p1 = await open(org, 'P1');
    expect(p1.sla.hours).toBeNull();
    expect(p1.sla.firstResponseDueAt).toBe(p1.createdAt + 5 * MINUTE);
    const offHours = await h.plans.update(admin, plan.id, { businessHours: { ...LONDON, p1AlwaysOn: false } });
    expect(offHours.businessHours?.p1AlwaysOn).toBe(false);
    const p1Hours = await open(org, 'P1');
    expect(p1Hours.sla.firstResponseDueAt).toBe(p1Hours.createdAt + 5 * MINUTE); // 16:30 + 5 min, still open
    await h.advance(45 * MINUTE); // 17:15 Friday, closed
    const late = await open(org, 'P1');
    expect(late.sla.firstResponseDueAt).toBe(Date.parse('2026-12-14T09:05:00Z'));
  });

  it('pauses in open time: a ticket waiting on the customer over the weekend loses no open time', async () => {
    const plan = await h.plans.create(admin, { ...DEDICATED, businessHours: LONDON });
    const org = await h.organisation({ supportPlanId: plan.id });
    const ticket = await open(org, 'P4'); // no resolution target; 120 min first response
    const actor = { kind: 'agent' as const, agent: lin };
    await h.tickets.update(actor, ticket.id, { status: 'pending' }); // 16:30 Friday
    await h.advance(Date.parse('2026-12-14T10:00:00Z') - h.clock.now()); // Monday 10:00: 30 + 60 open minutes paused
    const resumed = await h.tickets.update(actor, ticket.id, { status: 'open' });
    expect(resumed.sla.pausedMs).toBe(90 * MINUTE);
    expect(resumed.sla.firstResponseDueAt).toBe(Date.parse('2026-12-14T12:00:00Z')); // the whole 2 h still ahead
  });

  it('refuses organisations on unknown plans, and plan changes by non-admins', async () => {
    const plan = await h.plans.create(admin, DEDICATED);
    await expect(h.plans.update(lin, plan.id, { name: 'Free' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.plans.update(admin, '00000000-0000-4000-8000-000000000000', { name: 'Free' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.plans.list(lin)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await h.plans.get(admin, plan.id)).name).toBe('Dedicated');
  });
});
