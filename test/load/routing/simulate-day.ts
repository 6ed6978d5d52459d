// Replays a synthetic day through the real routing code — the Router, its atomic claims in a real (in-memory)
// SQLite store, presence and the reply tracker — with a fake clock, under a given routing policy.
import type { Priority } from '../../../shared/chat-priority';
import { chatFirstResponseDue } from '../../../shared/chat-first-response';
import type { RoutingPolicy } from '../../../server/domain/routing/chat-routing-policy';
import { DomainEvents } from '../../../server/domain/events';
import { initialRouting } from '../../../server/domain/routing/initial-routing';
import { createRoutingServices } from '../../../server/domain/routing/routing-services';
import { openSqliteStore } from '../../../server/store/sqlite/index';
import { FakeClock } from '../../support/fake-clock';
import { anAgent, anEndUser, anOrganisation } from '../../support/records';
import { BENCH_PLANS, seededIds, seededRandom, type BenchPlanName, type SyntheticDay } from './synthetic-day';

/** 08:00 on a school day. */
const DAY_START = Date.UTC(2026, 2, 2, 8);
const MINUTE = 60_000;
const URGENCY_FOR: Record<Priority, 'class_stopped' | 'cannot_take_part' | 'not_working_well' | 'question'> = {
  P1: 'class_stopped',
  P2: 'cannot_take_part',
  P3: 'not_working_well',
  P4: 'question',
};

export interface ChatOutcome {
  priority: Priority;
  plan: BenchPlanName;
  arrivedAt: number;
  /** The target: arrival + the faster of the chat target and the plan's (not the closing time cap). */
  dueAt: number;
  /** The first agent reply; null if nobody answered before the day ended. */
  firstReplyAt: number | null;
}

export interface AgentOutcome {
  name: string;
  tier: string;
  capacity: number;
  chats: number;
  shiftHours: number;
}

export interface DayOutcome {
  policy: string;
  chats: ChatOutcome[];
  agents: AgentOutcome[];
  /** Waits between capacity freeing up with chats waiting and the next assignment (simulated time, ms). */
  reofferDelays: number[];
}

type SimEvent =
  | { kind: 'close'; conversationId: string; agentId: string }
  | { kind: 'shift-end'; agentId: string }
  | { kind: 'shift-start'; agentId: string }
  | { kind: 'reply'; conversationId: string; agentId: string }
  | { kind: 'arrival'; index: number };

/** At one instant: free capacity first, then people coming and going, then new chats. */
const ORDER: Record<SimEvent['kind'], number> = { close: 0, 'shift-end': 1, 'shift-start': 2, reply: 3, arrival: 4 };

/** A time-ordered agenda of what happens next. */
class Agenda {
  private items: Array<{ at: number; order: number; seq: number; event: SimEvent }> = [];
  private seq = 0;
  add(at: number, event: SimEvent): void {
    const item = { at, order: ORDER[event.kind], seq: this.seq++, event };
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.items[mid]!;
      if (m.at < item.at || (m.at === item.at && (m.order < item.order || (m.order === item.order && m.seq < item.seq)))) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }
  next() {
    return this.items.shift();
  }
}

export interface SimulateOptions {
  seed?: number;
  /** Due by closing time at the latest (initial-routing); off reproduces the routing of before session 5. */
  closingCap?: boolean;
}

export async function simulateDay(
  day: SyntheticDay,
  policy: RoutingPolicy,
  { seed = 7, closingCap = true }: SimulateOptions = {},
): Promise<DayOutcome> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const clock = new FakeClock(DAY_START);
  const events = new DomainEvents((error) => {
    throw error;
  });
  const random = seededRandom(seed);
  // Ids from the seed too: round-robin walks agents in id order, so a rerun must see the same ids.
  const newId = seededIds(seed);
  const routing = createRoutingServices({
    store,
    events,
    clock,
    newId,
    policy,
    onError: (error) => {
      throw error;
    },
  });
  const agenda = new Agenda();
  const orgs: Record<BenchPlanName, Awaited<ReturnType<typeof store.createOrganisation>>> = {
    Standard: await store.createOrganisation(anOrganisation({ name: 'Synthetic School District' })),
    Dedicated: await store.createOrganisation(anOrganisation({ name: 'Synthetic Academy (dedicated)' })),
  };

  const agentIds = new Map<string, string>();
  const handled = new Map<string, number>();
  for (const shift of day.staffing) {
    const agent = await store.createAgent(
      anAgent({ id: newId(), name: shift.name, tier: shift.tier, capacity: shift.capacity, presence: 'offline' }),
    );
    agentIds.set(agent.id, shift.name);
    handled.set(agent.id, 0);
    agenda.add(DAY_START + shift.from, { kind: 'shift-start', agentId: agent.id });
    agenda.add(DAY_START + shift.to, { kind: 'shift-end', agentId: agent.id });
  }
  for (const [index, arrival] of day.arrivals.entries()) agenda.add(DAY_START + arrival.at * MINUTE, { kind: 'arrival', index });

  const chats = new Map<string, ChatOutcome & { handleMs: number }>();
  const active = new Map<string, number>();
  const reofferDelays: number[] = [];
  let freedAt: number | null = null;

  // Routing announces each assignment; the agent answers after a while (slower the busier they are) and
  // finishes the chat after its handling time.
  events.on((event) => {
    if (event.type !== 'conversation.assigned') return;
    const chat = chats.get(event.conversation.id);
    if (!chat) return;
    const now = clock.now();
    if (freedAt !== null) {
      reofferDelays.push(now - freedAt);
      freedAt = null;
    }
    const busy = active.get(event.agent.id) ?? 0;
    active.set(event.agent.id, busy + 1);
    handled.set(event.agent.id, (handled.get(event.agent.id) ?? 0) + 1);
    const replyMs = (20 + 40 * busy + random() * 20) * 1000;
    agenda.add(now + replyMs, { kind: 'reply', conversationId: event.conversation.id, agentId: event.agent.id });
    agenda.add(now + replyMs + chat.handleMs, { kind: 'close', conversationId: event.conversation.id, agentId: event.agent.id });
  });

  for (let item = agenda.next(); item; item = agenda.next()) {
    clock.advance(item.at - clock.now());
    const now = clock.now();
    const { event } = item;
    switch (event.kind) {
      case 'arrival': {
        const { priority, handleMs, plan } = day.arrivals[event.index]!;
        const org = orgs[plan];
        const { targets, businessHours } = BENCH_PLANS[plan];
        const user = await store.createEndUser(anEndUser(org.id, { id: newId(), createdAt: now }));
        const context = { organisation: org.name, role: 'student' as const };
        const { conversation } = await store.createConversation({
          id: newId(),
          organisationId: org.id,
          endUserId: user.id,
          clientId: newId(),
          context,
          createdAt: now,
          routing: initialRouting(context, URGENCY_FOR[priority], now, targets, undefined, closingCap ? businessHours : null),
        });
        const dueAt = Math.min(chatFirstResponseDue(priority, now), now + targets[priority].firstResponseMinutes * MINUTE);
        chats.set(conversation.id, { priority, plan, arrivedAt: now, dueAt, firstReplyAt: null, handleMs });
        await routing.router.chatArrived(conversation);
        break;
      }
      case 'reply': {
        const chat = chats.get(event.conversationId);
        if (chat && chat.firstReplyAt === null) chat.firstReplyAt = now;
        await store.recordAgentReply(event.conversationId, event.agentId, now);
        break;
      }
      case 'close': {
        active.set(event.agentId, (active.get(event.agentId) ?? 1) - 1);
        await store.closeConversation(event.conversationId, now);
        if ((await store.listQueued()).length > 0) freedAt = now;
        await routing.router.offerQueued();
        break;
      }
      case 'shift-start':
        await routing.agentPresence.setAvailable(event.agentId, true);
        break;
      case 'shift-end':
        // Off to go home: no new chats; the ones in hand are finished.
        await routing.agentPresence.setAvailable(event.agentId, false);
        break;
    }
  }
  await store.close();

  return {
    policy: policy.name,
    chats: [...chats.values()].map(({ handleMs: _h, ...outcome }) => outcome),
    agents: day.staffing.map((shift) => {
      const id = [...agentIds].find(([, name]) => name === shift.name)?.[0] as string;
      return {
        name: shift.name,
        tier: shift.tier,
        capacity: shift.capacity,
        chats: handled.get(id) ?? 0,
        shiftHours: (shift.to - shift.from) / 3600_000,
      };
    }),
    reofferDelays,
  };
}
