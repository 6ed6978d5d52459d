// Times and due dates in the tickets view, in the visitor's own locale.
import type { VisitorTicketSummary } from '../../shared/ticket-model';

/** "14:30" today, "Tue 3 Jun, 09:00" otherwise. */
export function when(epochMs: number): string {
  const date = new Date(epochMs);
  const today = date.toDateString() === new Date().toDateString();
  return date.toLocaleString([], today ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** What support aims to do next, and by when; null while support waits on the visitor or is done. */
export function nextStep(ticket: Pick<VisitorTicketSummary, 'nextDueAt' | 'nextDueFor'>, now = Date.now()): string | null {
  if (ticket.nextDueAt === null) return null;
  const what = ticket.nextDueFor === 'reply' ? 'reply' : 'solve it';
  return ticket.nextDueAt >= now ? `We aim to ${what} by ${when(ticket.nextDueAt)}` : `We are late: we aimed to ${what} by ${when(ticket.nextDueAt)}`;
}
