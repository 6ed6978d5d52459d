// Wires QueuePositions to the store and the visitor namespace: places are read in routing order and sent as
// `queue:position` to this node's sockets of the conversation's room; other nodes' changes arrive as signals.
import type { Logger } from 'pino';
import type { SupportServices } from '../../domain/services';
import type { ClusterSignals } from './cluster-signals';
import { QueuePositions } from './queue-positions';
import { conversationRoom } from './rooms';
import type { VisitorNamespace } from './types';

/**
 * Processes sharing one database without Redis hear nothing of each other's changes: a pass every second
 * catches them (a pass that finds nothing moved sends nothing and costs one read of the queue).
 */
export const QUEUE_RECHECK_MS = 1_000;
/**
 * With Redis every node signals its queue changes, and this slow look only covers a signal lost on the way
 * (a node that died between its write and its signal).
 */
export const CLUSTER_QUEUE_RECHECK_MS = 30_000;

export interface QueuePositionFeed {
  positions: QueuePositions;
  /** Stops the periodic check and waits for a running pass, so the store can close. */
  stop(): Promise<void>;
}

export function feedQueuePositions({ views }: SupportServices, visitors: VisitorNamespace, log: Logger, cluster: ClusterSignals): QueuePositionFeed {
  const positions = new QueuePositions({
    read: () => views.queuePositions(),
    // Local: what `told` remembers is what this process's own sockets were shown (see queue-positions.ts).
    tell: (conversationId, position) => visitors.local.to(conversationRoom(conversationId)).emit('queue:position', { conversationId, position }),
    onError: (error) => log.error({ err: error }, 'could not send queue positions'),
  });
  const stopListening = [
    cluster.onChange(({ types }) => {
      if (types.includes('queue.changed')) void positions.changed();
    }),
    cluster.onReconnect(() => void positions.changed()),
  ];
  if (cluster.clustered) {
    // A full view may reach this node's sockets from another node, through Redis, later than our own places:
    // what they were shown is what arrives last, so note it as it goes out and check the place again after it.
    visitors.on('connection', (socket) => {
      socket.onAnyOutgoing((event: string, view?: { id?: unknown; queuePosition?: unknown }) => {
        if (event !== 'conversation:updated' || typeof view?.id !== 'string') return;
        positions.shownToRoom(view.id, typeof view.queuePosition === 'number' ? view.queuePosition : null);
      });
    });
  }
  const timer = setInterval(() => void positions.changed(), cluster.clustered ? CLUSTER_QUEUE_RECHECK_MS : QUEUE_RECHECK_MS);
  timer.unref();
  return {
    positions,
    async stop() {
      clearInterval(timer);
      for (const stop of stopListening) stop();
      await positions.close();
    },
  };
}
