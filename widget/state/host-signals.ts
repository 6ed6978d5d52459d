// Turns the widget's state into the host page's events (`ClassroomSupport.on`): open/close, the badge count,
// ticket changes (refusals: session.ts). One hub per page, shared by the script tag and the npm entry.
import type { VisitorTicketSummary } from '../../shared/ticket-model';
import { hostEvents } from './host-hub';
import type { TicketUpdatedEvent } from '../public-api';
import { $badge } from './badge';
import { ticketListeners } from './tickets';
import { $open } from './ui';

export { hostEvents };

/** Started with the widget (after init), so nothing fires for a page that never initialised it. */
export function watchHostSignals(): void {
  $open.listen((open) => hostEvents.emit(open ? 'open' : 'close'));
  // The same store the launcher reads, so the host's badge and ours never disagree. Subscribing tells the count
  // now; nanostores tells only changes after that (a store set to the value it has stays quiet).
  $badge.subscribe((count) => hostEvents.emit('unread', count));
  // The server pushes a ticket's row again when the user merely looks at it: tell the host only of real changes.
  const known = new Map<string, string>();
  ticketListeners.add((ticket: VisitorTicketSummary) => {
    const event: TicketUpdatedEvent = { number: ticket.number, status: ticket.status, hasNewReply: ticket.unread > 0 };
    const seen = event.status + event.hasNewReply;
    if (known.get(ticket.id) === seen) return;
    known.set(ticket.id, seen);
    hostEvents.emit('ticket:updated', event);
  });
}
