// Ticket domain events: a ticket changed (with the history entries it got), or someone must be alerted.
import type { TicketAlertNoticeDraft } from '../../../shared/notices';
import type { TicketAlert, TicketEventData, TicketEventKind } from '../../../shared/ticket-model';
import type { ActorRef } from './ticket-actors';
import type { Ticket, TicketEventRecord } from './ticket-records';

/** A history entry before it is numbered and stored. */
export interface EventDraft {
  kind: TicketEventKind;
  actor: ActorRef;
  public: boolean;
  text?: string | null;
  data?: TicketEventData;
  clientKey?: string | null;
}

export interface TicketAlertDraft {
  kind: TicketAlert['kind'];
  /** A code and parameters, rendered by each console in its agent's language; the ticket's number is added when sent. */
  notice: TicketAlertNoticeDraft;
  /** Agent ids to alert. */
  recipients: string[];
}

export type TicketDomainEvent =
  | { type: 'ticket.changed'; ticket: Ticket; events: TicketEventRecord[] }
  | { type: 'ticket.alert'; ticket: Ticket; alert: TicketAlertDraft; at: number }
  /** The customer looked at their ticket: only their unread counts change. */
  | { type: 'ticket.seen'; ticket: Ticket };
