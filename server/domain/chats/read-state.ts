// Read state: each participant marks how far they have read; marks only move forward, never past the last message.
import { LIMITS } from '../../../shared/limits';
import type { ConversationReads, Reader } from '../../../shared/read-state';
import type { ChatAccess } from './chat-access';
import type { Conversations } from './conversations';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent, Conversation, EndUser } from '../records';

export interface ReadStateDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  conversations: Conversations;
  /** Which conversations an agent may read (and so mark). */
  access: Pick<ChatAccess, 'readable' | 'mayRead'>;
}

export class ReadState {
  constructor(private readonly deps: ReadStateDeps) {}

  /** The visitor has seen their conversation up to `seq`; someone else's conversation is not_found. */
  async markByVisitor(user: EndUser, conversationId: string, seq: number): Promise<number> {
    return this.mark(await this.deps.conversations.ownedBy(user, conversationId), 'visitor', user.id, seq);
  }

  /** An agent has seen a conversation up to `seq` (one they may read; others are forbidden). */
  async markByAgent(agent: Agent, conversationId: string, seq: number): Promise<number> {
    return this.mark(await this.deps.access.readable(agent, conversationId), 'agent', agent.id, seq);
  }

  /**
   * How far the agent and the visitor have read in each of these conversations, and which of the visitor's
   * messages the agent has not read yet (unknown ids, and conversations the agent may not read, are left out).
   */
  async forAgent(agent: Agent, conversationIds: readonly string[]): Promise<Record<string, ConversationReads>> {
    const { store } = this.deps;
    const ids = [...new Set(conversationIds)];
    const marks = await store.readMarksOf('agent', agent.id, ids);
    const reads: Record<string, ConversationReads> = {};
    for (const id of ids) {
      const conversation = await store.getConversation(id);
      if (!conversation || !(await this.deps.access.mayRead(agent, conversation))) continue;
      const mine = marks.get(id) ?? 0;
      const after = await store.listMessagesAfter(id, mine, LIMITS.historyPage);
      const unread = after.filter((message) => message.authorKind === 'visitor').map((message) => message.seq);
      reads[id] = { mine, visitor: (await store.readPositions(id)).visitor, unread };
    }
    return reads;
  }

  private async mark(conversation: Conversation, reader: Reader, readerId: string, seq: number): Promise<number> {
    const { store, events, clock } = this.deps;
    // Nobody can have read a message that does not exist yet.
    const target = Math.min(seq, conversation.lastSeq);
    const { seq: stored, moved } = await store.markRead({
      conversationId: conversation.id,
      readerKind: reader,
      readerId,
      seq: target,
      at: clock.now(),
    });
    if (moved) {
      const positions = await store.readPositions(conversation.id);
      events.emit({ type: 'conversation.read', conversation, reader, readerId, seq: stored, positions });
    }
    return stored;
  }
}
