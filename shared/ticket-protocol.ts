// Ticket events of the wire protocol; protocol.ts folds them into the namespaces' event maps. See docs/protocol.md.
import type * as v from 'valibot';
import type { Result } from './errors';
import type { TicketAlert, TicketSummary, SupportStatus, UploadGrant, VisitorTicketDetail, VisitorTicketSummary } from './ticket-model';
import type { CallbackRequestSchema, EmptySchema, TicketRefSchema, VisitorCreateTicketSchema, VisitorReplySchema } from './ticket-schemas';

type Ack<T> = (result: Result<T>) => void;

export type Empty = v.InferInput<typeof EmptySchema>;
export type TicketRef = v.InferInput<typeof TicketRefSchema>;
export type VisitorCreateTicket = v.InferInput<typeof VisitorCreateTicketSchema>;
export type VisitorReply = v.InferInput<typeof VisitorReplySchema>;
export type CallbackRequest = v.InferInput<typeof CallbackRequestSchema>;

export interface TicketUnread {
  /** Updates from support the user has not looked at, over all their tickets. */
  count: number;
}

export interface VisitorTicketClientEvents {
  'support:status': (payload: Empty, ack: Ack<SupportStatus>) => void;
  'tickets:list': (payload: Empty, ack: Ack<VisitorTicketSummary[]>) => void;
  'ticket:get': (payload: TicketRef, ack: Ack<VisitorTicketDetail>) => void;
  'ticket:create': (payload: VisitorCreateTicket, ack: Ack<VisitorTicketDetail>) => void;
  'ticket:reply': (payload: VisitorReply, ack: Ack<VisitorTicketDetail>) => void;
  'ticket:callback': (payload: CallbackRequest, ack: Ack<VisitorTicketDetail>) => void;
  'ticket:seen': (payload: TicketRef, ack: Ack<TicketUnread>) => void;
  'ticket:upload-grant': (payload: TicketRef, ack: Ack<UploadGrant>) => void;
}

export interface VisitorTicketServerEvents {
  'ticket:updated': (ticket: VisitorTicketSummary) => void;
  'tickets:unread': (unread: TicketUnread) => void;
}

export interface AgentTicketServerEvents {
  'ticket:updated': (ticket: TicketSummary) => void;
  'ticket:alert': (alert: TicketAlert) => void;
}
