// Tickets in the start-up bundle: the unread count (launcher and tab), which tickets screen shows, whether anyone
// can answer now; everything else lives in the lazily loaded tickets view (widget/tickets/).
import { atom, computed } from 'nanostores';
import type { SupportStatus, VisitorTicketSummary } from '../../shared/ticket-model';
import type { TicketsRoute } from '../tickets/bridge';
import { $conversation } from './conversation';
import { $connection } from './session';
import { $open } from './ui';
import { request } from './wire';

/** Where the tickets view and files come from; whose files wait in this browser (see tickets-bridge.ts). */
export const tickets = { server: '', appKey: '' };
export const $ticketsUnread = atom(0);
/** null while the chat shows. */
export const $ticketsRoute = atom<TicketsRoute | null>(null);
export const $support = atom<SupportStatus | null>(null);
/**
 * Outside the support plan's hours with no chat going on: the widget offers a ticket instead of the queue. A chat
 * that was already waiting or under way when the desk closed keeps its place and its composer.
 */
export const $closedNow = computed(
  [$support, $conversation],
  (support, conversation) => support !== null && !support.hours.open && (!conversation || conversation.status === 'closed'),
);
export const ticketListeners = new Set<(ticket: VisitorTicketSummary) => void>();

export const showTickets = (route: TicketsRoute | null): void => $ticketsRoute.set(route);
export const receiveTicket = (ticket: VisitorTicketSummary): void => {
  for (const listener of ticketListeners) listener(ticket);
};

/** Can someone answer now? Asked when the panel opens, after a reconnect and when the chat changes. */
function checkSupport(): void {
  if ($open.get() && $connection.get() === 'online')
    request('support:status', {}).then(
      (r) => r.ok && $support.set(r.data),
      () => {},
    );
}
$open.listen(checkSupport);
$connection.listen(checkSupport);
$conversation.listen(checkSupport);
