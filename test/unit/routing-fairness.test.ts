// Fairness near closing time: a chat is due by the time the desk closes at the latest, so a question that has
// waited since the afternoon is served before later chats with the same effective deadline, while P1 and P2 still
// go first. Pinned on a small day with one seat, through the real Conversations, Router and SQLite store.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversations } from '../../server/domain/chats/conversations';
import { initialRouting } from '../../server/domain/routing/initial-routing';
import { closesAt } from '../../server/domain/sla/business-time';
import type { Organisation } from '../../server/domain/records';
import type { Urgency } from '../../shared/chat-priority';
import type { BusinessHours } from '../../shared/support-plan';
import { anEndUser, anOrganisation } from '../support/records';
import { routingHarness, type RoutingHarness } from '../support/routing-harness';

const day = [{ from: '08:00', to: '18:30' }];
const DESK: BusinessHours = {
  timeZone: 'UTC',
  week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  holidays: [],
  p1AlwaysOn: true,
};
const target = (firstResponseMinutes: number) => ({ firstResponseMinutes, resolutionMinutes: null });
const STANDARD = { P1: target(15), P2: target(30), P3: target(120), P4: target(240) };
/** Monday 2 March 2026, UTC. */
const at = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00Z`);
const claims = { role: 'student' as const };

describe('closing time', () => {
  it('is when the open span that holds the instant ends; none when closed or around the clock', () => {
    expect(closesAt(DESK, at('16:00'))).toBe(at('18:30'));
    expect(closesAt(DESK, at('19:00'))).toBeNull();
    expect(closesAt(null, at('16:00'))).toBeNull();
    const split = {
      ...DESK,
      week: {
        ...DESK.week,
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '12:00', to: '18:30' },
        ],
      },
    };
    expect(closesAt(split, at('10:00'))).toBe(at('18:30'));
    const lunch = {
      ...DESK,
      week: {
        ...DESK.week,
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '18:30' },
        ],
      },
    };
    expect(closesAt(lunch, at('10:00'))).toBe(at('12:00'));
  });

  it('caps a chat’s deadline, except P1 where the plan keeps P1 clocks running', () => {
    expect(initialRouting(claims, 'question', at('16:00'), STANDARD, undefined, DESK).firstResponseDueAt).toBe(at('18:30'));
    expect(initialRouting(claims, 'question', at('16:00'), STANDARD, undefined, null).firstResponseDueAt).toBe(at('20:00'));
    expect(initialRouting(claims, 'question', at('10:00'), STANDARD, undefined, DESK).firstResponseDueAt).toBe(at('14:00'));
    expect(initialRouting(claims, 'class_stopped', at('18:25'), STANDARD, undefined, DESK).firstResponseDueAt).toBe(at('18:40'));
    expect(initialRouting(claims, 'class_stopped', at('18:25'), STANDARD, undefined, { ...DESK, p1AlwaysOn: false }).firstResponseDueAt).toBe(
      at('18:30'),
    );
  });
});

describe('one seat late in the afternoon', () => {
  let h: RoutingHarness;
  let school: Organisation;
  let conversations: Conversations;
  beforeEach(async () => {
    h = await routingHarness();
    const plan = await h.store.saveSupportPlanVersion({
      id: randomUUID(),
      name: 'Standard',
      targets: STANDARD,
      warnAtPercent: 80,
      businessHours: DESK,
      creditPerBreach: null,
      createdAt: at('08:00'),
      createdBy: 'Ada',
    });
    school = await h.store.createOrganisation(anOrganisation({ name: 'Hilltop College', supportPlanId: plan.id }));
    conversations = new Conversations({ store: h.store, events: h.events, clock: h.clock, router: h.router, newId: randomUUID });
  });
  afterEach(async () => {
    await h.close();
  });

  const arrive = async (hhmm: string, urgency: Urgency) => {
    h.clock.advance(at(hhmm) - h.clock.now());
    const user = await h.store.createEndUser(anEndUser(school.id));
    return (await conversations.start(school, user, randomUUID(), {}, urgency)).id;
  };

  it('serves the question that waited since 16:00 before a later problem, and an urgent chat before both', async () => {
    const question = await arrive('16:00', 'question'); // P4, due 20:00 by its target: by 18:30, when the desk closes
    const problem = await arrive('16:45', 'not_working_well'); // P3, due 18:45: also by 18:30
    const urgent = await arrive('18:10', 'cannot_take_part'); // P2, due 18:40: also by 18:30
    const ids = h.router.orderQueue(await h.store.listQueued()).map((c) => c.id);
    expect(ids).toEqual([urgent, question, problem]);

    const lin = await h.agent({ name: 'Lin', tier: 'L1', capacity: 1 });
    await h.agentPresence.setAvailable(lin.id, true);
    expect(await h.assigneeOf(urgent)).toBe(lin.id);
    await h.store.closeConversation(urgent, h.clock.now());
    await h.router.offerQueued();
    expect(await h.assigneeOf(question)).toBe(lin.id);
    expect(await h.assigneeOf(problem)).toBeNull();
  });

  it('keeps plain deadline order while the desk is far from closing', async () => {
    const question = await arrive('09:00', 'question'); // due 13:00
    const problem = await arrive('09:30', 'not_working_well'); // due 11:30
    const ids = h.router.orderQueue(await h.store.listQueued()).map((c) => c.id);
    expect(ids).toEqual([problem, question]);
  });
});
