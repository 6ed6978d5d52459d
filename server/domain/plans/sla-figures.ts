// How the SLA was kept, from tickets: each clock met, breached or pending, attainment and median / p90 times.
import type { ClockFigures, SlaReportRow } from '../../../shared/report-model';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../shared/ticket-model';
import { openTimeBetween } from '../sla/business-time';
import type { Ticket } from '../tickets/ticket-records';

type Outcome = { state: 'met' | 'breached'; minutes: number } | { state: 'pending' } | null;

const MINUTE = 60_000;

/** The first response: met by the first public reply in time, breached once its breach fired. */
export function firstResponseOutcome(t: Ticket): Outcome {
  if (t.sla.firstResponseBreachedAt !== null)
    return { state: 'breached', minutes: clockMinutes(t, t.firstResponseAt ?? t.sla.firstResponseBreachedAt, false) };
  if (t.firstResponseAt !== null) return { state: 'met', minutes: clockMinutes(t, t.firstResponseAt, false) };
  return { state: 'pending' };
}

/** The resolution; null when the priority has no resolution target. */
export function resolutionOutcome(t: Ticket): Outcome {
  if (t.sla.resolutionTargetMs === null) return null;
  const end = t.status === 'resolved' || t.status === 'closed' ? (t.resolvedAt ?? t.closedAt) : null;
  if (t.sla.resolutionBreachedAt !== null) return { state: 'breached', minutes: clockMinutes(t, end ?? t.sla.resolutionBreachedAt, true) };
  if (end !== null) return { state: 'met', minutes: clockMinutes(t, end, true) };
  return { state: 'pending' };
}

/** Clock time from creation to `at` in the ticket's calendar; the resolution clock leaves out its pauses. */
function clockMinutes(t: Ticket, at: number, lessPauses: boolean): number {
  const open = openTimeBetween(t.sla.hours, t.createdAt, at) - (lessPauses ? t.sla.pausedMs : 0);
  return Math.max(0, open) / MINUTE;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function clockFigures(outcomes: Outcome[]): ClockFigures {
  const decided = outcomes.filter((o): o is Extract<Outcome, { minutes: number }> => o !== null && o.state !== 'pending');
  const met = decided.filter((o) => o.state === 'met').length;
  const breached = decided.length - met;
  const minutes = decided.map((o) => o.minutes).sort((a, b) => a - b);
  const round = (n: number | null) => (n === null ? null : oneDecimal(n));
  return {
    met,
    breached,
    pending: outcomes.filter((o) => o?.state === 'pending').length,
    attainmentPercent: decided.length ? oneDecimal((met / decided.length) * 100) : null,
    medianMinutes: round(percentile(minutes, 50)),
    p90Minutes: round(percentile(minutes, 90)),
  };
}

const row = (priority: TicketPriority | 'all', tickets: Ticket[]): SlaReportRow => ({
  priority,
  tickets: tickets.length,
  firstResponse: clockFigures(tickets.map(firstResponseOutcome)),
  resolution: clockFigures(tickets.map(resolutionOutcome)),
});

/** One row per priority, then one for all of them. */
export const slaRows = (tickets: Ticket[]): SlaReportRow[] => [
  ...TICKET_PRIORITIES.map((p) =>
    row(
      p,
      tickets.filter((t) => t.priority === p),
    ),
  ),
  row('all', tickets),
];

/** Every breach recorded on a ticket (first response, resolution), with when. */
export function breachesOf(t: Ticket): Array<{ clock: 'first_response' | 'resolution'; at: number }> {
  const found: Array<{ clock: 'first_response' | 'resolution'; at: number }> = [];
  if (t.sla.firstResponseBreachedAt !== null) found.push({ clock: 'first_response', at: t.sla.firstResponseBreachedAt });
  if (t.sla.resolutionBreachedAt !== null) found.push({ clock: 'resolution', at: t.sla.resolutionBreachedAt });
  return found;
}
