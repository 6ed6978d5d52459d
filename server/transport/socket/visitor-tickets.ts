// The widget's ticket events: support status, the user's tickets, the guided form, replies, call-backs, upload grants.
import { ATTACHMENT_TYPES, TICKET_LIMITS } from '../../../shared/ticket-limits';
import { DomainError } from '../../domain/errors';
import type { Organisation } from '../../domain/records';
import type { SupportServices } from '../../domain/services';
import type { Ticket } from '../../domain/tickets/ticket-records';
import type { HandlerContext, OnVisitorRequest } from './handler';
import type { VisitorSocket } from './types';

/** Where the widget uploads a ticket's files (relative to the support server). */
export const visitorUploadPath = (ticketId: string): string => `/api/visitor/tickets/${ticketId}/attachments`;

export function listenForTickets(on: OnVisitorRequest, socket: VisitorSocket, services: SupportServices, ctx: HandlerContext): void {
  const { tickets, creation, views, grants, support } = services.tickets;
  const { user } = socket.data;
  const who = { connection: socket.id, actor: user.id };
  const { floods } = services;

  /** Fresh each time: an admin may have changed the hotline since the widget connected. */
  const organisation = async (): Promise<Organisation> => (await support.organisationOf(user)) ?? socket.data.organisation;
  const detail = async (ticket: Ticket) => views.customerDetail(ticket, await organisation(), user);

  // The badge is right from the first moment after every (re)connect, before the user opens anything.
  void tickets.unseenCount(user.id).then(
    (count) => socket.emit('tickets:unread', { count }),
    (error: unknown) => ctx.log.error({ err: error }, 'could not count unread ticket updates'),
  );

  on('support:status', async () => support.status(await organisation()));

  on('tickets:list', async () => views.customerList(await tickets.listForCustomer(user)));

  on('ticket:get', async ({ ticketId }) => detail(await tickets.ownedBy(user, ticketId)));

  on('ticket:create', async (input) => {
    await floods.take('visitor.ticket', who);
    return detail(await creation.byCustomer(await organisation(), user, input));
  });

  on('ticket:reply', async ({ ticketId, clientId, text }) => {
    // A reply is a message like any other: the same bucket.
    await floods.take('visitor.message', who);
    return detail(await tickets.customerReply(user, ticketId, clientId, text));
  });

  on('ticket:callback', async ({ ticketId, phone, preferredTime }) => {
    await floods.take('visitor.callback', who);
    return detail(await tickets.requestCallback(user, ticketId, phone, preferredTime));
  });

  on('ticket:seen', async ({ ticketId }) => {
    await tickets.markSeen(user, ticketId);
    return { count: await tickets.unseenCount(user.id) };
  });

  on('ticket:upload-grant', async ({ ticketId }) => {
    await floods.take('visitor.upload', who);
    const ticket = await tickets.ownedBy(user, ticketId);
    if (ticket.status === 'closed') throw new DomainError('ticket_closed', 'This ticket is closed');
    const { token, expiresAt } = grants.issue(await organisation(), user, 'upload', ticket.id);
    return { url: visitorUploadPath(ticket.id), token, expiresAt, maxBytes: TICKET_LIMITS.attachmentBytes, types: Object.keys(ATTACHMENT_TYPES) };
  });
}
