// The console's namespace: authenticated by the session cookie, for same-origin consoles only.
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { agentView } from '../../domain/identity/agents';
import { chatMessage } from '../../domain/chats/conversation-views';
import type { SupportServices } from '../../domain/services';
import { readCookie, SESSION_COOKIE } from '../cookies';
import type { OwnOrigin } from '../own-origin';
import { toWireError } from '../wire-error';
import { listenForRouting } from './agent-routing-handlers';
import { agentRequests, type HandlerContext } from './handler';
import { inArrivalOrder } from './in-order';
import { agentRoom, ALL_CHATS_ROOM, conversationRoom, sessionRoom } from './rooms';
import { handshakeError, type AgentNamespace, type AgentSocket, type VisitorNamespace } from './types';

export function setUpAgentNamespace(
  nsp: AgentNamespace,
  visitors: VisitorNamespace,
  services: SupportServices,
  ctx: HandlerContext,
  ownOrigin: OwnOrigin,
): void {
  const { agents, conversations, views, lists, reads, routing, floods } = services;

  nsp.use((socket, next) => {
    // Cookies ride along on cross-site WebSocket handshakes, so the console's origin must be our own (scheme too).
    if (!ownOrigin.admitsConsole(socket.request)) return next(handshakeError('origin_not_allowed', 'The console must be opened from this server'));
    const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    // The address as REST sees it (after a trusted proxy's header), for the session list.
    agents.authenticateSession(token, { address: ctx.clientAddress?.(socket.request) ?? socket.handshake.address }).then(
      (signedIn) => {
        if (!signedIn) return next(handshakeError('unauthorized', 'Sign in first'));
        socket.data = { agent: signedIn.agent, sessionId: signedIn.session.id };
        next();
      },
      (error: unknown) => {
        // A typed refusal (a password to change first) goes to the console as it is; anything else is ours.
        const { wire, unexpected } = toWireError(error);
        if (unexpected) ctx.log.error({ err: error }, 'agent handshake failed');
        next(handshakeError(wire.code, unexpected ? 'Could not check your session' : wire.message));
      },
    );
  });

  nsp.on('connection', (socket: AgentSocket) => {
    const agentId = socket.data.agent.id;
    void socket.join([agentRoom(agentId), sessionRoom(socket.data.sessionId)]);
    // Supervisors and admins read every chat, so every inbox preview reaches them (fan-out.ts).
    if (socket.data.agent.role !== 'agent') void socket.join(ALL_CHATS_ROOM);
    const on = agentRequests(socket, ctx);
    const inOrder = inArrivalOrder();
    const who = { connection: socket.id, actor: agentId };
    // Presence, picking, transfers, notes, canned replies, supervision: agent-routing-handlers.ts.
    const routingReady = listenForRouting(nsp, socket, services, ctx);
    void (async () => {
      for (const conversationId of await lists.held(agentId)) await socket.join(conversationRoom(conversationId));
      // The session shows presence as it is now that this console is back.
      await routingReady;
      const agent = (await agents.byId(agentId)) ?? socket.data.agent;
      socket.emit('session', { protocol: PROTOCOL_VERSION, agent: agentView(agent) });
    })().catch((error: unknown) => ctx.log.error({ err: error }, 'could not send the agent session'));

    on('inbox:fetch', () => lists.inbox(socket.data.agent));

    on('conversation:open', async ({ conversationId }) => {
      const conversation = await routing.access.readable(socket.data.agent, conversationId);
      await socket.join(conversationRoom(conversationId));
      return views.detail(conversation, (await conversations.history(conversation, 0)).messages);
    });

    on('conversation:close', async ({ conversationId }) => {
      return views.summary(await conversations.close(socket.data.agent, conversationId));
    });

    on('message:send', async ({ conversationId, clientId, text }) => {
      await floods.take('agent.message', who);
      const { message } = await inOrder(() => conversations.post({ kind: 'agent', agent: socket.data.agent }, conversationId, clientId, text));
      return chatMessage(message);
    });

    on('history:fetch', async ({ conversationId, afterSeq, limit }) => {
      const page = await conversations.history(await routing.access.readable(socket.data.agent, conversationId), afterSeq, limit);
      return { messages: page.messages.map(chatMessage), hasMore: page.hasMore };
    });

    on('read:mark', async ({ conversationId, seq }) => {
      return { conversationId, seq: await reads.markByAgent(socket.data.agent, conversationId, seq) };
    });

    on('read:fetch', async ({ conversationIds }) => {
      return { reads: await reads.forAgent(socket.data.agent, conversationIds) };
    });

    on('typing', async ({ conversationId, typing }) => {
      await floods.take('agent.typing', who);
      const conversation = await conversations.get(conversationId);
      if (conversation.assigneeId === agentId && conversation.status === 'active') {
        // Volatile: a stale "typing" must not be replayed by connection-state recovery.
        visitors.to(conversationRoom(conversationId)).volatile.emit('typing', { conversationId, name: socket.data.agent.name, typing });
      }
      return null;
    });
  });
}
