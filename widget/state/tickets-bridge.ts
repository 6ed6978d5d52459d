// What the lazily loaded tickets view gets from the widget (see tickets/bridge.ts), and the one reason to load
// it unasked: ticket files an earlier page saved and the server has not acknowledged yet.
import { $locale } from '../i18n/locale';
import { loadTicketsView } from '../lazy';
import type { TicketsBridge } from '../tickets/bridge';
import { uploadsOwner, uploadsWaiting } from '../tickets/upload-owner';
import { $conversation, $messages } from './conversation';
import { currentContext } from './host-context';
import { $outbox } from './outbox';
import { $connection, $user } from './session';
import { $ticketsUnread, showTickets, ticketListeners, tickets } from './tickets';
import { $draft } from './ui';
import { help } from './help';
import { $urgency } from './urgency';
import { request } from './wire';

export const ticketsBridge = (): TicketsBridge => ({
  server: tickets.server,
  locale: () => help.locale,
  onLocale: (listener) => $locale.listen(() => listener()),
  owner: () => {
    const user = $user.get();
    return user ? uploadsOwner(tickets.appKey, user.id) : null;
  },
  request,
  onTicketUpdated: (listener) => {
    ticketListeners.add(listener);
    return () => ticketListeners.delete(listener);
  },
  onReconnect: (listener) => $connection.listen((c) => c === 'online' && listener()),
  context: currentContext,
  chat: () => {
    const conversation = $conversation.get();
    const open = conversation && conversation.status !== 'closed';
    const mine = $messages
      .get()
      .filter((m) => m.authorKind === 'visitor')
      .map((m) => m.text);
    return {
      conversationId: open ? conversation.id : null,
      words: [...(open ? mine : []), ...$outbox.get().map((o) => o.text), $draft.get()].filter((w) => w.trim()),
      urgency: $urgency.get(),
    };
  },
  clearChatDraft: () => $draft.set(''),
  setUnread: (count) => $ticketsUnread.set(count),
  navigate: showTickets,
});

// Once the server says who the visitor is: files saved by an earlier page go out now, not when Tickets is opened.
$user.listen((user) => {
  if (user && uploadsWaiting(uploadsOwner(tickets.appKey, user.id))) {
    loadTicketsView(tickets.server).then(
      (view) => view.startUploads(ticketsBridge()),
      () => {},
    );
  }
});
