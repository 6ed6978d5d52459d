// What happens when SLA points fall due: warn once, record a breach once and escalate one tier, auto-close a solved ticket.
import type { SlaMetric } from '../../../shared/ticket-model';
import type { Store } from '../ports';
import { duePoints, withSlaPoints, type SlaPoint } from './sla';
import { SYSTEM_ACTOR } from '../tickets/ticket-actors';
import { escalationTarget, isSupervisor } from '../tickets/ticket-escalation';
import type { EventDraft, TicketAlertDraft } from '../tickets/ticket-events';
import type { Ticket, TicketSlaRecord } from '../tickets/ticket-records';
import { moveTo } from '../tickets/ticket-workflow';

export interface Firing {
  ticket: Ticket;
  events: EventDraft[];
  alerts: TicketAlertDraft[];
}

/**
 * Fires every point due at `now` that has not fired. The caller saves the result conditionally on the
 * ticket's version, so even when several processes look at once a point is recorded exactly once.
 */
export async function fireDue(store: Store, ticket: Ticket, now: number): Promise<Firing> {
  const points = duePoints(ticket, now);
  if (points.length === 0) return { ticket, events: [], alerts: [] };
  const supervisors = (await store.listActiveAgents()).filter(isSupervisor).map((a) => a.id);
  let current = ticket;
  const events: EventDraft[] = [];
  const alerts: TicketAlertDraft[] = [];

  for (const point of points) {
    if (point === 'auto_close') {
      current = moveTo(current, 'closed', now);
      events.push({ kind: 'status', actor: SYSTEM_ACTOR, public: true, data: { from: 'resolved', to: 'closed', reason: 'auto_close' } });
      continue;
    }
    const metric: SlaMetric = point.startsWith('first_response') ? 'first_response' : 'resolution';
    const dueAt = dueOf(current.sla, point) as number;
    current = { ...current, sla: { ...current.sla, [FLAG[point]]: now } };
    if (point.endsWith('warning')) {
      events.push({ kind: 'sla_warning', actor: SYSTEM_ACTOR, public: false, data: { metric, dueAt } });
      alerts.push({
        kind: 'sla_warning',
        notice: { code: 'alert_sla_warning', priority: current.priority, metric, percent: current.sla.warnAtPercent },
        recipients: unique([current.assigneeId, ...supervisors]),
      });
      continue;
    }
    events.push({ kind: 'sla_breach', actor: SYSTEM_ACTOR, public: false, data: { metric, dueAt } });
    const previous = current.assigneeId;
    const target = await escalationTarget(store, current);
    const assignee = target.assignee ?? (previous ? await store.getAgent(previous) : null);
    current = { ...current, level: target.level, assigneeId: assignee?.id ?? null };
    events.push({
      kind: 'escalated',
      actor: SYSTEM_ACTOR,
      public: true,
      // Only a new assignee is named: at the supervisors' level the ticket stays with whoever had it.
      data: { from: ticket.level, level: target.level, assigneeName: target.assignee?.name ?? null, metric },
    });
    alerts.push({
      kind: 'sla_breach',
      notice: {
        code: 'alert_sla_breach',
        priority: current.priority,
        metric,
        level: target.level,
        ...(target.assignee ? { agent: target.assignee.name } : {}),
      },
      recipients: unique([previous, assignee?.id ?? null, ...supervisors]),
    });
  }
  return { ticket: withSlaPoints(current), events, alerts };
}

const FLAG: Record<Exclude<SlaPoint, 'auto_close'>, keyof TicketSlaRecord> = {
  first_response_warning: 'firstResponseWarnedAt',
  first_response_breach: 'firstResponseBreachedAt',
  resolution_warning: 'resolutionWarnedAt',
  resolution_breach: 'resolutionBreachedAt',
};

function dueOf(sla: TicketSlaRecord, point: Exclude<SlaPoint, 'auto_close'>): number | null {
  switch (point) {
    case 'first_response_warning':
      return sla.firstResponseWarnAt;
    case 'first_response_breach':
      return sla.firstResponseDueAt;
    case 'resolution_warning':
      return sla.resolutionWarnAt;
    case 'resolution_breach':
      return sla.resolutionDueAt;
  }
}

const unique = (ids: Array<string | null>): string[] => [...new Set(ids.filter((id): id is string => id !== null))];
