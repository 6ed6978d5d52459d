// The baseline the benchmark compares against: plain FIFO (oldest chat first, whatever its urgency) and
// round-robin over the agents who have room, ignoring tiers and load.
import { hasRoom, type RoutingPolicy } from '../../../server/domain/routing/chat-routing-policy';

export function fifoRoundRobin(): RoutingPolicy {
  let lastAgentId = '';
  return {
    name: 'FIFO round-robin',
    orderQueue: (queued) => [...queued].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    candidates: (_chat, agents) => {
      const ring = agents.filter(hasRoom).sort((a, b) => a.agentId.localeCompare(b.agentId));
      // Start with the agent after the one who got the last chat.
      const next = ring.findIndex((a) => a.agentId > lastAgentId);
      return next <= 0 ? ring : [...ring.slice(next), ...ring.slice(0, next)];
    },
    assigned: (_chat, agentId) => {
      lastAgentId = agentId;
    },
  };
}
