// Conversations: a visitor starts one, both sides post messages, an agent closes it. Access is checked here.
import { LIMITS } from '../../../shared/limits';
import type { ClientContext } from '../../../shared/schemas';
import type { Urgency } from '../../../shared/chat-priority';
import type { ConversationContext } from '../../../shared/model';
import { buildContext, priorityClaims } from './conversation-context';
import { initialRouting } from '../routing/initial-routing';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent, Conversation, EndUser, NewMessage, Organisation, StoredMessage } from '../records';
import type { Router } from '../routing/routing';
import { raisedForLaunch, type LaunchWindowBook } from '../desk/launch-windows';

export interface ConversationDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  router: Router;
  newId: () => string;
  /** Launch windows in effect: a launching organisation's chats are one priority more urgent. */
  launches?: LaunchWindowBook;
}

export type Author = { kind: 'visitor'; user: EndUser } | { kind: 'agent'; agent: Agent };

export interface PostedMessage {
  message: StoredMessage;
  /** False when this was a repeat of an already stored client id. */
  created: boolean;
}

export class Conversations {
  constructor(private readonly deps: ConversationDeps) {}

  /** Starts a chat for the visitor, or returns the one still open (one open chat per visitor). */
  async start(
    org: Organisation,
    user: EndUser,
    clientId: string,
    reported: ClientContext,
    urgency: Urgency | null = null,
    /** What the server itself adds (a proactive chat's quality history). */
    known: Partial<ConversationContext> = {},
  ): Promise<Conversation> {
    const { store, clock, events, router } = this.deps;
    const open = await store.findOpenConversation(user.id);
    if (open) return open;
    const context = { ...buildContext(org, user, reported), ...known };
    // Only organisations on a plan pay for this read; a plan's faster targets set the chat's deadline.
    const plan = org.supportPlanId ? await store.getSupportPlan(org.supportPlanId) : null;
    const now = clock.now();
    const routing = initialRouting(
      priorityClaims(context, user),
      urgency,
      now,
      plan?.targets,
      (await this.deps.launches?.activeNow(org.id)) ? raisedForLaunch : undefined,
      plan?.businessHours,
    );
    const { conversation, created } = await store.createConversation({
      id: this.deps.newId(),
      organisationId: org.id,
      endUserId: user.id,
      clientId,
      context,
      createdAt: now,
      routing,
    });
    if (created) {
      events.emit({ type: 'conversation.queued', conversation });
      events.emit({ type: 'queue.changed' });
      await router.chatArrived(conversation);
    }
    return (await store.getConversation(conversation.id)) ?? conversation;
  }

  /** A conversation the visitor owns; someone else's id looks exactly like an unknown one. */
  async ownedBy(user: EndUser, conversationId: string): Promise<Conversation> {
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation || conversation.endUserId !== user.id) {
      throw new DomainError('not_found', 'No such conversation');
    }
    return conversation;
  }

  /** The user's open chat (one at a time), if any. */
  openOf(endUserId: string): Promise<Conversation | null> {
    return this.deps.store.findOpenConversation(endUserId);
  }

  async get(conversationId: string): Promise<Conversation> {
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation) throw new DomainError('not_found', 'No such conversation');
    return conversation;
  }

  async post(author: Author, conversationId: string, clientId: string, text: string): Promise<PostedMessage> {
    const { store, clock, events } = this.deps;
    const conversation = author.kind === 'visitor' ? await this.ownedBy(author.user, conversationId) : await this.get(conversationId);
    const authorId = author.kind === 'visitor' ? author.user.id : author.agent.id;

    const refusal =
      conversation.status === 'closed'
        ? new DomainError('conversation_closed', 'This conversation has ended')
        : author.kind === 'agent' && conversation.assigneeId !== author.agent.id
          ? new DomainError('forbidden', 'Only the assigned agent can reply in this conversation')
          : null;
    if (refusal) {
      // A repeat must get its original ack even if the chat has closed (or changed hands) since.
      const repeat = await store.findMessageByClientId(author.kind, authorId, clientId);
      if (repeat) return { message: repeat, created: false };
      throw refusal;
    }
    const message: NewMessage = {
      id: this.deps.newId(),
      conversationId,
      clientId,
      authorKind: author.kind,
      authorId,
      authorName: author.kind === 'visitor' ? author.user.name : author.agent.name,
      text: text.slice(0, LIMITS.messageText),
      createdAt: clock.now(),
    };
    // A repeat of a stored client id is answered by the store with the original (its unique key), so the usual
    // case costs no look-up first; a new message comes back with its conversation as the append left it.
    const posted = await store.appendMessage(message);
    if (posted.created) {
      // The writer is the chat's user, or its assignee (checked above): what fan-out would otherwise read again.
      const people =
        author.kind === 'visitor'
          ? { endUser: author.user, ...(posted.conversation.assigneeId ? {} : { assignee: null }) }
          : { assignee: author.agent };
      events.emit({ type: 'message.created', conversation: posted.conversation, message: posted.message, people });
    }
    return posted;
  }

  /** Messages after `afterSeq`, oldest first, at most `limit`; hasMore says whether to ask again. */
  async history(
    conversation: Conversation,
    afterSeq: number,
    limit: number = LIMITS.historyPage,
  ): Promise<{ messages: StoredMessage[]; hasMore: boolean }> {
    const page = Math.min(limit, LIMITS.historyPage);
    const messages = await this.deps.store.listMessagesAfter(conversation.id, afterSeq, page + 1);
    return { messages: messages.slice(0, page), hasMore: messages.length > page };
  }

  async updateContext(org: Organisation, user: EndUser, conversationId: string, reported: ClientContext): Promise<void> {
    const conversation = await this.ownedBy(user, conversationId);
    if (conversation.status === 'closed') throw new DomainError('conversation_closed', 'This conversation has ended');
    const context = buildContext(org, user, reported);
    await this.deps.store.updateConversationContext(conversationId, context);
    this.deps.events.emit({ type: 'conversation.context_changed', conversation: { ...conversation, context } });
  }

  /** Closes a chat (its assignee, or a supervisor/admin) and offers the freed capacity to the queue. */
  async close(agent: Agent, conversationId: string): Promise<Conversation> {
    const { store, clock, events, router } = this.deps;
    const conversation = await this.get(conversationId);
    const mayClose = conversation.assigneeId === agent.id || agent.role !== 'agent';
    if (!mayClose) throw new DomainError('forbidden', 'Only the assigned agent can close this conversation');
    if (await store.closeConversation(conversationId, clock.now())) {
      const closed = (await store.getConversation(conversationId)) ?? conversation;
      events.emit({ type: 'conversation.closed', conversation: closed });
      if (conversation.status === 'queued') events.emit({ type: 'queue.changed' });
      await router.offerQueued();
      return closed;
    }
    return (await store.getConversation(conversationId)) ?? conversation;
  }
}
