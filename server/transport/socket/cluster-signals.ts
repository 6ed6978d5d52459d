// Tells the other nodes what kinds of change happened on this one — one message per turn of the event loop
// however many events — and hands what they say to this node's feeds (queue places, the supervisor's
// overview, agents' records on their sockets). Without Redis there is one node and nothing to tell.
import type { Logger } from 'pino';
import type { DomainEvent, DomainEvents } from '../../domain/events';
import type { ClusterChange } from './cluster-events';
import type { RedisLink } from './redis-adapter';
import type { AgentNamespace } from './types';

/**
 * After Redis comes back, the feeds look again twice: at once, and once more after this delay, by when every
 * node has surely resubscribed to the channels signals travel on (a signal sent in between is lost).
 */
export const RECHECK_AFTER_RECONNECT_MS = 2_000;

export interface ClusterSignals {
  /** True when other nodes may exist (Redis is configured). */
  readonly clustered: boolean;
  /** Changes made on other nodes. */
  onChange(listener: (change: ClusterChange) => void): () => void;
  /** Redis is back after an outage: signals may have been lost meanwhile, so whoever keeps state looks again. */
  onReconnect(listener: () => void): () => void;
  stop(): void;
}

export function clusterSignals(agents: AgentNamespace, events: DomainEvents, redis: RedisLink | null, log: Logger): ClusterSignals {
  const changeListeners = new Set<(change: ClusterChange) => void>();
  const reconnectListeners = new Set<() => void>();
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  if (!redis)
    return { clustered: false, onChange: (l) => subscribe(changeListeners, l), onReconnect: (l) => subscribe(reconnectListeners, l), stop: () => {} };

  const each = <A extends unknown[]>(listeners: Set<(...args: A) => void>, ...args: A) => {
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (error) {
        log.error({ err: error }, 'a cluster signal listener failed');
      }
    }
  };

  let pending: { types: Set<DomainEvent['type']>; agents: Set<string> } | null = null;
  const flush = () => {
    if (!pending) return;
    const change: ClusterChange = { types: [...pending.types], agents: [...pending.agents] };
    pending = null;
    agents.serverSideEmit('cluster:changed', change);
  };
  const stopForwarding = events.on((event) => {
    if (!pending) {
      pending = { types: new Set(), agents: new Set() };
      setImmediate(flush);
    }
    pending.types.add(event.type);
    if (event.type === 'agent.changed') pending.agents.add(event.agent.id);
  });
  agents.on('cluster:changed', (change) => each(changeListeners, change));

  // The first 'ready' is the node starting; later ones are Redis coming back.
  let connectedBefore = redis.ready();
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const onReady = () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    each(reconnectListeners);
    clearTimeout(recheck);
    recheck = setTimeout(() => each(reconnectListeners), RECHECK_AFTER_RECONNECT_MS);
    recheck.unref();
  };
  redis.client.on('ready', onReady);

  return {
    clustered: true,
    onChange: (l) => subscribe(changeListeners, l),
    onReconnect: (l) => subscribe(reconnectListeners, l),
    stop() {
      stopForwarding();
      clearTimeout(recheck);
      redis.client.off('ready', onReady);
      changeListeners.clear();
      reconnectListeners.clear();
    },
  };
}
