// The ticket workflow: which status may follow which, and what moving there does to dates and the SLA clock.
import { STAFF_MOVES, type TicketStatus } from '../../../shared/ticket-model';
import { clockForStatus, withSlaPoints } from '../sla/sla';
import type { Ticket } from './ticket-records';

/** Tickets still being worked on: the console's default list. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending'];

/** A solved ticket stays open to the customer's reply this long; then it closes and a reply starts a new one. */
export const REOPEN_WINDOW_MS = 7 * 24 * 3600_000;

export const staffMayMove = (from: TicketStatus, to: TicketStatus): boolean => STAFF_MOVES[from].includes(to);

/** The ticket in its new status: dates set or cleared, the clock paused or resumed, due points recomputed. */
export function moveTo(ticket: Ticket, status: TicketStatus, now: number): Ticket {
  const moved: Ticket = { ...ticket, status, sla: clockForStatus(ticket.sla, status, now) };
  if (status === 'resolved') {
    moved.resolvedAt = now;
    moved.autoCloseAt = now + REOPEN_WINDOW_MS;
  } else if (status === 'closed') {
    moved.closedAt = now;
    moved.autoCloseAt = null;
  } else {
    moved.resolvedAt = null;
    moved.autoCloseAt = null;
  }
  return withSlaPoints(moved);
}

export type CustomerReplyEffect =
  /** Nothing changes status (new or open). */
  | 'none'
  /** Support was waiting on the customer: back to open, clock running. */
  | 'resume'
  /** Solved less than 7 days ago: reopened. */
  | 'reopen'
  /** Closed, or solved longer ago: the reply starts a new ticket that links back. */
  | 'follow_up';

export function customerReplyEffect(ticket: Ticket, now: number): CustomerReplyEffect {
  switch (ticket.status) {
    case 'new':
    case 'open':
      return 'none';
    case 'pending':
      return 'resume';
    case 'resolved':
      // Checked here as well as by the auto-close timer: a reply just past the window must not reopen.
      return ticket.resolvedAt !== null && now - ticket.resolvedAt < REOPEN_WINDOW_MS ? 'reopen' : 'follow_up';
    case 'closed':
      return 'follow_up';
  }
}
