// The Tickets list: the filter, the tickets matching it sorted by next deadline, kept live by ticket:updated.
import { atom } from 'nanostores';
import type { TicketSummary } from '../../../shared/ticket-model';
import { ticketsApi, type TicketQuery } from '../tickets-api';

export const DEFAULT_QUERY: TicketQuery = { status: 'active', priority: '', assignee: '', sla: '' };

export const $ticketQuery = atom<TicketQuery>(DEFAULT_QUERY);
export const $tickets = atom<TicketSummary[]>([]);
export const $ticketList = atom<{ loaded: boolean; loading: boolean; error: string | null }>({ loaded: false, loading: false, error: null });

const ACTIVE = ['new', 'open', 'pending'];

/** The server's filter, applied to one ticket, so live updates join or leave the list as the server would. */
export function matchesQuery(ticket: TicketSummary, q: TicketQuery, myId: string | null): boolean {
  if (q.status === 'active' ? !ACTIVE.includes(ticket.status) : q.status !== 'all' && ticket.status !== q.status) return false;
  if (q.priority && ticket.priority !== q.priority) return false;
  if (q.assignee === 'me' && ticket.assignee?.id !== myId) return false;
  if (q.assignee === 'unassigned' && ticket.assignee !== null) return false;
  if (q.assignee && q.assignee !== 'me' && q.assignee !== 'unassigned' && ticket.assignee?.id !== q.assignee) return false;
  if (q.sla === 'atRisk' && ticket.sla.state !== 'at_risk') return false;
  if (q.sla === 'breached' && ticket.sla.state !== 'breached') return false;
  return true;
}

/** Next deadline first (overdue ones are earliest), tickets without one last; then the latest change first. */
export function byDeadline(a: TicketSummary, b: TicketSummary): number {
  const da = a.sla.nextDueAt ?? Infinity;
  const db = b.sla.nextDueAt ?? Infinity;
  if (da !== db) return da - db;
  return b.updatedAt - a.updatedAt || b.number.localeCompare(a.number);
}

/** Puts one changed ticket where it belongs: in the list (sorted) if it matches, out of it otherwise. */
export function placeTicket(list: TicketSummary[], ticket: TicketSummary, q: TicketQuery, myId: string | null): TicketSummary[] {
  const rest = list.filter((t) => t.id !== ticket.id);
  return matchesQuery(ticket, q, myId) ? [...rest, ticket].sort(byDeadline) : rest;
}

let requested = 0;

export async function loadTickets(): Promise<void> {
  const mine = ++requested;
  $ticketList.set({ ...$ticketList.get(), loading: true, error: null });
  const result = await ticketsApi.list($ticketQuery.get());
  // A newer filter was chosen while this one was loading: its answer wins.
  if (mine !== requested) return;
  if (result.ok) $tickets.set([...result.data].sort(byDeadline));
  $ticketList.set({ loaded: true, loading: false, error: result.ok ? null : result.error.message });
}

export function setTicketQuery(change: Partial<TicketQuery>): void {
  $ticketQuery.set({ ...$ticketQuery.get(), ...change });
  void loadTickets();
}

export function resetTicketList(): void {
  requested++;
  $ticketQuery.set(DEFAULT_QUERY);
  $tickets.set([]);
  $ticketList.set({ loaded: false, loading: false, error: null });
}
