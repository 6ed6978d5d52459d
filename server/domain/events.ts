// Domain events (dotted names) and a tiny synchronous bus; transports subscribe to fan them out.
import type { Reader } from '../../shared/read-state';
import type { Agent, Conversation, EndUser, StoredMessage } from './records';
import type { TriedArticle } from '../../shared/articles';
import type { TicketDomainEvent } from './tickets/ticket-events';
import type { IncidentDomainEvent } from './monitoring/incident-events';
import type { ChatMove, InternalNote } from '../../shared/routing-model';
import type { ManagerNotice } from '../../shared/notices';
import type { SatisfactionRecord } from './satisfaction/satisfaction-store';

export type DomainEvent =
  | { type: 'conversation.queued'; conversation: Conversation }
  | { type: 'conversation.assigned'; conversation: Conversation; agent: Agent }
  | { type: 'conversation.closed'; conversation: Conversation }
  | { type: 'conversation.context_changed'; conversation: Conversation }
  /** A chat's attention flag changed: its agent's console dropped past the grace period, or came back. */
  | { type: 'conversation.attention_changed'; conversation: Conversation }
  /** `people`: the chat's user and assignee where the writer knew them already, so fan-out need not read them. */
  | { type: 'message.created'; conversation: Conversation; message: StoredMessage; people?: { endUser?: EndUser; assignee?: Agent | null } }
  | { type: 'conversation.articles_attached'; conversation: Conversation; articles: TriedArticle[] }
  | TicketDomainEvent
  | IncidentDomainEvent
  | { type: 'queue.changed' }
  | { type: 'conversation.moved'; conversation: Conversation; move: ChatMove }
  | { type: 'note.created'; conversation: Conversation; note: InternalNote }
  | { type: 'account_manager.notified'; conversation: Conversation; manager: Agent; notice: ManagerNotice }
  | { type: 'agent.changed'; agent: Agent }
  | { type: 'agent.deactivated'; agent: Agent }
  /** Sessions ended (revoked, a password changed): consoles signed in with them close at once. */
  | { type: 'agent.sessions_ended'; agentId: string; sessionIds: string[] }
  | { type: 'canned_replies.changed' }
  | {
      type: 'conversation.read';
      conversation: Conversation;
      reader: Reader;
      readerId: string;
      seq: number;
      positions: { visitor: number; agent: number };
    }
  | { type: 'visitor.presence_changed'; endUserId: string; online: boolean }
  | { type: 'end_user.erased'; endUserId: string }
  /** A user rated a chat or ticket (CSAT): consoles show it; integrations may forward it. */
  | { type: 'satisfaction.rated'; rating: SatisfactionRecord };

export type DomainEventListener = (event: DomainEvent) => void;

export class DomainEvents {
  private readonly listeners = new Set<DomainEventListener>();

  constructor(private readonly onListenerError: (error: unknown, event: DomainEvent) => void) {}

  on(listener: DomainEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DomainEvent): void {
    // Every listener runs even when one throws: one broken subscriber must not silence the rest.
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
