// Who gets which waiting chat: the queue by first-response deadline then arrival, each chat to the lowest-tier
// agent who may take it, fewest active chats first. Pure, so the benchmark can set it against round-robin.
import { compareQueuedChats, targetAccepts } from '../../../shared/chat-queue';
import type { AgentLoad, Conversation } from '../records';
import { TIER_ORDER } from '../tiers';

export interface RoutingPolicy {
  readonly name: string;
  /** The queue in the order its chats are offered. */
  orderQueue(queued: readonly Conversation[]): Conversation[];
  /** The agents who may take this chat now, best first. */
  candidates(chat: Conversation, agents: readonly AgentLoad[]): AgentLoad[];
  /** Told after each successful claim (a round-robin pointer moves on). */
  assigned?(chat: Conversation, agentId: string): void;
}

/** Whether this agent may ever take this chat, capacity aside. */
export function mayTake(chat: Conversation, agent: Pick<AgentLoad, 'agentId' | 'tier' | 'role'>): boolean {
  const { reservedFor, avoidAgentId, target } = chat.routing;
  if (reservedFor) return agent.agentId === reservedFor;
  if (agent.agentId === avoidAgentId) return false;
  return targetAccepts(target, agent);
}

export const hasRoom = (agent: AgentLoad): boolean => agent.activeChats < agent.capacity;

/** Lowest tier first (keep senior people free for what needs them), then fewest chats, then longest since one. */
export function compareCandidates(a: AgentLoad, b: AgentLoad): number {
  return (
    TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
    a.activeChats - b.activeChats ||
    a.lastAssignedAt - b.lastAssignedAt ||
    a.agentId.localeCompare(b.agentId)
  );
}

export const deadlineRouting: RoutingPolicy = {
  name: 'deadline first, lowest tier',
  orderQueue: (queued) => [...queued].sort(compareQueuedChats),
  candidates: (chat, agents) => agents.filter((agent) => hasRoom(agent) && mayTake(chat, agent)).sort(compareCandidates),
};
