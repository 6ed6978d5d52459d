// Where chats and tickets meet: copy a chat's history into a ticket, and tell the chat about the ticket.
import { formatTicketNumber, type TranscriptLine } from '../../../shared/ticket-model';
import { LIMITS } from '../../../shared/limits';
import type { Notice } from '../../../shared/notices';
import { ChatJournal } from '../routing/chat-journal';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Conversation } from '../records';
import type { Ticket } from './ticket-records';

/** A ticket keeps at most this many chat lines (the newest chats are short; this bounds a runaway one). */
const TRANSCRIPT_LINES = 2000;

export interface TicketChatDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  newId: () => string;
}

export class TicketChat {
  private readonly journal: ChatJournal;

  constructor(private readonly deps: TicketChatDeps) {
    this.journal = new ChatJournal(deps);
  }

  /** The chat's messages, oldest first, as the ticket keeps them. */
  async transcript(conversationId: string): Promise<TranscriptLine[]> {
    const lines: TranscriptLine[] = [];
    let afterSeq = 0;
    while (lines.length < TRANSCRIPT_LINES) {
      const page = await this.deps.store.listMessagesAfter(conversationId, afterSeq, LIMITS.historyPage);
      for (const m of page)
        lines.push({
          authorKind: m.authorKind,
          authorName: m.authorName,
          text: m.text,
          ...(m.notice ? { notice: m.notice } : {}),
          createdAt: m.createdAt,
        });
      if (page.length < LIMITS.historyPage) break;
      afterSeq = page[page.length - 1]!.seq;
    }
    return lines.slice(0, TRANSCRIPT_LINES);
  }

  /**
   * Tells the chat about its ticket. A chat still waiting in the queue is closed: the user chose the
   * ticket over waiting, and no agent should pick up a chat whose user has left.
   */
  async linkTicket(conversation: Conversation, ticket: Ticket, byCustomer: boolean): Promise<void> {
    const number = formatTicketNumber(ticket.number);
    const notice: Notice = byCustomer
      ? { code: 'chat_ticket_by_customer', ticket: number }
      : { code: 'chat_ticket_by_agent', ticket: number, subject: ticket.subject };
    if (conversation.status === 'closed') return;
    await this.journal.tellUser(conversation.id, notice);
    if (byCustomer && conversation.status === 'queued') await this.closeQueued(conversation.id);
  }

  private async closeQueued(conversationId: string): Promise<void> {
    const { store, events, clock } = this.deps;
    if (!(await store.closeConversation(conversationId, clock.now()))) return;
    const closed = await store.getConversation(conversationId);
    if (closed) events.emit({ type: 'conversation.closed', conversation: closed });
    events.emit({ type: 'queue.changed' });
  }
}
