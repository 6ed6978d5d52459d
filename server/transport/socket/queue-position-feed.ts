// Wires QueuePositions to the store and the visitor namespace: places are read in routing order and sent as
// `queue:position` to the conversation's room; a periodic check catches what another process changed.
import type { Logger } from 'pino';
import type { SupportServices } from '../../domain/services';
import { QueuePositions } from './queue-positions';
import { conversationRoom } from './rooms';
import type { VisitorNamespace } from './types';

/**
 * Another process sharing the database (or a chat closed there) moves our visitors without an event here; a
 * pass that finds nothing moved sends nothing and costs one read of the queue.
 */
export const QUEUE_RECHECK_MS = 1_000;

export interface QueuePositionFeed {
  positions: QueuePositions;
  /** Stops the periodic check and waits for a running pass, so the store can close. */
  stop(): Promise<void>;
}

export function feedQueuePositions({ views }: SupportServices, visitors: VisitorNamespace, log: Logger): QueuePositionFeed {
  const positions = new QueuePositions({
    read: () => views.queuePositions(),
    // Local: what `told` remembers is what this process's own sockets were shown (see queue-positions.ts).
    tell: (conversationId, position) => visitors.local.to(conversationRoom(conversationId)).emit('queue:position', { conversationId, position }),
    onError: (error) => log.error({ err: error }, 'could not send queue positions'),
  });
  const timer = setInterval(() => void positions.changed(), QUEUE_RECHECK_MS);
  timer.unref();
  return {
    positions,
    async stop() {
      clearInterval(timer);
      await positions.close();
    },
  };
}
