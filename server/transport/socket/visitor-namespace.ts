// The widget's namespace: authenticate the visitor at handshake, then chat in their own conversations only.
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { VisitorAuthSchema } from '../../../shared/schemas';
import { validate } from '../../../shared/validate';
import { chatMessage, endUserView } from '../../domain/chats/conversation-views';
import type { SupportServices } from '../../domain/services';
import type { OwnOrigin } from '../own-origin';
import { toWireError } from '../wire-error';
import { visitorRequests, type HandlerContext } from './handler';
import { inArrivalOrder } from './in-order';
import type { QueuePositions } from './queue-positions';
import type { QualityFeed } from './quality-feed';
import { conversationRoom, endUserRoom } from './rooms';
import { handshakeError, type AgentNamespace, type VisitorNamespace, type VisitorSocket } from './types';
import { listenForArticles } from './visitor-articles';
import { listenForTickets } from './visitor-tickets';
import { listenForSatisfaction } from './visitor-satisfaction';

/**
 * The embedding page's origin. Browsers omit Origin on same-origin GETs (long-polling from a page the
 * support server itself serves), and say so in Sec-Fetch-Site; then the page's origin is our own.
 */
function pageOrigin(socket: VisitorSocket, ownOrigin: OwnOrigin): string | undefined {
  const { origin } = socket.handshake.headers;
  if (origin) return origin;
  if (socket.handshake.headers['sec-fetch-site'] === 'same-origin') return ownOrigin.of(socket.request) ?? undefined;
  return undefined;
}

export function setUpVisitorNamespace(
  nsp: VisitorNamespace,
  agents: AgentNamespace,
  services: SupportServices,
  ctx: HandlerContext,
  queue: QueuePositions,
  ownOrigin: OwnOrigin,
  quality?: QualityFeed,
): void {
  const { conversations, views, visitors, reads, presence, floods } = services;

  nsp.use((socket, next) => {
    // Socket.IO's client adds pid and offset to `auth` when it asks for connection-state recovery; they are not ours.
    const { pid: _pid, offset: _offset, ...auth } = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const credentials = validate(VisitorAuthSchema, auth);
    if (!credentials.ok) return next(handshakeError(credentials.error.code, credentials.error.message));
    visitors.resolve(credentials.data, pageOrigin(socket, ownOrigin), ctx.clientAddress?.(socket.request)).then(
      (resolved) => {
        socket.data = resolved;
        next();
      },
      (error: unknown) => {
        const { wire, unexpected } = toWireError(error);
        if (unexpected) ctx.log.error({ err: error }, 'visitor handshake failed');
        next(handshakeError(wire.code, wire.message, wire.retryAfterMs));
      },
    );
  });

  nsp.on('connection', (socket: VisitorSocket) => {
    const { user, organisation } = socket.data;
    void socket.join(endUserRoom(user.id));
    void sendSession(socket);
    presence.connected(user.id);
    socket.on('disconnect', () => presence.disconnected(user.id));
    const on = visitorRequests(socket, ctx);
    listenForArticles(on, socket, services);
    listenForTickets(on, socket, services, ctx);
    listenForSatisfaction(on, socket, services);
    quality?.listen(on, socket);
    const inOrder = inArrivalOrder();
    const who = { connection: socket.id, actor: user.id };

    // The place in the ack may be older than one the room was sent meanwhile: once the ack is out, check again.
    on(
      'conversation:start',
      async ({ clientId, context, urgency, proactive }) => {
        // The history comes from what this server saw, not from the page.
        const known = proactive ? { proactive, qualityHistory: services.monitoring.monitor.history(user.id) } : {};
        const conversation = await conversations.start(organisation, user, clientId, context, urgency ?? null, known);
        await socket.join(conversationRoom(conversation.id));
        return views.forVisitor(conversation);
      },
      (view) => queue.shownToOne(view.id, view.queuePosition),
    );

    // The agent's console dropped past the grace period: the student asks for someone else.
    on(
      'conversation:requeue',
      async ({ conversationId }) => {
        return views.forVisitor(await services.routing.agentPresence.askSomeoneElse(user.id, conversationId));
      },
      (view) => queue.shownToOne(view.id, view.queuePosition),
    );

    on('message:send', async ({ conversationId, clientId, text }) => {
      await floods.take('visitor.message', who);
      const { message } = await inOrder(() => conversations.post({ kind: 'visitor', user }, conversationId, clientId, text));
      return chatMessage(message);
    });

    on('history:fetch', async ({ conversationId, afterSeq, limit }) => {
      const page = await conversations.history(await conversations.ownedBy(user, conversationId), afterSeq, limit);
      return { messages: page.messages.map(chatMessage), hasMore: page.hasMore };
    });

    on('context:update', async ({ conversationId, context }) => {
      await conversations.updateContext(organisation, user, conversationId, context);
      return null;
    });

    on('read:mark', async ({ conversationId, seq }) => {
      return { conversationId, seq: await reads.markByVisitor(user, conversationId, seq) };
    });

    on('typing', async ({ conversationId, typing }) => {
      await floods.take('visitor.typing', who);
      const conversation = await conversations.ownedBy(user, conversationId);
      if (conversation.status !== 'closed') {
        // Volatile: a stale "typing" must not be replayed by connection-state recovery.
        agents.to(conversationRoom(conversationId)).volatile.emit('typing', { conversationId, name: user.name, typing });
      }
      return null;
    });
  });

  async function sendSession(socket: VisitorSocket): Promise<void> {
    try {
      const open = await conversations.openOf(socket.data.user.id);
      if (open) await socket.join(conversationRoom(open.id));
      const conversation = open ? await views.forVisitor(open) : null;
      socket.emit('session', {
        protocol: PROTOCOL_VERSION,
        user: endUserView(socket.data.user),
        ...(socket.data.issuedVisitorToken ? { visitorToken: socket.data.issuedVisitorToken } : {}),
        conversation,
      });
      if (conversation) queue.shownToOne(conversation.id, conversation.queuePosition);
    } catch (error) {
      ctx.log.error({ err: error }, 'could not send the visitor session');
      socket.disconnect(true);
    }
  }
}
