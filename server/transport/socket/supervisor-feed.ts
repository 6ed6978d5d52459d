// Pushes the supervisor's overview to this node's consoles watching it: soon after anything that changes it
// here or on another node (at most twice a second), and every few seconds as waits grow and deadlines come
// closer. Each node builds it for its own watchers, so none depends on another node to push.
import type { Logger } from 'pino';
import type { DomainEvent } from '../../domain/events';
import type { SupportServices } from '../../domain/services';
import type { ClusterSignals } from './cluster-signals';
import { SUPERVISORS_ROOM } from './rooms';
import type { AgentNamespace } from './types';

const SETTLE_MS = 500;
const REFRESH_MS = 5_000;

const IRRELEVANT: ReadonlySet<DomainEvent['type']> = new Set(['canned_replies.changed', 'note.created']);

export function feedSupervisors(services: SupportServices, agents: AgentNamespace, log: Logger, cluster: ClusterSignals): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;

  const watched = () => (agents.adapter.rooms.get(SUPERVISORS_ROOM)?.size ?? 0) > 0;

  const push = () => {
    pending = undefined;
    if (!watched()) return;
    services.routing.supervision
      .snapshot()
      .then((overview) => agents.local.to(SUPERVISORS_ROOM).emit('supervisor:overview', overview))
      .catch((error: unknown) => log.error({ err: error }, 'could not push the supervisor overview'));
  };

  const soon = () => {
    pending ??= setTimeout(push, SETTLE_MS);
  };

  const stopListening = [
    services.events.on((event) => {
      if (!IRRELEVANT.has(event.type)) soon();
    }),
    cluster.onChange(({ types }) => {
      if (types.some((type) => !IRRELEVANT.has(type))) soon();
    }),
    cluster.onReconnect(soon),
  ];
  const refresh = setInterval(soon, REFRESH_MS);
  refresh.unref();

  return () => {
    for (const stop of stopListening) stop();
    clearInterval(refresh);
    clearTimeout(pending);
  };
}
