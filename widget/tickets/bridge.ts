// What the lazily loaded tickets view gets from the widget: the widget's one connection, its live ticket events
// and what the visitor wrote in the chat. Types only, so importing it costs the start-up bundle nothing.
import type { Urgency } from '../../shared/chat-priority';
import type { Result } from '../../shared/errors';
import type { ClientContextInput } from '../../shared/protocol';
import type { VisitorTicketSummary } from '../../shared/ticket-model';
import type { Reply, RequestName, RequestPayload } from '../state/wire';

/** Which tickets screen shows: the list, one ticket, or the guided form (from the chat, or as a left message). */
export type TicketsRoute = { view: 'list' } | { view: 'ticket'; ticketId: string } | { view: 'new'; fromChat?: boolean; leaveMessage?: boolean };

export interface ChatSoFar {
  /** The open chat, whose history the ticket copies. */
  conversationId: string | null;
  /** Everything the visitor wrote in it, oldest first: stored messages, ones still sending, and the draft. */
  words: string[];
  /** How much the problem stops them, if they said so before the chat. */
  urgency: Urgency | null;
}

export interface TicketsBridge {
  /** The support server's origin, for file transfers. */
  server: string;
  /** The widget's language (BCP 47), for system lines in a ticket's history. */
  locale(): string;
  /** Called whenever the widget's language changes (ClassroomSupport.setLocale); returns a function that stops. */
  onLocale(listener: () => void): () => void;
  /** Whose files wait in this browser (app key + user, see upload-owner.ts); null until the server said who it is. */
  owner(): string | null;
  request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<Result<Reply<E>>>;
  /** Live ticket changes from the server; returns a function that stops listening. */
  onTicketUpdated(listener: (ticket: VisitorTicketSummary) => void): () => void;
  /** Called after every (re)connect, to fetch what may have been missed. */
  onReconnect(listener: () => void): () => void;
  /** The classroom context and environment the widget would send now. */
  context(): ClientContextInput;
  chat(): ChatSoFar;
  /** The visitor's words went into a ticket: clear the chat's draft. */
  clearChatDraft(): void;
  setUnread(count: number): void;
  navigate(route: TicketsRoute | null): void;
}

export interface MountedTickets {
  navigate(route: TicketsRoute): void;
  unmount(): void;
}
