// Carries ticket events to sockets: every console's ticket list, the alerted agents, and the customer's widget.
import { renderNotice, type TicketAlertNotice } from '../../../shared/notices';
import { formatTicketNumber } from '../../../shared/ticket-model';
import type { SupportServices } from '../../domain/services';
import type { Ticket } from '../../domain/tickets/ticket-records';
import type { TicketDomainEvent } from '../../domain/tickets/ticket-events';
import { agentRoom, endUserRoom } from './rooms';
import type { AgentNamespace, VisitorNamespace } from './types';

export function ticketFanOut(
  { tickets: { views, tickets } }: SupportServices,
  visitors: VisitorNamespace,
  agents: AgentNamespace,
): (event: TicketDomainEvent) => Promise<void> {
  /** The customer's widget: the ticket's row and their unread total (also what the launcher badge shows). */
  async function toCustomer(ticket: Ticket): Promise<void> {
    if (!ticket.endUserId) return;
    const room = endUserRoom(ticket.endUserId);
    const [row, count] = await Promise.all([views.forCustomer(ticket), tickets.unseenCount(ticket.endUserId)]);
    visitors.to(room).emit('ticket:updated', row);
    visitors.to(room).emit('tickets:unread', { count });
  }

  return async (event) => {
    switch (event.type) {
      case 'ticket.changed':
        // Every agent may list every ticket. The customer hears only of changes they can see.
        agents.emit('ticket:updated', await views.summaryOf(event.ticket));
        if (event.events.some((e) => e.public)) await toCustomer(event.ticket);
        return;
      case 'ticket.alert': {
        const { kind, recipients } = event.alert;
        const notice = { ...event.alert.notice, ticket: formatTicketNumber(event.ticket.number) } as TicketAlertNotice;
        // `message` is the English rendering, for clients that do not render codes yet.
        const alert = { kind, notice, message: renderNotice(notice, 'en'), at: event.at, ticket: await views.summaryOf(event.ticket) };
        agents.to(recipients.map(agentRoom)).emit('ticket:alert', alert);
        return;
      }
      case 'ticket.seen':
        await toCustomer(event.ticket);
        return;
    }
  };
}
