// The ticket services on a real SQLite store with a fake clock and fake timers, and helpers to set the scene.
import { randomUUID } from 'node:crypto';
import { ChatAccess } from '../../server/domain/chats/chat-access';
import { DomainEvents, type DomainEvent } from '../../server/domain/events';
import type { Store } from '../../server/domain/ports';
import type { Agent, EndUser, Organisation } from '../../server/domain/records';
import { createTicketServices, type TicketServices } from '../../server/domain/tickets/ticket-services';
import type { TicketEventRecord } from '../../server/domain/tickets/ticket-records';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { FakeClock } from './fake-clock';
import { FakeTimers } from './fake-timers';
import { anAgent, anEndUser, anOrganisation } from './records';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface TicketHarness extends TicketServices {
  store: Store;
  clock: FakeClock;
  timers: FakeTimers;
  events: DomainEvent[];
  /** Errors the scheduler reported; tests expect none. */
  errors: unknown[];
  agent(over?: Partial<Agent>): Promise<Agent>;
  organisation(over?: Partial<Organisation>): Promise<Organisation>;
  customer(org: Organisation, over?: Partial<EndUser>): Promise<EndUser>;
  history(ticketId: string): Promise<TicketEventRecord[]>;
  /** Moves time forward, firing whatever falls due on the way. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** `file` lets a test reopen the same database (a restart); `clock` carries time across it. */
export async function ticketHarness({
  file = ':memory:',
  clock = new FakeClock(),
}: {
  file?: string;
  clock?: FakeClock;
} = {}): Promise<TicketHarness> {
  const store = openSqliteStore(file);
  await store.migrate();
  const timers = new FakeTimers(clock);
  const seen: DomainEvent[] = [];
  const errors: unknown[] = [];
  const bus = new DomainEvents((error) => errors.push(error));
  bus.on((event) => seen.push(event));
  const services = createTicketServices({
    store,
    clock,
    events: bus,
    newId: randomUUID,
    timers,
    access: new ChatAccess(store),
    onError: (error) => errors.push(error),
    // Hourly looks keep a week of fake time quick; the scheduler still wakes at every due point.
    slaPollMs: HOUR,
  });
  timers.onSettle(() => services.scheduler.idle());
  return {
    ...services,
    store,
    clock,
    timers,
    events: seen,
    errors,
    agent: (over = {}) => store.createAgent(anAgent({ createdAt: clock.now(), ...over })),
    organisation: (over = {}) => store.createOrganisation(anOrganisation(over)),
    customer: (org, over = {}) => store.createEndUser(anEndUser(org.id, over)),
    history: (ticketId) => store.listTicketEvents(ticketId),
    advance: (ms) => timers.advance(ms),
    async close() {
      services.scheduler.stop();
      await services.scheduler.idle();
      await store.close();
    },
  };
}
