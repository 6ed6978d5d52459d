// Which conversations an agent may read: supervisors and admins all; agents the queue, their own, the ones
// they handed over (they keep read access), the earlier chats of a user they are helping now, and their
// customers' as account manager.
import { DomainError } from '../errors';
import type { Store } from '../ports';
import type { Agent, Conversation } from '../records';

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
    if (agent.role !== 'agent' || conversation.status === 'queued' || conversation.assigneeId === agent.id) return true;
    if ((await this.store.listPreviousAssignees(conversation.id)).includes(agent.id)) return true;
    // Helping someone now includes reading their earlier chats.
    const current = await this.store.findOpenConversation(conversation.endUserId);
    if (current?.assigneeId === agent.id) return true;
    const organisation = await this.store.getOrganisation(conversation.organisationId);
    return organisation?.accountManagerId === agent.id;
  }
}
