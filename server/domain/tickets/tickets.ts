// Working a ticket: replies and internal notes, status/priority/assignee changes, the customer's replies and call-backs.
import { formatTicketNumber, parseTicketNumber } from '../../../shared/ticket-model';
import type { CommentInput, UpdateTicketInput } from '../../../shared/ticket-schemas';
import { TICKET_LIMITS } from '../../../shared/ticket-limits';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { EndUser } from '../records';
import { retarget, type SlaPolicies } from '../sla/sla-policies';
import { actorRef, reaches, scopeOf, type StaffActor } from './ticket-actors';
import { clientKeyOf, type TicketCreation } from './ticket-creation';
import type { EventDraft, TicketAlertDraft } from './ticket-events';
import type { CallbackRecord, Ticket, TicketEventRecord, TicketFilter } from './ticket-records';
import { customerReplyEffect, moveTo, staffMayMove } from './ticket-workflow';
import type { TicketChange, TicketWriter } from './ticket-writes';

export interface TicketsDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  events: DomainEvents;
  writer: TicketWriter;
  policies: SlaPolicies;
  creation: TicketCreation;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Tickets {
  constructor(private readonly deps: TicketsDeps) {}

  /** A ticket by id or by its number ("CS-000123"), for the support team. */
  async get(ref: string): Promise<Ticket> {
    const number = parseTicketNumber(ref);
    const ticket = number !== null ? await this.deps.store.getTicketByNumber(number) : UUID.test(ref) ? await this.deps.store.getTicket(ref) : null;
    if (!ticket) throw new DomainError('not_found', 'No such ticket');
    return ticket;
  }

  /** A ticket as `actor` may see it: an API token outside its organisation scope finds nothing there. */
  async getFor(actor: StaffActor, ref: string): Promise<Ticket> {
    const ticket = await this.get(ref);
    if (!reaches(actor, ticket.organisationId)) throw new DomainError('not_found', 'No such ticket');
    return ticket;
  }

  /** Tickets matching `filter`, within what `actor` may reach. */
  listFor(actor: StaffActor, filter: TicketFilter): Promise<Ticket[]> {
    const scope = scopeOf(actor);
    return this.deps.store.listTickets(scope ? { ...filter, organisationId: scope } : filter);
  }

  /** The customer's own ticket; someone else's looks exactly like one that does not exist. */
  async ownedBy(user: EndUser, ticketId: string): Promise<Ticket> {
    const ticket = await this.deps.store.getTicket(ticketId);
    if (!ticket || ticket.endUserId !== user.id) throw new DomainError('not_found', 'No such ticket');
    return ticket;
  }

  list(filter: TicketFilter): Promise<Ticket[]> {
    return this.deps.store.listTickets(filter);
  }

  listForCustomer(user: EndUser): Promise<Ticket[]> {
    return this.deps.store.listTicketsOfEndUser(user.id, TICKET_LIMITS.listPage);
  }

  /**
   * A public reply (the customer sees it) or an internal note (never shown to the customer). The first
   * public reply from support meets the first-response target and opens a new ticket.
   */
  async comment(actor: StaffActor, ref: string, input: CommentInput): Promise<{ ticket: Ticket; event: TicketEventRecord }> {
    const ticket = await this.getFor(actor, ref);
    const by = actorRef(actor);
    const clientKey = clientKeyOf(by.kind, by.id, input.clientId) ?? `${by.kind}:${by.id}:${this.deps.newId()}`;
    const repeat = await this.deps.store.findTicketEventByClientKey(ticket.id, clientKey);
    if (repeat) return { ticket, event: repeat };
    const isPublic = input.visibility === 'public';
    const saved = await this.deps.writer.mutate(ticket.id, async (current, now) => {
      // A resend racing the original: whichever writes second finds the first already stored.
      if (await this.deps.store.findTicketEventByClientKey(current.id, clientKey)) return null;
      if (current.status === 'closed') throw new DomainError('ticket_closed', 'This ticket is closed');
      const event: EventDraft = { kind: isPublic ? 'reply' : 'note', actor: by, public: isPublic, text: input.text, clientKey };
      let next = current;
      if (isPublic && next.firstResponseAt === null) next = { ...next, firstResponseAt: now };
      const events = [event];
      if (isPublic && next.status === 'new') {
        next = moveTo(next, 'open', now);
        events.push({ kind: 'status', actor: by, public: true, data: { from: 'new', to: 'open' } });
      }
      return { ticket: next, events };
    });
    const event = saved.events.find((e) => e.clientKey === clientKey) ?? (await this.deps.store.findTicketEventByClientKey(ticket.id, clientKey));
    return { ticket: saved.ticket, event: event as TicketEventRecord };
  }

  /** Status, priority and assignee changes by the support team. */
  async update(actor: StaffActor, ref: string, input: UpdateTicketInput): Promise<Ticket> {
    const ticket = await this.getFor(actor, ref);
    const by = actorRef(actor);
    const assignee = input.assigneeId ? await this.deps.store.getAgent(input.assigneeId) : null;
    if (input.assigneeId && !assignee?.active) throw new DomainError('not_found', 'No such agent');
    const policy = input.priority ? await this.deps.policies.forTicket(ticket.sla) : null;

    const saved = await this.deps.writer.mutate(ticket.id, (current, now) => {
      if (current.status === 'closed') throw new DomainError('ticket_closed', 'This ticket is closed');
      let next = current;
      const events: EventDraft[] = [];
      const alerts: TicketAlertDraft[] = [];
      if (input.priority && input.priority !== next.priority && policy) {
        events.push({ kind: 'priority', actor: by, public: true, data: { from: next.priority, to: input.priority } });
        next = { ...next, priority: input.priority, sla: retarget(next.sla, policy, input.priority) };
      }
      if (input.assigneeId !== undefined && input.assigneeId !== next.assigneeId) {
        next = { ...next, assigneeId: assignee?.id ?? null, level: assignee?.tier ?? next.level };
        events.push({ kind: 'assigned', actor: by, public: true, data: { assigneeName: assignee?.name ?? null } });
        if (assignee && assignee.id !== by.id) {
          alerts.push({ kind: 'assigned', notice: { code: 'alert_assigned', created: false }, recipients: [assignee.id] });
        }
      }
      if (input.status && input.status !== next.status) {
        if (!staffMayMove(next.status, input.status)) {
          throw new DomainError('invalid_transition', `A ${next.status} ticket cannot become ${input.status}`);
        }
        events.push({ kind: 'status', actor: by, public: true, data: { from: next.status, to: input.status } });
        next = moveTo(next, input.status, now);
      }
      return events.length ? { ticket: next, events, alerts } : null;
    });
    return saved.ticket;
  }

  /**
   * The customer writes on their ticket. Waiting on them → open again; solved less than 7 days ago →
   * reopened; closed (or solved longer ago) → a new ticket that links back. Returns where the reply landed.
   */
  async customerReply(user: EndUser, ticketId: string, clientId: string, text: string): Promise<Ticket> {
    const { store, writer, creation } = this.deps;
    const ticket = await this.ownedBy(user, ticketId);
    const clientKey = clientKeyOf('customer', user.id, clientId) as string;
    if (await store.findTicketEventByClientKey(ticket.id, clientKey)) return ticket;
    const earlierFollowUp = await store.findTicketByClientKey(clientKey);
    if (earlierFollowUp) return earlierFollowUp;

    const by = { kind: 'customer' as const, id: user.id, name: user.name };
    let followUp = false;
    const saved = await writer.mutate(ticket.id, async (current, now): Promise<TicketChange | null> => {
      if (await store.findTicketEventByClientKey(current.id, clientKey)) return null;
      const effect = customerReplyEffect(current, now);
      if (effect === 'follow_up') {
        followUp = true;
        return null;
      }
      const events: EventDraft[] = [{ kind: 'reply', actor: by, public: true, text, clientKey }];
      let next = current;
      if (effect === 'resume' || effect === 'reopen') {
        events.push({
          kind: 'status',
          actor: by,
          public: true,
          data: { from: current.status, to: 'open', reason: effect === 'reopen' ? 'reopened' : 'customer_reply' },
        });
        next = moveTo(current, 'open', now);
      }
      return { ticket: next, events, seenByCustomer: true };
    });
    if (!followUp) return saved.ticket;

    const { ticket: created, created: isNew } = await creation.followUp(user, saved.ticket, clientKey, text);
    if (isNew) {
      await writer.mutate(ticket.id, (current) => ({
        ticket: current,
        events: [{ kind: 'linked', actor: by, public: true, data: { ticketNumber: formatTicketNumber(created.number) } }],
        seenByCustomer: true,
      }));
    }
    return created;
  }

  /** The customer asks to be called back (P1 only); every agent's console raises an alarm. */
  async requestCallback(user: EndUser, ticketId: string, phone: string, preferredTime: string): Promise<Ticket> {
    const { store, writer, newId } = this.deps;
    const ticket = await this.ownedBy(user, ticketId);
    if (ticket.priority !== 'P1') throw new DomainError('forbidden', 'Call-backs are for urgent (P1) tickets; reply on the ticket instead');
    const everyone = (await store.listActiveAgents()).map((a) => a.id);
    const by = { kind: 'customer' as const, id: user.id, name: user.name };
    const saved = await writer.mutate(ticket.id, (current, now) => {
      if (current.status === 'closed') throw new DomainError('ticket_closed', 'This ticket is closed');
      return {
        ticket: current,
        events: [{ kind: 'callback_requested', actor: by, public: true, data: { phone, preferredTime } }],
        callback: {
          id: newId(),
          ticketId: current.id,
          phone,
          preferredTime,
          createdAt: now,
          acknowledgedAt: null,
          acknowledgedBy: null,
          acknowledgedByName: null,
        },
        alerts: [
          {
            kind: 'callback',
            notice: { code: 'alert_callback', user: user.name, phone, preferredTime },
            recipients: everyone,
          },
        ],
        seenByCustomer: true,
      };
    });
    return saved.ticket;
  }

  /** An agent takes on a call-back request; the alarm stops and the customer is told. */
  async acknowledgeCallback(actor: StaffActor, ref: string, callbackId: string): Promise<Ticket> {
    const { store, writer } = this.deps;
    const ticket = await this.getFor(actor, ref);
    const by = actorRef(actor);
    const saved = await writer.mutate(ticket.id, async (current, now) => {
      const callback = (await store.listCallbacks(current.id)).find((c) => c.id === callbackId);
      if (!callback) throw new DomainError('not_found', 'No such call-back request');
      if (callback.acknowledgedAt !== null) return null;
      return {
        ticket: current,
        events: [{ kind: 'callback_acknowledged', actor: by, public: true, data: { phone: callback.phone } }],
        acknowledgeCallback: { id: callback.id, agentId: by.id as string, agentName: by.name, at: now },
      };
    });
    return saved.ticket;
  }

  /** Call-back requests nobody has taken yet, over all tickets, each with its ticket. */
  async openCallbacks(): Promise<{ callback: CallbackRecord; ticket: Ticket }[]> {
    const open = await this.deps.store.listOpenCallbacks();
    return Promise.all(open.map(async (callback) => ({ callback, ticket: await this.get(callback.ticketId) })));
  }

  /** Updates from support the customer has not looked at, over all their tickets (the widget's badge). */
  unseenCount(endUserId: string): Promise<number> {
    return this.deps.store.countUnseenTicketUpdates(endUserId);
  }

  /** The customer looked at the ticket: its updates are no longer unread. */
  async markSeen(user: EndUser, ticketId: string): Promise<Ticket> {
    const ticket = await this.ownedBy(user, ticketId);
    if (ticket.customerSeenSeq < ticket.customerSeq) {
      await this.deps.store.markTicketSeen(ticket.id, ticket.customerSeq);
      const seen = { ...ticket, customerSeenSeq: ticket.customerSeq };
      this.deps.events.emit({ type: 'ticket.seen', ticket: seen });
      return seen;
    }
    return ticket;
  }
}
