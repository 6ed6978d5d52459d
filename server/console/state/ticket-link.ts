// Wires a new link's ticket events into the ticket stores, and refreshes them after every (re)connect.
import type { AgentLink } from '../transport';
import { $me } from './me';
import { $openTicket, refreshOpenTicket, resetOpenTicket } from './open-ticket';
import { loadCallbackAlarms, receiveTicketAlert, resetTicketAlerts } from './ticket-alerts';
import { $ticketList, $ticketQuery, $tickets, loadTickets, placeTicket, resetTicketList } from './ticket-list';

export function listenForTickets(link: AgentLink): void {
  link.listen('session', () => {
    void loadCallbackAlarms();
    // Whatever changed while the link was down: the list (if it was ever shown) and the open ticket.
    if ($ticketList.get().loaded) void loadTickets();
    void refreshOpenTicket();
  });
  link.listen('ticket:updated', (ticket) => {
    $tickets.set(placeTicket($tickets.get(), ticket, $ticketQuery.get(), $me.get()?.id ?? null));
    if ($openTicket.get()?.id === ticket.id) void refreshOpenTicket();
  });
  link.listen('ticket:alert', receiveTicketAlert);
}

export function resetTickets(): void {
  resetTicketList();
  resetOpenTicket();
  resetTicketAlerts();
}
