// Every node runs the SLA scheduler and may fire any due point (a conditional write lets one succeed). A ticket
// written on another node may fall due sooner than the point this node sleeps towards: its change signal makes
// this node look again at once, so every node is ready for every point and any of them can fire it.
import type { SlaScheduler } from '../domain/sla/sla-scheduler';
import type { ClusterSignals } from './socket/cluster-signals';

export function followOtherNodesTickets(cluster: ClusterSignals, scheduler: SlaScheduler): () => void {
  const stops = [
    cluster.onChange(({ types }) => {
      if (types.includes('ticket.changed')) scheduler.poke();
    }),
    // Signals may have been lost while Redis was away.
    cluster.onReconnect(() => scheduler.poke()),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
