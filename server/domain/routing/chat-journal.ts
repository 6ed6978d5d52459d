// Records every change of hands in a conversation (for agents, with names and notes) and tells the user in
// plain words with a system message in the conversation itself.
import { renderNotice, type Notice } from '../../../shared/notices';
import type { ChatMove } from '../../../shared/routing-model';
import { nowTalkingTo, SUPPORT_AUTHOR } from './chat-move-words';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent, Conversation } from '../records';

export interface ChatJournalDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  newId: () => string;
}

export type MoveDetails = Omit<ChatMove, 'id' | 'conversationId' | 'createdAt'>;

export const personOf = (agent: Pick<Agent, 'id' | 'name'> | null) => (agent ? { id: agent.id, name: agent.name } : null);

export class ChatJournal {
  constructor(private readonly deps: ChatJournalDeps) {}

  /** Stores the move, tells agents following the chat, and (when given) the user. */
  async record(conversationId: string, details: MoveDetails, tellUser: Notice | null): Promise<Conversation> {
    const { store, events, clock, newId } = this.deps;
    const move: ChatMove = { id: newId(), conversationId, createdAt: clock.now(), ...details };
    await store.recordMove(move);
    const conversation = await this.current(conversationId);
    events.emit({ type: 'conversation.moved', conversation, move });
    if (tellUser) return this.tellUser(conversationId, tellUser);
    return conversation;
  }

  /**
   * A queued chat was claimed for `agent`, by routing (`by` null) or picked by hand. Announced before the
   * move is recorded so the agent's consoles are in the conversation's room when the move arrives.
   */
  async assigned(conversationId: string, agent: Agent, by: Agent | null): Promise<Conversation> {
    this.deps.events.emit({ type: 'conversation.assigned', conversation: await this.current(conversationId), agent });
    const kind = by ? 'picked' : 'assigned';
    return this.record(
      conversationId,
      { kind, actor: personOf(by), from: null, to: personOf(agent), toTarget: null, reason: null, note: null },
      nowTalkingTo(agent),
    );
  }

  /** A system message in the conversation: the user (and the agents) read it in the history. */
  async tellUser(conversationId: string, notice: Notice): Promise<Conversation> {
    const { store, events, clock, newId } = this.deps;
    const posted = await store.appendMessage({
      id: newId(),
      conversationId,
      clientId: null,
      authorKind: 'system',
      authorId: null,
      authorName: SUPPORT_AUTHOR,
      // Only the notice is stored; the English text rides along on the wire for clients that know no codes.
      text: renderNotice(notice, 'en'),
      notice,
      createdAt: clock.now(),
    });
    // System messages have no client id, so every append creates one.
    if (!posted.created) return this.current(conversationId);
    events.emit({ type: 'message.created', conversation: posted.conversation, message: posted.message });
    return posted.conversation;
  }

  private async current(conversationId: string): Promise<Conversation> {
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation) throw new Error(`conversation ${conversationId} vanished`);
    return conversation;
  }
}
