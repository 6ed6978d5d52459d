// Carries routing and teamwork events to consoles: moves and notes to those following the chat, notices to
// account managers, an agent's changed record to its own consoles, and closes a deactivated agent's consoles
// and those signed in with a session that ended.
import { renderNotice } from '../../../shared/notices';
import { agentView } from '../../domain/identity/agents';
import type { DomainEvent } from '../../domain/events';
import type { Agent } from '../../domain/records';
import { agentRoom, ALL_CHATS_ROOM, conversationRoom, sessionRoom, SUPERVISORS_ROOM } from './rooms';
import type { AgentNamespace } from './types';

export type RoutingEvent = Extract<
  DomainEvent,
  {
    type:
      | 'conversation.moved'
      | 'note.created'
      | 'account_manager.notified'
      | 'agent.changed'
      | 'agent.deactivated'
      | 'agent.sessions_ended'
      | 'canned_replies.changed';
  }
>;

/** Handlers check roles on socket.data: keep it current on this node's consoles of the agent. */
export async function refreshConsoles(agents: AgentNamespace, agent: Agent): Promise<void> {
  for (const socket of await agents.local.in(agentRoom(agent.id)).fetchSockets()) {
    socket.data.agent = agent;
    // Demoted: the supervisor's overview and other agents' previews stop at once; promoted: previews start.
    if (agent.role === 'agent') {
      socket.leave(SUPERVISORS_ROOM);
      socket.leave(ALL_CHATS_ROOM);
    } else {
      socket.join(ALL_CHATS_ROOM);
    }
  }
}

export async function deliverRoutingEvent(agents: AgentNamespace, event: RoutingEvent): Promise<void> {
  switch (event.type) {
    case 'conversation.moved':
      agents.to(conversationRoom(event.conversation.id)).emit('move:new', event.move);
      return;
    case 'note.created':
      // Agents only: the visitor namespace never hears of notes.
      agents.to(conversationRoom(event.conversation.id)).emit('note:new', event.note);
      return;
    case 'account_manager.notified':
      // `text` is the English rendering, for clients that do not render notices yet.
      agents.to(agentRoom(event.manager.id)).emit('notice', {
        kind: 'customer_chat',
        conversationId: event.conversation.id,
        notice: event.notice,
        text: renderNotice(event.notice, 'en'),
      });
      return;
    case 'agent.changed':
      // Other nodes refresh their own consoles of the agent when the cluster signal arrives (fan-out.ts).
      await refreshConsoles(agents, event.agent);
      agents.to(agentRoom(event.agent.id)).emit('agent:updated', agentView(event.agent));
      return;
    case 'agent.deactivated':
      // At once, on every node (the adapter carries it): the console reconnects, the handshake finds no session,
      // and it shows the sign-in screen.
      agents.in(agentRoom(event.agent.id)).disconnectSockets(true);
      return;
    case 'agent.sessions_ended':
      // The same way: consoles signed in with an ended session reconnect, are refused, and show sign-in.
      agents.in(event.sessionIds.map(sessionRoom)).disconnectSockets(true);
      return;
    case 'canned_replies.changed':
      agents.emit('canned:changed');
      return;
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled routing event ${JSON.stringify(unhandled)}`);
    }
  }
}
