// Which conversations an agent may read: supervisors and admins all; agents the queue, their own, the ones
// they handed over (they keep read access), the earlier chats of a user they are helping now, and their
// customers' as account manager. Every path to a chat's content (opening it, its history, a ticket made
// from it, the articles its user tried, inbox previews) asks here.
import { DomainError } from '../errors';
import type { Store } from '../ports';
import type { Agent, Conversation } from '../records';

/**
 * Who may read a conversation besides supervisors and admins (who read every chat): every agent while it
 * waits in the queue, otherwise only the agents named.
 */
export type ChatAudience = { everyAgent: true } | { everyAgent: false; agentIds: string[] };

export class ChatAccess {
  constructor(private readonly store: Store) {}

  async readable(agent: Agent, conversationId: string): Promise<Conversation> {
    const conversation = await this.store.getConversation(conversationId);
    if (!conversation) throw new DomainError('not_found', 'No such conversation');
    if (!(await this.mayRead(agent, conversation))) {
      throw new DomainError('forbidden', 'This chat is with another agent; ask them or a supervisor to share it');
    }
    return conversation;
  }

  async mayRead(agent: Agent, conversation: Conversation): Promise<boolean> {
    if (agent.role !== 'agent') return true;
    const audience = await this.audience(conversation);
    return audience.everyAgent || audience.agentIds.includes(agent.id);
  }

  /** The plain agents who may read the conversation now: where its inbox previews may go (`previousAgentIds` if read already). */
  async audience(conversation: Conversation, previousAgentIds?: string[]): Promise<ChatAudience> {
    if (conversation.status === 'queued') return { everyAgent: true };
    const [previous, current, organisation] = await Promise.all([
      previousAgentIds ?? this.store.listPreviousAssignees(conversation.id),
      // Helping someone now includes reading their earlier chats. A chat still open is the user's open chat (one at
      // a time), whose assignee is named already: only a closed one needs the lookup (this runs for every message).
      conversation.status === 'closed' ? this.store.findOpenConversation(conversation.endUserId) : null,
      this.store.getOrganisation(conversation.organisationId),
    ]);
    const ids = [conversation.assigneeId, ...previous, current?.assigneeId, organisation?.accountManagerId];
    return { everyAgent: false, agentIds: [...new Set(ids.filter((id): id is string => !!id))] };
  }
}
