// Chats of organisations on a plan with faster first-response targets are due, and so queued, by those targets.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversations } from '../../server/domain/chats/conversations';
import { initialRouting } from '../../server/domain/routing/initial-routing';
import { anEndUser, anOrganisation } from '../support/records';
import { routingHarness, type RoutingHarness } from '../support/routing-harness';

const MINUTE = 60_000;
const target = (firstResponseMinutes: number, resolutionMinutes: number | null) => ({ firstResponseMinutes, resolutionMinutes });
const FAST = { P1: target(5, 60), P2: target(10, 120), P3: target(30, 480), P4: target(60, null) };
const SLOW = { ...FAST, P1: target(30, 60) };

describe('chat routing by plan', () => {
  let h: RoutingHarness;
  beforeEach(async () => {
    h = await routingHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('takes a plan’s first-response target only where it is faster than the chat target', () => {
    const claims = { role: 'student' as const };
    expect(initialRouting(claims, 'not_working_well', 0, FAST).firstResponseDueAt).toBe(30 * MINUTE); // P3: 2 h → 30 min
    expect(initialRouting(claims, 'not_working_well', 0, null).firstResponseDueAt).toBe(120 * MINUTE);
    expect(initialRouting(claims, 'class_stopped', 0, SLOW).firstResponseDueAt).toBe(15 * MINUTE); // never slower
  });

  it('offers the plan organisation’s chat first, though it arrived later', async () => {
    const plan = await h.store.saveSupportPlanVersion({
      id: randomUUID(),
      name: 'Dedicated',
      targets: FAST,
      warnAtPercent: 80,
      businessHours: null,
      creditPerBreach: null,
      createdAt: h.clock.now(),
      createdBy: 'Ada',
    });
    const dedicated = await h.store.createOrganisation(anOrganisation({ name: 'Hilltop College', supportPlanId: plan.id }));
    const conversations = new Conversations({ store: h.store, events: h.events, clock: h.clock, router: h.router, newId: randomUUID });
    const start = async (org = h.org) => {
      h.clock.advance(1_000);
      const user = await h.store.createEndUser(anEndUser(org.id));
      return conversations.start(org, user, randomUUID(), {}, 'not_working_well');
    };
    const standard = await start();
    const planned = await start(dedicated);
    expect(standard.routing.firstResponseDueAt).toBe(standard.createdAt + 120 * MINUTE);
    expect(planned.routing.firstResponseDueAt).toBe(planned.createdAt + 30 * MINUTE);

    const lin = await h.agent({ name: 'Lin', tier: 'L1', capacity: 1 });
    await h.agentPresence.setAvailable(lin.id, true);
    expect(await h.assigneeOf(planned.id)).toBe(lin.id);
    expect(await h.assigneeOf(standard.id)).toBeNull();
  });
});
