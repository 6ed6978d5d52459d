// Every ticket write goes through here: read, fire what is due, change, save conditionally on the version, announce.
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import { withSlaPoints } from '../sla/sla';
import { fireDue } from '../sla/sla-firing';
import type { EventDraft, TicketAlertDraft } from './ticket-events';
import type { NewTicket, Ticket, TicketEventRecord, TicketWrite } from './ticket-records';

export interface TicketChange extends Omit<TicketWrite, 'events'> {
  ticket: Ticket;
  events: EventDraft[];
  alerts?: TicketAlertDraft[];
  /** The customer acted on the ticket, so they have seen every update so far. */
  seenByCustomer?: boolean;
}

/** A stored write: the ticket as saved and the history entries it got. */
export interface Saved {
  ticket: Ticket;
  events: TicketEventRecord[];
}

/** Works out the change from the current ticket; null means "nothing to do". May throw a DomainError. */
export type Mutation = (ticket: Ticket, now: number) => Promise<TicketChange | null> | TicketChange | null;

export interface TicketWriterDeps {
  store: Store;
  clock: Clock;
  events: DomainEvents;
  newId: () => string;
}

/** Concurrent writers retry on a fresh read; more than this many lost races in a row is reported as a conflict. */
const MAX_ATTEMPTS = 8;

export class TicketWriter {
  constructor(private readonly deps: TicketWriterDeps) {}

  /** Stores a new ticket (the store numbers it) and announces it. */
  async create(draft: NewTicket, events: EventDraft[], alerts: TicketAlertDraft[] = []): Promise<{ ticket: Ticket; created: boolean }> {
    const now = draft.createdAt;
    const records = this.records(draft.id, 0, events, now);
    const ticket = withSlaPoints({ ...draft, number: 0, eventSeq: records.length, customerSeq: fromSupport(records), customerSeenSeq: 0 });
    const { number: _assigned, ...unnumbered } = ticket;
    const result = await this.deps.store.createTicket(unnumbered, records);
    if (result.created) this.announce(result.ticket, records, alerts, now);
    return result;
  }

  /**
   * Applies `mutation` to the latest stored ticket. SLA points that fell due are fired first, in the same
   * write, so a change never skips a warning or breach that was due before it. The write only lands if
   * nobody else wrote since the read; otherwise it runs again on the fresh ticket.
   */
  async mutate(ticketId: string, mutation: Mutation): Promise<Saved> {
    const { store, clock } = this.deps;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await store.getTicket(ticketId);
      if (!stored) throw new DomainError('not_found', 'No such ticket');
      const now = clock.now();
      const fired = await fireDue(store, stored, now);
      const change = await mutation(fired.ticket, now);
      if (!change && fired.events.length === 0) return { ticket: stored, events: [] };
      const merged: TicketChange = change
        ? { ...change, events: [...fired.events, ...change.events], alerts: [...(fired.alerts ?? []), ...(change.alerts ?? [])] }
        : fired;
      const saved = await this.save(stored, merged, now);
      if (saved) return saved;
    }
    throw new DomainError('conflict', 'The ticket kept changing; please try again');
  }

  private async save(stored: Ticket, change: TicketChange, now: number): Promise<Saved | null> {
    const records = this.records(stored.id, stored.eventSeq, change.events, now);
    const customerSeq = stored.customerSeq + fromSupport(records);
    const ticket = withSlaPoints({
      ...change.ticket,
      version: stored.version,
      eventSeq: stored.eventSeq + records.length,
      customerSeq,
      customerSeenSeq: change.seenByCustomer ? customerSeq : stored.customerSeenSeq,
      updatedAt: now,
    });
    const { ticket: _t, events: _e, alerts, seenByCustomer: _s, ...extras } = change;
    if (!(await this.deps.store.saveTicket(ticket, { ...extras, events: records }))) return null;
    const saved = { ...ticket, version: ticket.version + 1 };
    this.announce(saved, records, alerts ?? [], now);
    return { ticket: saved, events: records };
  }

  private records(ticketId: string, lastSeq: number, drafts: EventDraft[], now: number): TicketEventRecord[] {
    return drafts.map((draft, i) => ({
      id: this.deps.newId(),
      ticketId,
      seq: lastSeq + i + 1,
      kind: draft.kind,
      actorKind: draft.actor.kind,
      actorId: draft.actor.id,
      actorName: draft.actor.name,
      public: draft.public,
      text: draft.text ?? null,
      data: draft.data ?? {},
      clientKey: draft.clientKey ?? null,
      createdAt: now,
    }));
  }

  private announce(ticket: Ticket, records: TicketEventRecord[], alerts: TicketAlertDraft[], at: number): void {
    const { events } = this.deps;
    events.emit({ type: 'ticket.changed', ticket, events: records });
    for (const alert of alerts) if (alert.recipients.length) events.emit({ type: 'ticket.alert', ticket, alert, at });
  }
}

/**
 * What support wrote to the customer: the unread count of the widget's badge. Status changes, assignments and
 * other system lines show in the ticket's history but are not counted: one reply is one unread (issue 13).
 */
const fromSupport = (records: TicketEventRecord[]): number =>
  records.filter((r) => r.kind === 'reply' && r.public && r.actorKind !== 'customer').length;
