// While Redis was away a node could not see the other nodes' consoles, so an agent whose console closed on it may
// have been put in their grace period while another console of theirs stayed open elsewhere. When Redis is back
// the node asks every node again for each agent in a grace period, and ends it where a console is open.
import type { Logger } from 'pino';
import type { SupportServices } from '../../domain/services';
import type { ClusterSignals } from './cluster-signals';
import { agentRoom } from './rooms';
import type { AgentNamespace } from './types';

export function keepConsolesPresent(agents: AgentNamespace, cluster: ClusterSignals, { routing }: SupportServices, log: Logger): () => void {
  return cluster.onReconnect(() => {
    void (async () => {
      for (const agentId of await routing.agentPresence.inGrace()) {
        try {
          if ((await agents.in(agentRoom(agentId)).fetchSockets()).length > 0) await routing.agentPresence.connected(agentId);
        } catch (error) {
          // Other nodes may not answer yet right after Redis came back; the second look (cluster-signals.ts) asks again.
          log.warn({ err: error, agentId }, 'could not ask other nodes for an agent’s consoles');
        }
      }
    })().catch((error: unknown) => log.error({ err: error }, 'could not restore the presence of agents with open consoles'));
  });
}
