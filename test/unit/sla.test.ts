// SLA clocks with a fake clock: warnings and breaches fire once, pauses, priority changes, escalation, restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketPriority } from '../../shared/ticket-model';
import type { Agent, Organisation } from '../../server/domain/records';
import type { Ticket } from '../../server/domain/tickets/ticket-records';
import { FakeClock } from '../support/fake-clock';
import { HOUR, MINUTE, ticketHarness, type TicketHarness } from '../support/ticket-harness';

const kinds = async (h: TicketHarness, ticket: Ticket) => (await h.history(ticket.id)).map((e) => e.kind);
const count = async (h: TicketHarness, ticket: Ticket, kind: string) => (await kinds(h, ticket)).filter((k) => k === kind).length;
const alertsOf = (h: TicketHarness, kind: string) => h.events.flatMap((e) => (e.type === 'ticket.alert' && e.alert.kind === kind ? [e.alert] : []));

describe('SLA clocks', () => {
  let h: TicketHarness;
  let org: Organisation;
  let lin: Agent;
  let sam: Agent;
  let boss: Agent;

  beforeEach(async () => {
    h = await ticketHarness();
    lin = await h.agent({ name: 'Lin (L1)', tier: 'L1' });
    sam = await h.agent({ name: 'Sam (L2)', tier: 'L2' });
    boss = await h.agent({ name: 'Bo (supervisor)', tier: 'L2', role: 'supervisor' });
    org = await h.organisation();
    await h.scheduler.start();
  });
  afterEach(async () => {
    expect(h.errors).toEqual([]);
    await h.close();
  });

  const open = (priority: TicketPriority, by: Agent = lin) =>
    h.creation.byStaff({ kind: 'agent', agent: by }, { subject: 'No sound in physics-101', priority, organisationId: org.id });

  it('takes its deadlines from the default policy, measured from creation', async () => {
    const ticket = await open('P2');
    expect(ticket.sla.firstResponseDueAt).toBe(ticket.createdAt + 30 * MINUTE);
    expect(ticket.sla.resolutionDueAt).toBe(ticket.createdAt + 8 * HOUR);
    const p4 = await open('P4');
    expect(p4.sla.firstResponseDueAt).toBe(p4.createdAt + 4 * HOUR);
    expect(p4.sla.resolutionDueAt).toBeNull();
  });

  it('warns the assignee and supervisors once at 80% of the first-response time', async () => {
    const ticket = await open('P2');
    await h.advance(24 * MINUTE - 1);
    expect(await count(h, ticket, 'sla_warning')).toBe(0);
    await h.advance(1);
    expect(await count(h, ticket, 'sla_warning')).toBe(1);
    await h.advance(5 * MINUTE);
    expect(await count(h, ticket, 'sla_warning')).toBe(1);
    const [warning] = alertsOf(h, 'sla_warning');
    expect(warning?.recipients.sort()).toEqual([lin.id, boss.id].sort());
    // A code with parameters, worded by each console in its agent's language (the number is added when sent).
    expect(warning?.notice).toMatchObject({ code: 'alert_sla_warning', metric: 'first_response', percent: expect.any(Number) });
    expect((await h.store.getTicket(ticket.id))?.sla.state).toBe('at_risk');
  });

  it('records a missed first response once and escalates one tier, to the least busy L2 engineer', async () => {
    const ticket = await open('P2');
    await h.advance(30 * MINUTE);
    await h.advance(3 * HOUR);
    expect(await count(h, ticket, 'sla_breach')).toBe(1);
    const escalated = (await h.history(ticket.id)).filter((e) => e.kind === 'escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ public: true, data: { from: 'L1', level: 'L2', assigneeName: sam.name } });
    const stored = await h.store.getTicket(ticket.id);
    expect(stored).toMatchObject({ level: 'L2', assigneeId: sam.id, sla: { state: 'breached' } });
    const [breach] = alertsOf(h, 'sla_breach');
    expect(breach?.recipients.sort()).toEqual([lin.id, sam.id, boss.id].sort());
    expect(breach?.notice).toEqual({ code: 'alert_sla_breach', priority: 'P2', metric: 'first_response', level: 'L2', agent: sam.name });
  });

  it('escalates L1 → L2 → the account manager → supervisors, one tier per breach', async () => {
    const manager = await h.agent({ name: 'Ari (account manager)', tier: 'account_manager' });
    org = await h.organisation({ accountManagerId: manager.id });
    const ticket = await open('P1');
    await h.advance(15 * MINUTE); // first response missed: L1 → L2
    expect((await h.store.getTicket(ticket.id))?.level).toBe('L2');
    await h.tickets.comment({ kind: 'agent', agent: sam }, ticket.id, { text: 'Looking into it now', visibility: 'public' });
    await h.advance(4 * HOUR); // resolution missed: L2 → account manager
    expect(await h.store.getTicket(ticket.id)).toMatchObject({ level: 'account_manager', assigneeId: manager.id });

    // Past the account manager only the supervisors remain; the next breach goes to them.
    const again = await open('P1', sam);
    expect(again.level).toBe('L2');
    await h.tickets.update({ kind: 'agent', agent: boss }, again.id, { assigneeId: manager.id });
    await h.advance(15 * MINUTE);
    const last = await h.store.getTicket(again.id);
    expect(last).toMatchObject({ level: 'supervisors', assigneeId: manager.id });
    expect(alertsOf(h, 'sla_breach').at(-1)?.recipients).toContain(boss.id);
  });

  it('skips a tier nobody holds: without an account manager an L2 ticket goes to the supervisors', async () => {
    const ticket = await open('P1', sam);
    await h.advance(15 * MINUTE);
    expect(await h.store.getTicket(ticket.id)).toMatchObject({ level: 'supervisors', assigneeId: sam.id });
  });

  it('meets the first response with the first public reply; an internal note does not count', async () => {
    const ticket = await open('P2');
    await h.advance(10 * MINUTE);
    await h.tickets.comment({ kind: 'agent', agent: lin }, ticket.id, { text: 'Checked the logs', visibility: 'internal' });
    expect((await h.store.getTicket(ticket.id))?.firstResponseAt).toBeNull();
    await h.tickets.comment({ kind: 'agent', agent: lin }, ticket.id, { text: 'Please rejoin from Chrome', visibility: 'public' });
    const answered = await h.store.getTicket(ticket.id);
    expect(answered).toMatchObject({ firstResponseAt: h.clock.now(), status: 'open' });
    await h.advance(2 * HOUR);
    expect(await count(h, ticket, 'sla_breach')).toBe(0);
  });

  it('pauses while waiting on the customer and carries on from where it stopped', async () => {
    const ticket = await open('P3'); // first response due in 2 h
    const customer = await h.customer(org);
    await h.store.saveTicket({ ...ticket, endUserId: customer.id }, { events: [] });
    await h.advance(1 * HOUR);
    await h.tickets.update({ kind: 'agent', agent: lin }, ticket.id, { status: 'pending' });
    expect((await h.store.getTicket(ticket.id))?.sla).toMatchObject({ firstResponseDueAt: null, nextDueAt: null });
    await h.advance(5 * HOUR);
    expect(await count(h, ticket, 'sla_breach')).toBe(0);

    await h.tickets.customerReply(customer, ticket.id, crypto.randomUUID(), 'It still happens');
    const resumed = await h.store.getTicket(ticket.id);
    expect(resumed?.status).toBe('open');
    expect(resumed?.sla.firstResponseDueAt).toBe(ticket.createdAt + 2 * HOUR + 5 * HOUR);
    await h.advance(1 * HOUR - 1);
    expect(await count(h, ticket, 'sla_breach')).toBe(0);
    await h.advance(1);
    expect(await count(h, ticket, 'sla_breach')).toBe(1);
  });

  it('recomputes the deadlines when the priority changes', async () => {
    const ticket = await open('P4'); // 4 h to first response
    await h.advance(10 * MINUTE);
    await h.tickets.update({ kind: 'agent', agent: lin }, ticket.id, { priority: 'P1' });
    const raised = await h.store.getTicket(ticket.id);
    expect(raised?.sla).toMatchObject({ firstResponseDueAt: ticket.createdAt + 15 * MINUTE, resolutionDueAt: ticket.createdAt + 4 * HOUR });
    await h.advance(2 * MINUTE); // 12 min: 80% of P1's 15
    expect(await count(h, ticket, 'sla_warning')).toBe(1);
    await h.advance(3 * MINUTE);
    expect(await count(h, ticket, 'sla_breach')).toBe(1);
    const change = (await h.history(ticket.id)).find((e) => e.kind === 'priority');
    expect(change).toMatchObject({ public: true, data: { from: 'P4', to: 'P1' } });
  });

  it('applies a changed policy to new tickets only', async () => {
    const before = await open('P2');
    const admin = await h.agent({ role: 'admin' });
    const targets = { ...(await h.policies.current()).targets, P2: { firstResponseMinutes: 60, resolutionMinutes: 600 } };
    const saved = await h.policies.update(admin, { targets, warnAtPercent: 50 });
    expect(saved.version).toBe(1);
    const after = await open('P2');
    expect(after.sla).toMatchObject({ policyVersion: 1, firstResponseDueAt: after.createdAt + HOUR, warnAtPercent: 50 });
    expect((await h.store.getTicket(before.id))?.sla).toMatchObject({ policyVersion: 0, firstResponseDueAt: before.createdAt + 30 * MINUTE });
    await expect(h.policies.update(lin, { targets, warnAtPercent: 50 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('fires each point once even when two schedulers look at the same time', async () => {
    const ticket = await open('P1');
    h.clock.advance(16 * MINUTE);
    await Promise.all([
      h.scheduler.runDue(),
      h.tickets.get(ticket.id).then((t) => h.tickets.update({ kind: 'agent', agent: boss }, t.id, { priority: 'P1' })),
    ]);
    await h.scheduler.idle();
    expect(await count(h, ticket, 'sla_warning')).toBe(1);
    expect(await count(h, ticket, 'sla_breach')).toBe(1);
    expect(await count(h, ticket, 'escalated')).toBe(1);
  });
});

describe('SLA clocks across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-sla-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires a breach that fell due while the server was down once at start, and never again', async () => {
    const file = join(dir, 'support.sqlite');
    const clock = new FakeClock();
    const first = await ticketHarness({ file, clock });
    const lin = await first.agent({ tier: 'L1' });
    await first.agent({ tier: 'L2', name: 'Sam' });
    const org = await first.organisation();
    await first.scheduler.start();
    const ticket = await first.creation.byStaff(
      { kind: 'agent', agent: lin },
      { subject: 'Class cannot join', priority: 'P1', organisationId: org.id },
    );
    await first.advance(5 * MINUTE);
    await first.close(); // the server goes down before any warning

    clock.advance(40 * MINUTE); // the warning (12 min) and the breach (15 min) fall due while it is down

    const second = await ticketHarness({ file, clock });
    await second.scheduler.start();
    const afterRestart = (await second.history(ticket.id)).map((e) => e.kind);
    expect(afterRestart.filter((k) => k === 'sla_warning')).toHaveLength(1);
    expect(afterRestart.filter((k) => k === 'sla_breach')).toHaveLength(1);
    expect(afterRestart.filter((k) => k === 'escalated')).toHaveLength(1);
    expect(second.events.filter((e) => e.type === 'ticket.alert')).toHaveLength(2);
    await second.close();

    const third = await ticketHarness({ file, clock });
    await third.scheduler.start();
    await third.advance(HOUR);
    expect((await third.history(ticket.id)).map((e) => e.kind)).toEqual(afterRestart);
    expect(third.events.filter((e) => e.type === 'ticket.alert')).toEqual([]);
    expect([...first.errors, ...second.errors, ...third.errors]).toEqual([]);
    await third.close();
  });
});
