// Carries domain events to the sockets that should see them: the conversation's room, its agent, all agents.
// Broadcasts reach those sockets on every node when the Redis adapter is on.
import type { Logger } from 'pino';
import { chatMessage, PEOPLE, type SummaryParts } from '../../domain/chats/conversation-views';
import type { DomainEvent } from '../../domain/events';
import type { Conversation } from '../../domain/records';
import type { SupportServices } from '../../domain/services';
import type { ClusterSignals } from './cluster-signals';
import type { QueuePositions } from './queue-positions';
import { agentRoom, ALL_CHATS_ROOM, conversationRoom, endUserRoom } from './rooms';
import { deliverRoutingEvent, refreshConsoles } from './routing-fan-out';
import { ticketFanOut } from './ticket-fan-out';
import type { AgentNamespace, VisitorNamespace } from './types';

export function fanOutDomainEvents(
  services: SupportServices,
  visitors: VisitorNamespace,
  agents: AgentNamespace,
  queue: QueuePositions,
  log: Logger,
  cluster: ClusterSignals,
): () => void {
  const { views, rows, conversations, agents: staff } = services;
  const deliverTicketEvent = ticketFanOut(services, visitors, agents);

  /**
   * A chat's inbox row goes only to consoles that may read it (ChatAccess): every agent while it is queued,
   * otherwise its holders and supervisors. When it leaves someone's reach (taken, closed), `withdraw` tells the
   * other consoles to drop it — by id only, so nothing of the chat reaches them.
   */
  async function publishSummary(conversation: Conversation, withdraw = false, known: SummaryParts = {}): Promise<void> {
    const { summary, audience } = await rows.row(conversation, known);
    if (audience.everyAgent) {
      agents.emit('conversation:updated', summary);
      return;
    }
    const readers = [ALL_CHATS_ROOM, ...audience.agentIds.map(agentRoom)];
    agents.to(readers).emit('conversation:updated', summary);
    if (withdraw) agents.except(readers).emit('conversation:withdrawn', { conversationId: conversation.id });
  }

  async function publishVisitorView(conversation: Conversation): Promise<void> {
    const view = await views.forVisitor(conversation);
    visitors.to(conversationRoom(conversation.id)).emit('conversation:updated', view);
    queue.shownToRoom(view.id, view.queuePosition);
  }

  /** A visitor's mark goes to their other tabs and to agents following; an agent's to their own consoles and, as the support side's furthest, to the visitor. */
  function publishRead({ conversation, reader, readerId, seq, positions }: Extract<DomainEvent, { type: 'conversation.read' }>): void {
    const conversationId = conversation.id;
    if (reader === 'visitor') {
      visitors.to(endUserRoom(readerId)).emit('read:updated', { conversationId, reader, seq });
      agents.to(conversationRoom(conversationId)).emit('read:updated', { conversationId, reader, seq });
    } else {
      agents.to(agentRoom(readerId)).emit('read:updated', { conversationId, reader, agentId: readerId, seq });
      visitors.to(conversationRoom(conversationId)).emit('read:updated', { conversationId, reader, seq: positions.agent });
    }
  }

  async function deliver(event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'message.created': {
        const room = conversationRoom(event.conversation.id);
        const message = chatMessage(event.message);
        visitors.to(room).emit('message:new', message);
        agents.to(room).emit('message:new', message);
        // Replying moved the agent's read mark (in the same commit): their other consoles drop the unread count
        // before the summary with the new lastSeq arrives.
        const { authorKind, authorId, conversationId, seq } = event.message;
        if (authorKind === 'agent' && authorId) {
          agents.to(agentRoom(authorId)).emit('read:updated', { conversationId, reader: 'agent', agentId: authorId, seq });
        }
        // A person's message is the preview itself; after a system note the preview is read as usual. The
        // writer's side of the chat comes with the event.
        const isPerson = (PEOPLE as readonly string[]).includes(authorKind);
        await publishSummary(event.conversation, false, { ...event.people, ...(isPerson ? { last: event.message } : {}) });
        return;
      }
      case 'conversation.assigned':
        // The agent's consoles follow the chat from now on, on whichever node they are connected.
        agents.in(agentRoom(event.agent.id)).socketsJoin(conversationRoom(event.conversation.id));
        await Promise.all([publishSummary(event.conversation, true), publishVisitorView(event.conversation)]);
        return;
      case 'conversation.closed':
        await Promise.all([publishSummary(event.conversation, true), publishVisitorView(event.conversation)]);
        return;
      case 'conversation.queued':
      case 'conversation.context_changed':
      case 'conversation.attention_changed':
        await Promise.all([publishSummary(event.conversation), publishVisitorView(event.conversation)]);
        return;
      case 'queue.changed':
        // Everyone still waiting may have moved (up as others are served, down behind a more urgent chat). A burst
        // of changes shares one pass, and only places that moved are sent (queue-positions.ts).
        return queue.changed();
      case 'conversation.read':
        publishRead(event);
        return;
      case 'visitor.presence_changed': {
        // Agents see presence in the summary of the visitor's open chat.
        const open = await conversations.openOf(event.endUserId);
        if (open) await publishSummary(open);
        return;
      }
      case 'conversation.articles_attached':
        // Consoles that have the chat open; others fetch the list when they open it.
        agents.to(conversationRoom(event.conversation.id)).emit('conversation:articles', {
          conversationId: event.conversation.id,
          articles: event.articles,
        });
        return;
      case 'end_user.erased':
        // Their widget's identity is gone: open tabs reconnect and start over as a new anonymous visitor.
        visitors.in(endUserRoom(event.endUserId)).disconnectSockets(true);
        return;
      case 'conversation.moved':
      case 'note.created':
      case 'account_manager.notified':
      case 'agent.changed':
      case 'agent.deactivated':
      case 'agent.sessions_ended':
      case 'canned_replies.changed':
        return deliverRoutingEvent(agents, event);
      case 'ticket.changed':
      case 'ticket.alert':
      case 'ticket.seen':
        return deliverTicketEvent(event);
      case 'satisfaction.rated': {
        const { kind, subjectId } = event.rating;
        const rated = { kind, subjectId, rating: await services.satisfaction.view(event.rating) };
        // A chat's rating goes where the chat may be read: consoles that have it open, and supervisors.
        // Every agent may read every ticket.
        if (kind === 'chat') agents.to([conversationRoom(subjectId), ALL_CHATS_ROOM]).emit('satisfaction:rated', rated);
        else agents.emit('satisfaction:rated', rated);
        return;
      }
      case 'incident.changed':
        // Emitted by the one node whose write changed the incident: cluster-wide, so everyone hears it once.
        if (event.tell.length) visitors.to(event.tell.map(endUserRoom)).emit('incident:notice', event.notice);
        agents.emit('incident:changed', event.incident);
        return;
      default: {
        const unhandled: never = event;
        throw new Error(`unhandled domain event ${JSON.stringify(unhandled)}`);
      }
    }
  }

  const stopRefreshing = cluster.onChange(({ agents: changed }) => {
    for (const agentId of changed) {
      staff
        .byId(agentId)
        .then((agent) => agent && refreshConsoles(agents, agent))
        .catch((error: unknown) => log.error({ err: error, agentId }, 'could not refresh an agent’s consoles'));
    }
  });
  const stopDelivering = services.events.on((event) => {
    deliver(event).catch((error: unknown) => log.error({ err: error, event: event.type }, 'could not fan out an event'));
  });
  return () => {
    stopRefreshing();
    stopDelivering();
  };
}
