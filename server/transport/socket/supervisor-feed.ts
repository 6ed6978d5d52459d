// Pushes the supervisor's overview to consoles watching it: soon after anything that changes it (at most
// twice a second), and every few seconds as waits grow and deadlines come closer.
import type { Logger } from 'pino';
import type { DomainEvent } from '../../domain/events';
import type { SupportServices } from '../../domain/services';
import { SUPERVISORS_ROOM } from './rooms';
import type { AgentNamespace } from './types';

const SETTLE_MS = 500;
const REFRESH_MS = 5_000;

const IRRELEVANT: ReadonlySet<DomainEvent['type']> = new Set(['canned_replies.changed', 'note.created']);

export function feedSupervisors(services: SupportServices, agents: AgentNamespace, log: Logger): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;

  const watched = () => (agents.adapter.rooms.get(SUPERVISORS_ROOM)?.size ?? 0) > 0;

  const push = () => {
    pending = undefined;
    if (!watched()) return;
    services.routing.supervision
      .snapshot()
      .then((overview) => agents.to(SUPERVISORS_ROOM).emit('supervisor:overview', overview))
      .catch((error: unknown) => log.error({ err: error }, 'could not push the supervisor overview'));
  };

  const soon = () => {
    pending ??= setTimeout(push, SETTLE_MS);
  };

  const stopListening = services.events.on((event) => {
    if (!IRRELEVANT.has(event.type)) soon();
  });
  const refresh = setInterval(soon, REFRESH_MS);
  refresh.unref();

  return () => {
    stopListening();
    clearInterval(refresh);
    clearTimeout(pending);
  };
}
