// Times and due dates in the tickets view, in the widget's language (Intl with the tickets view's locale).
import type { VisitorTicketSummary } from '../../shared/ticket-model';
import { $ticketsLocale, listText } from './messages';

/** "14:30" today, "Tue 3 Jun, 09:00" (or "6月3日周二 09:00") otherwise. */
export function when(epochMs: number, locale: string = $ticketsLocale.get()): string {
  const date = new Date(epochMs);
  const today = date.toDateString() === new Date().toDateString();
  return date.toLocaleString(
    locale,
    today ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  );
}

/** What support aims to do next, and by when; null while support waits on the visitor or is done. */
export function nextStep(ticket: Pick<VisitorTicketSummary, 'nextDueAt' | 'nextDueFor'>, now = Date.now()): string | null {
  if (ticket.nextDueAt === null) return null;
  const t = listText.get();
  const time = when(ticket.nextDueAt);
  const reply = ticket.nextDueFor === 'reply';
  if (ticket.nextDueAt >= now) return (reply ? t.aimReply : t.aimSolve)({ time });
  return (reply ? t.lateReply : t.lateSolve)({ time });
}
