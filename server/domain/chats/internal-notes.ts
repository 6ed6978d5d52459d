// Internal notes: agents write them in a conversation they may read; the user never sees them (they are not
// messages and never enter the user's message sequence).
import type { InternalNote } from '../../../shared/routing-model';
import type { ChatAccess } from './chat-access';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';

export class InternalNotes {
  constructor(private readonly deps: { store: Store; events: DomainEvents; clock: Clock; access: ChatAccess; newId: () => string }) {}

  /** Idempotent per (author, clientId): a resend gets the stored note back. */
  async add(agent: Agent, conversationId: string, clientId: string, text: string): Promise<InternalNote> {
    const { store, events, clock, access, newId } = this.deps;
    const conversation = await access.readable(agent, conversationId);
    const { note, created } = await store.addNote({
      id: newId(),
      conversationId,
      clientId,
      author: { id: agent.id, name: agent.name },
      text,
      createdAt: clock.now(),
    });
    if (created) events.emit({ type: 'note.created', conversation, note });
    return note;
  }
}
