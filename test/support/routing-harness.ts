// Routing against a real in-memory SQLite store with a fake clock: the services, an organisation, and quick
// ways to queue chats and add agents.
import { randomUUID } from 'node:crypto';
import type { Urgency } from '../../shared/chat-priority';
import type { ConversationContext } from '../../shared/model';
import { DomainEvents, type DomainEvent } from '../../server/domain/events';
import { initialRouting } from '../../server/domain/routing/initial-routing';
import type { Store } from '../../server/domain/ports';
import type { Agent, Organisation } from '../../server/domain/records';
import { createRoutingServices, type RoutingServices } from '../../server/domain/routing/routing-services';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { FakeClock } from './fake-clock';
import { aConversation, anAgent, anEndUser, anOrganisation } from './records';

export interface RoutingHarness extends RoutingServices {
  store: Store;
  clock: FakeClock;
  events: DomainEvents;
  seen: DomainEvent[];
  org: Organisation;
  agent(over?: Partial<Agent>): Promise<Agent>;
  /** Queues a chat that arrives now (after moving the clock on a second), as a visitor starting one does. */
  chat(over?: { urgency?: Urgency; context?: Partial<ConversationContext>; org?: Organisation; userName?: string }): Promise<string>;
  assigneeOf(conversationId: string): Promise<string | null>;
  close(): Promise<void>;
}

export async function routingHarness(options: { graceMs?: number } = {}): Promise<RoutingHarness> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const clock = new FakeClock();
  const seen: DomainEvent[] = [];
  const events = new DomainEvents((error) => {
    throw error;
  });
  events.on((event) => seen.push(event));
  const services = createRoutingServices({
    store,
    events,
    clock,
    newId: randomUUID,
    onError: (error) => {
      throw error;
    },
    ...(options.graceMs === undefined ? {} : { agentGraceMs: options.graceMs }),
  });
  const org = await store.createOrganisation(anOrganisation({ name: 'Maple School' }));

  return {
    ...services,
    store,
    clock,
    events,
    seen,
    org,
    agent: (over = {}) => store.createAgent(anAgent({ createdAt: clock.now(), ...over })),
    async chat({ urgency, context = {}, org: from = org, userName = 'Ada Student' } = {}) {
      clock.advance(1_000);
      const user = await store.createEndUser(anEndUser(from.id, { name: userName }));
      const fullContext: ConversationContext = { organisation: from.name, role: 'student', ...context };
      const { conversation } = await store.createConversation(
        aConversation(from.id, user.id, {
          context: fullContext,
          createdAt: clock.now(),
          routing: initialRouting(fullContext, urgency ?? null, clock.now()),
        }),
      );
      await services.router.chatArrived(conversation);
      return conversation.id;
    },
    assigneeOf: async (id) => (await store.getConversation(id))?.assigneeId ?? null,
    close: () => store.close(),
  };
}
