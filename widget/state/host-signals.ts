// Turns the widget's state into the host page's events (`ClassroomSupport.on`): open/close, the badge count,
// ticket changes, refusals. One hub per page, shared by the script tag and the npm entry.
import type { VisitorTicketSummary } from '../../shared/ticket-model';
import { createHostEvents } from '../host-events';
import type { TicketUpdatedEvent } from '../public-api';
import { $badge } from './badge';
import { $connectionError, $connectionErrorCode } from './session';
import { ticketListeners } from './tickets';
import { $open } from './ui';

export const hostEvents = createHostEvents();

const sameTicket = (a: TicketUpdatedEvent | undefined, b: TicketUpdatedEvent) =>
  a?.status === b.status && a.hasNewReply === b.hasNewReply;

/** Started with the widget (after init), so nothing fires for a page that never initialised it. */
export function watchHostSignals(): void {
  $open.listen((open) => hostEvents.emit(open ? 'open' : 'close'));
  // The same store the launcher reads, so the host's badge and ours never disagree; sent only when it changes.
  let count = $badge.get();
  hostEvents.emit('unread', count);
  $badge.listen((next) => {
    if (next === count) return;
    count = next;
    hostEvents.emit('unread', next);
  });
  // The server pushes a ticket's row again when the user merely looks at it: tell the host only of real changes.
  const known = new Map<string, TicketUpdatedEvent>();
  ticketListeners.add((ticket: VisitorTicketSummary) => {
    const event: TicketUpdatedEvent = { number: ticket.number, status: ticket.status, hasNewReply: ticket.unread > 0 };
    if (sameTicket(known.get(ticket.id), event)) return;
    known.set(ticket.id, event);
    hostEvents.emit('ticket:updated', event);
  });
  $connectionError.listen((error) => {
    if (error) hostEvents.emit('error', { code: $connectionErrorCode.get() ?? 'connection_refused', message: error.message });
  });
}
