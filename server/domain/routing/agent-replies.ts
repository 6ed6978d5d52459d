// Watches agents' replies: the first one answers the chat's first-response target, and an assignee who has
// replied keeps the chat if their console drops (see AgentPresence).
import type { DomainEvent, DomainEvents } from '../events';
import type { Store } from '../ports';

export class AgentReplies {
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    events: DomainEvents,
    private readonly onError: (error: unknown, event: DomainEvent) => void,
  ) {
    events.on((event) => {
      if (event.type !== 'message.created' || event.message.authorKind !== 'agent' || !event.message.authorId) return;
      const { conversationId, authorId, createdAt } = event.message;
      const write = this.store.recordAgentReply(conversationId, authorId, createdAt).catch((error: unknown) => this.onError(error, event));
      this.pending.add(write);
      void write.finally(() => this.pending.delete(write));
    });
  }

  /** Resolves once every reply seen so far is recorded (tests, and orderly shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
