// The console's routing and teamwork requests: presence, picking, transfers, escalation, internal notes,
// colleagues, canned replies, the supervisor's overview; and presence following the agent's consoles.
import { agentView } from '../../domain/identity/agents';
import type { SupportServices } from '../../domain/services';
import { agentRequests, type HandlerContext } from './handler';
import { agentRoom, conversationRoom, SUPERVISORS_ROOM } from './rooms';
import type { AgentNamespace, AgentSocket } from './types';

/** Registers the handlers; resolves once the console counts as connected (its agent's grace period ended). */
export function listenForRouting(nsp: AgentNamespace, socket: AgentSocket, services: SupportServices, ctx: HandlerContext): Promise<void> {
  const { views, routing, lists } = services;
  const { agentPresence, handover, notes, canned, supervision } = routing;
  const on = agentRequests(socket, ctx);
  const agentId = socket.data.agent.id;
  const me = () => socket.data.agent;
  const logFailure = (what: string) => (error: unknown) => ctx.log.error({ err: error, agentId }, what);

  const ready = (async () => {
    // Chats this agent handed over stay readable, and their news keeps coming.
    for (const conversationId of await lists.handedOver(agentId)) await socket.join(conversationRoom(conversationId));
    await agentPresence.connected(agentId);
  })().catch(logFailure('could not record the agent connecting'));

  socket.on('disconnect', () => {
    // Tracked, so a shutdown lets the write finish before the store closes.
    ctx.inFlight
      .track(async () => {
        // Another tab of the same agent may still be open, on any node; only the last one going away counts.
        // A node that does not answer in time (unreachable, not dead) must not keep the agent present forever:
        // then only this node's consoles count, as while Redis is away.
        const consoles = async () =>
          (
            await nsp
              .in(agentRoom(agentId))
              .fetchSockets()
              .catch(() => nsp.local.in(agentRoom(agentId)).fetchSockets())
          ).length;
        if ((await consoles()) > 0) return;
        await agentPresence.disconnected(agentId);
        // A console that connected on another node before our write landed must not lose its presence to it.
        if ((await consoles()) > 0) await agentPresence.connected(agentId);
      })
      .catch(logFailure('could not record the agent leaving'));
  });

  on('presence:set', async ({ available }) => {
    return agentView(await agentPresence.setAvailable(agentId, available));
  });

  on('inbox:all', () => lists.allOpen(me()));

  on('queue:pick', async ({ conversationId }) => {
    return views.summary(await handover.pick(me(), conversationId));
  });

  on('conversation:transfer', async ({ conversationId, to, note }) => {
    return views.summary(await handover.transfer(me(), conversationId, to, note ?? null));
  });

  on('conversation:escalate', async ({ conversationId, note }) => {
    return views.summary(await handover.escalate(me(), conversationId, note ?? null));
  });

  on('conversation:journal', ({ conversationId }) => lists.journal(me(), conversationId));

  on('conversation:previous', ({ conversationId }) => lists.previous(me(), conversationId));

  on('note:add', async ({ conversationId, clientId, text }) => {
    const note = await notes.add(me(), conversationId, clientId, text);
    // The author's console follows the conversation's notes from now on.
    await socket.join(conversationRoom(conversationId));
    return note;
  });

  on('agents:list', () => lists.colleagues());

  on('canned:list', () => canned.list());

  on('supervisor:watch', async () => {
    const overview = await supervision.build(me());
    await socket.join(SUPERVISORS_ROOM);
    return overview;
  });

  on('supervisor:unwatch', async () => {
    await socket.leave(SUPERVISORS_ROOM);
    return null;
  });

  return ready;
}
