// The console's ticket list logic: the server's filter applied to live updates, and next-deadline order.
import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../../shared/ticket-model';
import { byDeadline, DEFAULT_QUERY, matchesQuery, placeTicket } from './ticket-list';

const clock = { targetMs: 1, dueAt: null, remainingMs: null, metAt: null, warnedAt: null, breachedAt: null };
const ticket = (over: Partial<TicketSummary> & { due?: number | null; state?: TicketSummary['sla']['state'] } = {}): TicketSummary => {
  const { due = null, state = 'ok', ...rest } = over;
  return {
    id: 't',
    number: 'CS-000001',
    subject: 'No sound',
    status: 'open',
    priority: 'P2',
    category: null,
    channel: 'chat',
    level: 'L1',
    assignee: null,
    requester: null,
    organisation: { id: 'o', name: 'Maple' },
    createdAt: 0,
    updatedAt: 0,
    sla: { policyVersion: 0, planId: null, businessHours: false, paused: false, firstResponse: clock, resolution: clock, nextDueAt: due, state },
    openCallbacks: 0,
    ...rest,
  };
};

describe('matchesQuery', () => {
  it('shows new, open and pending tickets by default, and only the chosen status otherwise', () => {
    expect(matchesQuery(ticket({ status: 'pending' }), DEFAULT_QUERY, null)).toBe(true);
    expect(matchesQuery(ticket({ status: 'resolved' }), DEFAULT_QUERY, null)).toBe(false);
    expect(matchesQuery(ticket({ status: 'resolved' }), { ...DEFAULT_QUERY, status: 'resolved' }, null)).toBe(true);
    expect(matchesQuery(ticket({ status: 'closed' }), { ...DEFAULT_QUERY, status: 'all' }, null)).toBe(true);
  });

  it('filters by priority, assignee (me, unassigned, someone) and SLA state', () => {
    const mine = ticket({ assignee: { id: 'me', name: 'Me', tier: 'L1' }, state: 'at_risk' });
    expect(matchesQuery(mine, { ...DEFAULT_QUERY, priority: 'P1' }, 'me')).toBe(false);
    expect(matchesQuery(mine, { ...DEFAULT_QUERY, assignee: 'me' }, 'me')).toBe(true);
    expect(matchesQuery(mine, { ...DEFAULT_QUERY, assignee: 'unassigned' }, 'me')).toBe(false);
    expect(matchesQuery(mine, { ...DEFAULT_QUERY, assignee: 'someone-else' }, 'me')).toBe(false);
    expect(matchesQuery(mine, { ...DEFAULT_QUERY, sla: 'atRisk' }, 'me')).toBe(true);
    expect(matchesQuery(mine, { ...DEFAULT_QUERY, sla: 'breached' }, 'me')).toBe(false);
  });
});

describe('the ticket list order', () => {
  it('puts the nearest deadline first (overdue ones earliest) and tickets without one last', () => {
    const list = [ticket({ id: 'none' }), ticket({ id: 'later', due: 500 }), ticket({ id: 'overdue', due: -10 }), ticket({ id: 'soon', due: 100 })];
    expect([...list].sort(byDeadline).map((t) => t.id)).toEqual(['overdue', 'soon', 'later', 'none']);
  });

  it('moves a live update into place, or out of a list it no longer matches', () => {
    const list = [ticket({ id: 'a', due: 100 }), ticket({ id: 'b', due: 300 })];
    expect(placeTicket(list, ticket({ id: 'b', due: 50 }), DEFAULT_QUERY, null).map((t) => t.id)).toEqual(['b', 'a']);
    expect(placeTicket(list, ticket({ id: 'a', status: 'resolved' }), DEFAULT_QUERY, null).map((t) => t.id)).toEqual(['b']);
  });
});
