// How long the queue is and how long its oldest chat has waited, per priority: what an operator watches to
// see whether a class-start burst is being absorbed (exported as metrics, read on each scrape).
import { PRIORITIES, type Priority } from '../../../shared/chat-priority';
import type { Clock, Store } from '../ports';

export interface QueueStat {
  priority: Priority;
  waiting: number;
  /** 0 when nobody waits at this priority. */
  oldestWaitMs: number;
}

export async function queueStats(store: Store, clock: Clock): Promise<QueueStat[]> {
  const queued = await store.listQueued();
  const now = clock.now();
  return PRIORITIES.map((priority) => {
    const waiting = queued.filter((c) => c.routing.priority === priority);
    const oldest = waiting.reduce((min, c) => Math.min(min, c.routing.queuedAt), Number.POSITIVE_INFINITY);
    return { priority, waiting: waiting.length, oldestWaitMs: waiting.length ? Math.max(0, now - oldest) : 0 };
  });
}
