// One organisation's health at a glance: open tickets by priority, SLA at risk and breached, classrooms
// degraded or in an incident condition now, open incidents, and satisfaction over the last 30 days.
import type { DeskHealth } from '../../../shared/desk';
import type { ClassroomHealth } from '../../../shared/quality';
import type { SatisfactionFigures } from '../../../shared/satisfaction';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../shared/ticket-model';
import type { Ticket } from '../tickets/ticket-records';

export function healthOf(
  organisationId: string,
  openTickets: Ticket[],
  classrooms: ClassroomHealth[],
  satisfaction: SatisfactionFigures | null,
  openIncidents: number,
): DeskHealth {
  const byPriority = Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, 0])) as Record<TicketPriority, number>;
  let atRisk = 0;
  let breached = 0;
  for (const t of openTickets) {
    byPriority[t.priority]++;
    if (t.sla.state === 'breached') breached++;
    else if (t.sla.state === 'at_risk') atRisk++;
  }
  const own = classrooms.filter((c) => c.organisationId === organisationId);
  const tally = satisfaction?.organisations.find((o) => o.organisationId === organisationId);
  return {
    openTickets: byPriority,
    atRisk,
    breached,
    classrooms: {
      reporting: own.length,
      degraded: own.filter((c) => c.health === 'degraded').length,
      incidents: own.filter((c) => c.incidentCondition).length,
    },
    openIncidents,
    satisfaction: { ratings: tally?.ratings ?? 0, average: tally?.average ?? null, satisfiedPct: tally?.satisfiedPct ?? null },
  };
}
