// The SLA report's counts against tickets built to meet and breach on a fake clock (real SQLite, real scheduler),
// chats for first-contact resolution and volume, the CSV's shape, and who may see it.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketPriority } from '../../shared/ticket-model';
import type { Agent, Organisation } from '../../server/domain/records';
import { SLA_CSV_COLUMNS, slaReportCsv } from '../../server/domain/plans/report-csv';
import { aConversation, anEndUser } from '../support/records';
import { HOUR, MINUTE, ticketHarness, type TicketHarness } from '../support/ticket-harness';

describe('SLA report', () => {
  let h: TicketHarness;
  let org: Organisation;
  let other: Organisation;
  let lin: Agent;
  let boss: Agent;
  let start: number;

  beforeEach(async () => {
    h = await ticketHarness();
    lin = await h.agent({ name: 'Lin', tier: 'L1' });
    await h.agent({ name: 'Sam', tier: 'L2' });
    boss = await h.agent({ name: 'Bo', role: 'supervisor' });
    org = await h.organisation({ name: 'Maple School' });
    other = await h.organisation({ name: 'Birch School' });
    await h.scheduler.start();
    start = h.clock.now();
  });
  afterEach(async () => {
    expect(h.errors).toEqual([]);
    await h.close();
  });

  const actor = () => ({ kind: 'agent' as const, agent: lin });
  const open = (priority: TicketPriority, o = org, category = 'audio') =>
    h.creation.byStaff(actor(), { subject: 'No sound', priority, organisationId: o.id, category });
  const reply = (id: string) => h.tickets.comment(actor(), id, { text: 'Looking at it now', visibility: 'public' });
  const at = async (ms: number) => h.advance(start + ms - h.clock.now());

  it('counts met, breached and pending clocks per priority, with attainment, median and p90', async () => {
    const quick = await open('P2'); // replied in 10 min, resolved at 60 min
    const late = await open('P2'); // first response breached at 30, replied at 40; resolution pending
    const p1 = await open('P1', org, 'video'); // replied at 5; resolution breached at 4 h
    await open('P4', org, 'billing'); // first response breached at 4 h; no resolution target
    await open('P2', other); // another organisation: not in its report
    await at(5 * MINUTE);
    await reply(p1.id);
    await at(10 * MINUTE);
    await reply(quick.id);
    await at(40 * MINUTE);
    await reply(late.id);
    await at(60 * MINUTE);
    await h.tickets.update(actor(), quick.id, { status: 'resolved' });
    await at(4 * HOUR);
    const pending = await open('P3', org); // nothing yet: first response pending
    await at(4 * HOUR + MINUTE);

    const report = await h.reports.sla(boss, { from: start, to: h.clock.now() + 1, organisationId: org.id });
    expect(report.organisation).toEqual({ id: org.id, name: 'Maple School' });
    const row = (p: string) => report.rows.find((r) => r.priority === p)!;
    expect(row('P1')).toMatchObject({
      tickets: 1,
      firstResponse: { met: 1, breached: 0, pending: 0, attainmentPercent: 100, medianMinutes: 5, p90Minutes: 5 },
      resolution: { met: 0, breached: 1, pending: 0, attainmentPercent: 0, medianMinutes: 240 },
    });
    expect(row('P2')).toMatchObject({
      tickets: 2,
      firstResponse: { met: 1, breached: 1, pending: 0, attainmentPercent: 50, medianMinutes: 10, p90Minutes: 40 },
      resolution: { met: 1, breached: 0, pending: 1, attainmentPercent: 100, medianMinutes: 60 },
    });
    expect(row('P3')).toMatchObject({ tickets: 1, firstResponse: { met: 0, breached: 0, pending: 1, attainmentPercent: null, medianMinutes: null } });
    expect(row('P4')).toMatchObject({
      tickets: 1,
      firstResponse: { met: 0, breached: 1, pending: 0, attainmentPercent: 0, medianMinutes: 240 },
      resolution: { met: 0, breached: 0, pending: 0, attainmentPercent: null },
    });
    expect(row('all')).toMatchObject({ tickets: 5, firstResponse: { met: 2, breached: 2, pending: 1, attainmentPercent: 50 } });
    expect(report.volume.byCategory.map((e) => [e.key, e.tickets])).toEqual([
      ['audio', 3],
      ['billing', 1],
      ['video', 1],
    ]);
    expect(report.daily.reduce((n, d) => n + d.tickets, 0)).toBe(5);
    expect(report.daily.reduce((n, d) => n + d.breaches, 0)).toBe(3);
    expect(pending.sla.planId).toBeNull();

    const everyone = await h.reports.sla(boss, { from: start, to: h.clock.now() + 1, organisationId: null });
    expect(everyone.rows.find((r) => r.priority === 'all')?.tickets).toBe(6);
  });

  it('writes CSV: a header of the documented columns, one line per priority and one for all', async () => {
    await open('P2');
    const report = await h.reports.sla(boss, { from: start, to: h.clock.now() + 1, organisationId: org.id });
    const lines = slaReportCsv(report).split('\r\n');
    expect(lines[0]).toBe(SLA_CSV_COLUMNS.join(','));
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['P1', 'P2', 'P3', 'P4', 'all']);
    expect(lines[2]).toBe('P2,1,0,0,1,,,,0,0,1,,,');
    expect(lines.at(-1)).toBe('');
  });

  it('counts first-contact resolution and chats by classroom', async () => {
    const user = await h.store.createEndUser(anEndUser(org.id));
    const chat = async (classroomId: string, over: { handover?: boolean; close?: boolean } = {}) => {
      const { conversation } = await h.store.createConversation(
        aConversation(org.id, user.id, { createdAt: h.clock.now(), context: { organisation: 'Maple School', classroomId } }),
      );
      if (over.handover) {
        await h.store.recordMove({
          id: randomUUID(),
          conversationId: conversation.id,
          kind: 'transferred',
          actor: null,
          from: null,
          to: null,
          toTarget: null,
          reason: null,
          note: null,
          createdAt: h.clock.now(),
        });
      }
      if (over.close !== false) await h.store.closeConversation(conversation.id, h.clock.now());
      return conversation;
    };
    await chat('physics-101');
    await chat('physics-101', { handover: true });
    await chat('maths-7');
    await chat('maths-7', { close: false });
    const report = await h.reports.sla(boss, { from: start, to: h.clock.now() + 1, organisationId: org.id });
    expect(report.chats).toMatchObject({ started: 4, closed: 3, firstContactResolved: 2, firstContactPercent: 66.7, deflectedByArticles: 0 });
    expect(report.volume.byClassroom).toEqual([
      { key: 'maths-7', tickets: 0, chats: 2 },
      { key: 'physics-101', tickets: 0, chats: 2 },
    ]);
  });

  it('shows an organisation’s report to its account manager only, and nothing to agents', async () => {
    const manager = await h.agent({ name: 'Ari', tier: 'account_manager' });
    const mine = await h.organisation({ accountManagerId: manager.id });
    const scope = (organisationId: string | null) => ({ from: start, to: start + HOUR, organisationId });
    expect((await h.reports.sla(manager, scope(mine.id))).organisation?.id).toBe(mine.id);
    await expect(h.reports.sla(manager, scope(org.id))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.reports.sla(manager, scope(null))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.reports.sla(manager, scope(randomUUID()))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.reports.sla(lin, scope(org.id))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.reports.sla(boss, scope(randomUUID()))).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.reports.sla(boss, { from: start, to: start, organisationId: null })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(h.reports.sla(boss, { from: start, to: start + 401 * 24 * HOUR, organisationId: null })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});
