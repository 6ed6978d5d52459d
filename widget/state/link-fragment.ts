// Opens the widget where a reply email's link points: `#cs-chat` the chat, `#cs-ticket=CS-000123` that ticket.
// Read at start and when the fragment changes, then removed from the address so a reload does not reopen it.
import { $connection } from './session';
import { showTickets } from './tickets';
import { openPanel } from './ui';
import { request } from './wire';

export function watchLinkFragment(): void {
  const read = (): void => {
    const match = /^#cs-(?:chat|ticket=(CS-\d{1,12}))$/i.exec(location.hash);
    if (!match) return;
    history.replaceState(history.state, '', location.pathname + location.search);
    const number = match[1]?.toUpperCase();
    // The list first: the ticket's id comes from it once connected (the link carries only the number).
    showTickets(number ? { view: 'list' } : null);
    openPanel();
    if (!number) return;
    const stop = $connection.subscribe((state) => {
      if (state !== 'online') return;
      queueMicrotask(() => stop());
      request('tickets:list', {}).then(
        (r) => {
          const ticket = r.ok && r.data.find((t) => t.number === number);
          if (ticket) showTickets({ view: 'ticket', ticketId: ticket.id });
        },
        () => {},
      );
    });
  };
  read();
  addEventListener('hashchange', read);
}
