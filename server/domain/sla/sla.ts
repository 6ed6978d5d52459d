// SLA clock math: running time from creation minus pauses, the due points it implies, and what is due now.
// Time counts in the ticket's calendar: around the clock, or only its plan's business hours (business-time.ts).
import type { SlaClock, TicketSla, TicketStatus } from '../../../shared/ticket-model';
import type { Ticket, TicketSlaRecord } from '../tickets/ticket-records';
import { addOpenTime, openTimeBetween } from './business-time';

/** The clock runs while support owes the next step; waiting on the customer or solved pauses it. */
const RUNNING: readonly TicketStatus[] = ['new', 'open'];

export type SlaPoint = 'first_response_warning' | 'first_response_breach' | 'resolution_warning' | 'resolution_breach' | 'auto_close';

/** Firing order when several are due at once (e.g. after downtime): warnings before breaches, response before resolution. */
const POINT_ORDER: readonly SlaPoint[] = ['first_response_warning', 'first_response_breach', 'resolution_warning', 'resolution_breach', 'auto_close'];

export const isClockRunning = (ticket: Pick<Ticket, 'status' | 'sla'>): boolean => RUNNING.includes(ticket.status) && ticket.sla.pausedSince === null;

/** Stops the clock (idempotent). */
export function pauseClock(sla: TicketSlaRecord, now: number): TicketSlaRecord {
  return sla.pausedSince === null ? { ...sla, pausedSince: now } : sla;
}

/** Starts it again; the paused stretch is not counted (idempotent). pausedMs is in the clock's own (open) time. */
export function resumeClock(sla: TicketSlaRecord, now: number): TicketSlaRecord {
  if (sla.pausedSince === null) return sla;
  return { ...sla, pausedMs: sla.pausedMs + openTimeBetween(sla.hours, sla.pausedSince, now), pausedSince: null };
}

/** Pauses or resumes the clock to match the ticket's status. */
export function clockForStatus(sla: TicketSlaRecord, status: TicketStatus, now: number): TicketSlaRecord {
  return RUNNING.includes(status) ? resumeClock(sla, now) : pauseClock(sla, now);
}

const warnOffset = (targetMs: number, percent: number) => Math.round((targetMs * percent) / 100);

/** Recomputes the stored due points, the next deadline and the SLA state from the ticket's fields. */
export function withSlaPoints(ticket: Ticket): Ticket {
  const { sla } = ticket;
  const running = isClockRunning(ticket);
  // The instant at which `target` of running time has been used: creation, plus the pauses, in open time.
  const due = (target: number) => addOpenTime(sla.hours, ticket.createdAt, sla.pausedMs + target);
  const awaitingResponse = ticket.firstResponseAt === null;
  const fr = running && awaitingResponse;
  const res = running && sla.resolutionTargetMs !== null;
  const points = {
    firstResponseWarnAt: fr ? due(warnOffset(sla.firstResponseTargetMs, sla.warnAtPercent)) : null,
    firstResponseDueAt: fr ? due(sla.firstResponseTargetMs) : null,
    resolutionWarnAt: res ? due(warnOffset(sla.resolutionTargetMs as number, sla.warnAtPercent)) : null,
    resolutionDueAt: res ? due(sla.resolutionTargetMs as number) : null,
  };
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  const atRisk = (sla.firstResponseWarnedAt !== null && awaitingResponse) || (sla.resolutionWarnedAt !== null && !finished);
  const next: TicketSlaRecord = {
    ...sla,
    ...points,
    nextDueAt: awaitingResponse ? points.firstResponseDueAt : points.resolutionDueAt,
    nextTimerAt: null,
    state: sla.firstResponseBreachedAt !== null || sla.resolutionBreachedAt !== null ? 'breached' : atRisk ? 'at_risk' : 'ok',
  };
  next.nextTimerAt = earliest(unfired(ticket, next));
  return { ...ticket, sla: next };
}

function unfired(ticket: Ticket, sla: TicketSlaRecord): Array<number | null> {
  return [
    sla.firstResponseWarnedAt === null ? sla.firstResponseWarnAt : null,
    sla.firstResponseBreachedAt === null ? sla.firstResponseDueAt : null,
    sla.resolutionWarnedAt === null ? sla.resolutionWarnAt : null,
    sla.resolutionBreachedAt === null ? sla.resolutionDueAt : null,
    ticket.status === 'resolved' ? ticket.autoCloseAt : null,
  ];
}

function earliest(times: Array<number | null>): number | null {
  const set = times.filter((t): t is number => t !== null);
  return set.length ? Math.min(...set) : null;
}

/** The points due at `now` that have not fired, in firing order. */
export function duePoints(ticket: Ticket, now: number): SlaPoint[] {
  const { sla } = ticket;
  const due: Record<SlaPoint, boolean> = {
    first_response_warning: sla.firstResponseWarnedAt === null && sla.firstResponseWarnAt !== null && sla.firstResponseWarnAt <= now,
    first_response_breach: sla.firstResponseBreachedAt === null && sla.firstResponseDueAt !== null && sla.firstResponseDueAt <= now,
    resolution_warning: sla.resolutionWarnedAt === null && sla.resolutionWarnAt !== null && sla.resolutionWarnAt <= now,
    resolution_breach: sla.resolutionBreachedAt === null && sla.resolutionDueAt !== null && sla.resolutionDueAt <= now,
    auto_close: ticket.status === 'resolved' && ticket.autoCloseAt !== null && ticket.autoCloseAt <= now,
  };
  return POINT_ORDER.filter((point) => due[point]);
}

/** How the clocks look to people: due times while running, time left while paused. */
export function slaView(ticket: Ticket): TicketSla {
  const { sla } = ticket;
  const usedWhenPaused = sla.pausedSince === null ? null : openTimeBetween(sla.hours, ticket.createdAt, sla.pausedSince) - sla.pausedMs;
  const remaining = (target: number | null, open: boolean) => (usedWhenPaused === null || target === null || !open ? null : target - usedWhenPaused);
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  const firstResponse: SlaClock = {
    targetMs: sla.firstResponseTargetMs,
    dueAt: sla.firstResponseDueAt,
    remainingMs: remaining(sla.firstResponseTargetMs, ticket.firstResponseAt === null && !finished),
    metAt: ticket.firstResponseAt,
    warnedAt: sla.firstResponseWarnedAt,
    breachedAt: sla.firstResponseBreachedAt,
  };
  const resolution: SlaClock = {
    targetMs: sla.resolutionTargetMs,
    dueAt: sla.resolutionDueAt,
    remainingMs: remaining(sla.resolutionTargetMs, !finished),
    metAt: ticket.resolvedAt,
    warnedAt: sla.resolutionWarnedAt,
    breachedAt: sla.resolutionBreachedAt,
  };
  return {
    policyVersion: sla.policyVersion,
    planId: sla.planId,
    businessHours: sla.hours !== null,
    paused: sla.pausedSince !== null && !finished,
    firstResponse,
    resolution,
    nextDueAt: sla.nextDueAt,
    state: sla.state,
  };
}
