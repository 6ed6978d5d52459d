// Which visitors are online on the other nodes, so a conversation summary built on any node says "online" when
// the widget is connected anywhere. Each node counts its own sockets (VisitorPresence) and reports: its changes
// as they happen, everything to a node that says hello (it started, or got Redis back), and a heartbeat; a node
// not heard from for a while is dropped with its visitors (it died).
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DomainEvents } from '../../domain/events';
import type { VisitorPresence } from '../../domain/chats/visitor-presence';
import type { PresenceReport } from './cluster-events';
import type { ClusterSignals } from './cluster-signals';
import type { AgentNamespace } from './types';

export const PRESENCE_HEARTBEAT_MS = 10_000;
const PRESENCE_HELLO_AGAIN_MS = 2_000;
/** Three missed heartbeats: the node is gone. */
export const PRESENCE_SILENCE_MS = 3 * PRESENCE_HEARTBEAT_MS;

/** What this node knows of the others: end users online per node, and when each node last spoke. */
export class RemotePresence {
  private readonly nodes = new Map<string, { online: Set<string>; heardAt: number }>();

  has(endUserId: string): boolean {
    for (const { online } of this.nodes.values()) if (online.has(endUserId)) return true;
    return false;
  }

  apply({ node, online, offline, full }: PresenceReport, now: number): void {
    const known = this.nodes.get(node);
    const set = full || !known ? new Set<string>() : known.online;
    for (const id of online) set.add(id);
    for (const id of offline) set.delete(id);
    this.nodes.set(node, { online: set, heardAt: now });
  }

  /** Drops nodes silent since `before`; returns their end users who are now online on no other node. */
  dropSilent(before: number): string[] {
    const dropped: string[] = [];
    for (const [node, { online, heardAt }] of this.nodes) {
      if (heardAt >= before) continue;
      this.nodes.delete(node);
      dropped.push(...online);
    }
    return [...new Set(dropped)].filter((id) => !this.has(id));
  }
}

/** Starts reporting this node's visitors and listening to the others'; returns a stop function. */
export function shareVisitorPresence(
  agents: AgentNamespace,
  cluster: ClusterSignals,
  remote: RemotePresence,
  { presence, events }: { presence: VisitorPresence; events: DomainEvents },
  log: Logger,
): () => void {
  if (!cluster.clustered) return () => {};
  const node = randomUUID();
  const report = (online: string[], offline: string[], full: boolean) => agents.serverSideEmit('cluster:presence', { node, online, offline, full });
  const everything = () => report(presence.onlineHere(), [], true);

  const stopReporting = events.on((event) => {
    if (event.type !== 'visitor.presence_changed' || presence.isOnlineHere(event.endUserId) !== event.online) return;
    report(event.online ? [event.endUserId] : [], event.online ? [] : [event.endUserId], false);
  });
  agents.on('cluster:presence', (received) => {
    if (received.node !== node) remote.apply(received, Date.now());
  });
  agents.on('cluster:hello', (from) => {
    if (from !== node) everything();
  });
  const hello = () => {
    agents.serverSideEmit('cluster:hello', node);
    everything();
  };
  const stopHello = cluster.onReconnect(hello);
  hello();
  // Once more when this node's subscriptions are surely in place: answers to the first may have come too early.
  const again = setTimeout(hello, PRESENCE_HELLO_AGAIN_MS);
  again.unref();

  const heartbeat = setInterval(() => {
    report([], [], false);
    // A node that died took its visitors' connections with it: they are offline unless they came back elsewhere.
    for (const endUserId of remote.dropSilent(Date.now() - PRESENCE_SILENCE_MS)) {
      if (!presence.isOnline(endUserId)) events.emit({ type: 'visitor.presence_changed', endUserId, online: false });
    }
  }, PRESENCE_HEARTBEAT_MS);
  heartbeat.unref();

  return () => {
    clearTimeout(again);
    clearInterval(heartbeat);
    stopReporting();
    stopHello();
    // Going away on purpose: the others forget our visitors now rather than after the silence.
    try {
      report([], [], true);
    } catch (error) {
      log.warn({ err: error }, 'could not tell other nodes this node is leaving');
    }
  };
}
