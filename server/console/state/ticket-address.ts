// The browser's address follows the open ticket (/console/tickets/CS-000123), so it can be copied and shared;
// a console started at such an address (a link in an email, a page or a webhook) opens that ticket once the
// agent is signed in — after the sign-in form, if there was no session.
import { consoleTicketPath, ticketRefFromPath } from '../../../shared/console-links';
import { $authPhase } from './me';
import { $openTicket, showTicket, TICKETS_SECTION } from './open-ticket';
import { $section } from './section';

const CONSOLE_HOME = '/console/';

function place(path: string): void {
  if (location.pathname !== path) history.replaceState(null, '', path + location.search);
}

export function followTicketAddress(): void {
  let asked = ticketRefFromPath(location.pathname);
  $authPhase.subscribe((phase) => {
    if (phase !== 'signed-in' || !asked) return;
    const ref = asked;
    asked = null;
    showTicket(ref);
  });
  const follow = () => {
    // Until the asked-for ticket is open, the address keeps pointing at it (a reload still finds it).
    if ($authPhase.get() !== 'signed-in' || asked) return;
    const open = $openTicket.get();
    if (open && $section.get() === TICKETS_SECTION) place(consoleTicketPath(open.number));
    else if (ticketRefFromPath(location.pathname)) place(CONSOLE_HOME);
  };
  $openTicket.listen(follow);
  $section.listen(follow);
}
