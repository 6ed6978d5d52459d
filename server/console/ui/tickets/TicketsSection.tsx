// The Tickets section: the filtered list beside the open ticket.
import { useStore } from '@nanostores/preact';
import { $openTicket } from '../../state/open-ticket';
import { TicketList } from './TicketList';
import { TicketView } from './TicketView';
import './tickets.css';

export function TicketsSection() {
  const open = useStore($openTicket);
  return (
    // data-ticket-open lets narrow screens show either the list or the ticket, not both.
    <main class="tickets" data-ticket-open={open ? 'true' : 'false'}>
      <TicketList />
      <TicketView />
    </main>
  );
}
