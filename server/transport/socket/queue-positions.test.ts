import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationViews } from '../../domain/chats/conversation-views';
import type { Store } from '../../domain/ports';
import { openSqliteStore } from '../../store/sqlite/index';
import { aConversation, anEndUser, anOrganisation } from '../../../test/support/records';
import { QueuePositions, TELLS_PER_TURN } from './queue-positions';

type Told = [conversationId: string, position: number];

/** QueuePositions over places the test sets by hand; counts reads and how many run at once. */
function scripted(initial: Record<string, number>) {
  let places = new Map(Object.entries(initial));
  const told: Told[] = [];
  const errors: unknown[] = [];
  const stats = { reads: 0, running: 0, mostAtOnce: 0 };
  let gate: Promise<void> | null = null;
  let failNext = false;
  const positions = new QueuePositions({
    read: async () => {
      stats.reads += 1;
      stats.running += 1;
      stats.mostAtOnce = Math.max(stats.mostAtOnce, stats.running);
      try {
        // What the store holds when the read starts, answered once the gate (if any) opens.
        const snapshot = new Map(places);
        if (gate) await gate;
        if (failNext) {
          failNext = false;
          throw new Error('database is locked');
        }
        return snapshot;
      } finally {
        stats.running -= 1;
      }
    },
    tell: (conversationId, position) => told.push([conversationId, position]),
    onError: (error) => errors.push(error),
  });
  return {
    positions,
    told,
    errors,
    stats,
    set: (next: Record<string, number>) => (places = new Map(Object.entries(next))),
    /** Holds every read until the returned function is called. */
    hold: () => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
    failNextRead: () => (failNext = true),
    /** What was sent since the last call. */
    take: () => told.splice(0),
  };
}

describe('queue positions', () => {
  let store: Store;
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
  });
  afterEach(() => store.close());

  it('recomputes a few times, not per chat, for a burst of 500 chats arriving together, and tells each chat its place once', async () => {
    const views = new ConversationViews(store, { isOnline: () => false });
    let reads = 0;
    const told: Told[] = [];
    const positions = new QueuePositions({
      read: () => {
        reads += 1;
        return views.queuePositions();
      },
      tell: (conversationId, position) => told.push([conversationId, position]),
      onError: (error) => {
        throw error;
      },
    });
    const org = await store.createOrganisation(anOrganisation());
    const ids: string[] = [];
    const bursts: Promise<void>[] = [];
    for (let i = 0; i < 500; i++) {
      const user = await store.createEndUser(anEndUser(org.id));
      const { conversation } = await store.createConversation(aConversation(org.id, user.id, { createdAt: 10_000 + i }));
      ids.push(conversation.id);
      bursts.push(positions.changed());
    }
    await Promise.all(bursts);
    // The store's writes resolve without yielding to the event loop except every 8 ms slice (connection-gate.ts):
    // the 500 changes share one pass per turn of the loop, a handful in all.
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(10);
    expect(told).toEqual(ids.map((id, i) => [id, i + 1]));
  });

  it('lets the event loop run between slices of a large pass, and still tells every place once, in order', async () => {
    const places = Object.fromEntries(Array.from({ length: 4 * TELLS_PER_TURN }, (_, i) => [`chat${i}`, i + 1]));
    const queue = scripted(places);
    // Other work (a health check, a ping) queued while the pass runs gets its turn before the pass ends.
    let otherWorkRanAfter = -1;
    const pass = queue.positions.changed();
    await new Promise((resolve) => setImmediate(resolve));
    setImmediate(() => (otherWorkRanAfter = queue.told.length));
    await pass;
    expect(otherWorkRanAfter).toBeGreaterThan(0);
    expect(otherWorkRanAfter).toBeLessThan(4 * TELLS_PER_TURN);
    expect(queue.told).toEqual(Object.entries(places));
  });

  it('stops telling when closed between slices', async () => {
    const queue = scripted(Object.fromEntries(Array.from({ length: 3 * TELLS_PER_TURN }, (_, i) => [`chat${i}`, i + 1])));
    const pass = queue.positions.changed();
    await new Promise((resolve) => setImmediate(resolve));
    setImmediate(() => void queue.positions.close());
    await pass;
    expect(queue.told.length).toBeLessThan(3 * TELLS_PER_TURN);
  });

  it('runs one more pass after changes that arrive during a pass, never two at once, and loses none', async () => {
    const queue = scripted({ a: 1 });
    const release = queue.hold();
    const first = queue.positions.changed();
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.stats.reads).toBe(1);
    // 100 chats arrive while that read is still running; a is served. Only the last state must show.
    const arrived: Told[] = [];
    for (let k = 0; k < 100; k++) {
      arrived.push([`chat${k}`, k + 1]);
      queue.set(Object.fromEntries(arrived));
      void queue.positions.changed();
    }
    release();
    await first;
    expect(queue.stats.reads).toBe(2);
    expect(queue.stats.mostAtOnce).toBe(1);
    expect(queue.told).toEqual([['a', 1], ...arrived]);
  });

  it('sends only the places that moved, and forgets chats that left the queue', async () => {
    const queue = scripted({ a: 1, b: 2, c: 3, d: 4 });
    await queue.positions.changed();
    expect(queue.take()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);

    // c is picked by an agent: only d moves.
    queue.set({ a: 1, b: 2, d: 3 });
    await queue.positions.changed();
    expect(queue.take()).toEqual([['d', 3]]);

    // Nothing moved: nothing is sent.
    await queue.positions.changed();
    expect(queue.take()).toEqual([]);

    // c comes back at the front at its old place number: it was forgotten, so it is told again.
    queue.set({ c: 1, a: 2, b: 3, d: 4 });
    await queue.positions.changed();
    expect(queue.take()).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
      ['d', 4],
    ]);
  });

  it('says a place again when one socket was shown another in a full view, and not when it was the same', async () => {
    const queue = scripted({ a: 1, b: 2 });
    await queue.positions.changed();
    queue.take();

    // A session computed before the queue last moved showed a 3: the room no longer agrees, so tell it again.
    queue.positions.shownToOne('a', 3);
    await queue.positions.changed();
    expect(queue.take()).toEqual([['a', 1]]);

    queue.positions.shownToOne('b', 2);
    await queue.positions.changed();
    expect(queue.take()).toEqual([]);
  });

  it('takes a full view sent to the whole room as what the room now holds', async () => {
    const queue = scripted({ a: 1, b: 2 });
    await queue.positions.changed();
    queue.take();

    // A stale view (read before the last pass) reached the room after it: the pass that follows corrects it.
    queue.positions.shownToRoom('a', 4);
    // An up-to-date one needs nothing more.
    queue.positions.shownToRoom('b', 2);
    await queue.positions.changed();
    expect(queue.take()).toEqual([['a', 1]]);

    // A view saying "no longer waiting" forgets the chat: back in the queue, it is told its place.
    queue.positions.shownToRoom('b', null);
    await queue.positions.changed();
    expect(queue.take()).toEqual([['b', 2]]);
  });

  it('reports a failed read and recovers with the next change', async () => {
    const queue = scripted({ a: 1 });
    queue.failNextRead();
    await queue.positions.changed();
    expect(queue.errors).toHaveLength(1);
    expect(queue.told).toEqual([]);
    await queue.positions.changed();
    expect(queue.take()).toEqual([['a', 1]]);
  });

  it('starts no pass once closed, and waits for the running one', async () => {
    const queue = scripted({ a: 1 });
    const release = queue.hold();
    void queue.positions.changed();
    await new Promise((resolve) => setImmediate(resolve));
    const closed = queue.positions.close();
    void queue.positions.changed();
    release();
    await closed;
    expect(queue.stats.reads).toBe(1);
    await queue.positions.changed();
    expect(queue.stats.reads).toBe(1);
  });
});
