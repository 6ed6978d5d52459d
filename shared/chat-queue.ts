// The chat queue's rules, the same on the server (routing, queue positions) and in the console: the order of
// waiting chats, and which agents a chat waiting for a tier is for.
import type { AgentRole, ChatRoutingView, RoutingTarget, Tier } from './model';

export interface QueuedChat {
  id: string;
  createdAt: number;
  routing: Pick<ChatRoutingView, 'front' | 'firstResponseDueAt' | 'priority'>;
}

const urgent = (chat: QueuedChat): boolean => chat.routing.priority === 'P1' || chat.routing.priority === 'P2';

/**
 * Chats put back at the front first, then the earliest first-response deadline; on the same deadline (chats due
 * when the desk closes, see initial-routing) P1 and P2 first, then the earliest arrival — so that the questions
 * that waited longest are not left for after closing behind ones that came later.
 */
export function compareQueuedChats(a: QueuedChat, b: QueuedChat): number {
  return (
    Number(b.routing.front) - Number(a.routing.front) ||
    a.routing.firstResponseDueAt - b.routing.firstResponseDueAt ||
    Number(urgent(b)) - Number(urgent(a)) ||
    a.createdAt - b.createdAt ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Whether a chat waiting for `target` is for this agent's tier (and role). Account managers take no general
 * chats: they are pulled in for their own customers by reservation.
 */
export function targetAccepts(target: RoutingTarget, agent: { tier: Tier; role: AgentRole }): boolean {
  switch (target) {
    case 'L1':
      return agent.tier === 'L1' || agent.tier === 'L2';
    case 'L2':
      return agent.tier === 'L2';
    case 'account_manager':
      return false;
    case 'supervisors':
      return agent.role !== 'agent';
  }
}
