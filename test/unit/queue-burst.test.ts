// A class starting at once, through the real domain services and a real (in-memory SQLite) store: every start's
// view carries a place read after that chat was stored, the places end right, and the burst shares its reads of
// the queue instead of reading it once per view.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { URGENCIES } from '../../shared/chat-priority';
import type { Store } from '../../server/domain/ports';
import type { Organisation } from '../../server/domain/records';
import { deadlineRouting } from '../../server/domain/routing/chat-routing-policy';
import { createServices, type SupportServices } from '../../server/domain/services';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { FakeClock } from '../support/fake-clock';
import { anEndUser, anOrganisation } from '../support/records';
import { memoryRateLimits } from '../../server/store/rate-limits/flexible-rate-limits';

describe('a burst of chats starting at once', () => {
  let store: Store;
  let services: SupportServices;
  let org: Organisation;
  const reads = { queueOrder: 0, queue: 0 };

  beforeEach(async () => {
    const real = openSqliteStore(':memory:');
    await real.migrate();
    // The real store, counting how often the whole queue is read.
    store = {
      ...real,
      listQueueOrder: () => {
        reads.queueOrder += 1;
        return real.listQueueOrder();
      },
      listQueued: () => {
        reads.queue += 1;
        return real.listQueued();
      },
    };
    services = createServices({
      store,
      clock: new FakeClock(),
      newId: randomUUID,
      onListenerError: (e) => {
        throw e;
      },
      rateLimits: memoryRateLimits(),
    });
    org = await store.createOrganisation(anOrganisation());
    reads.queueOrder = 0;
    reads.queue = 0;
  });
  afterEach(async () => {
    await store.close();
  });

  it('shows every visitor a place that includes its own chat, and the store’s places once settled', async () => {
    const N = 150;
    const users = await Promise.all(Array.from({ length: N }, (_, i) => store.createEndUser(anEndUser(org.id, { name: `Student ${i + 1}` }))));
    reads.queueOrder = 0;
    // As the socket handler does for each start: start, then the view for the ack.
    const acks = await Promise.all(
      users.map(async (user, i) => {
        const conversation = await services.conversations.start(org, user, randomUUID(), {}, URGENCIES[i % URGENCIES.length]!);
        return services.views.forVisitor(conversation);
      }),
    );
    // Never a view read before its own chat was stored (that would show no place at all).
    for (const ack of acks) {
      expect(ack.status).toBe('queued');
      expect(ack.queuePosition).toBeGreaterThanOrEqual(1);
      expect(ack.queuePosition).toBeLessThanOrEqual(N);
    }
    // Two views per start (the ack, and the `conversation.queued` view fanned out by the transport in the app; here
    // only the ack): shared, so far fewer reads than views.
    expect(reads.queueOrder).toBeLessThan(N / 5);
    // No agent has room: routing never read the whole queue.
    expect(reads.queue).toBe(0);

    const order = deadlineRouting.orderQueue(await store.listQueued()).map((c) => c.id);
    const places = await services.views.queuePositions();
    expect([...places.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual(order);
    const settled = await Promise.all(
      acks.map(async (ack) => (await services.views.forVisitor((await store.getConversation(ack.id))!)).queuePosition),
    );
    expect(settled).toEqual(acks.map((ack) => order.indexOf(ack.id) + 1));
  });
});
