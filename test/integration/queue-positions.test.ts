// Waiting visitors' places through a real server and real sockets: a full view when a chat starts or a visitor
// (re)connects, then `queue:position` only for the places that moved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorConversation } from '../../shared/model';
import type { QueuePositionUpdate, VisitorSession } from '../../shared/protocol';
import type { Organisation } from '../../server/domain/records';
import { deadlineRouting } from '../../server/domain/routing/chat-routing-policy';
import { newClientId, nextEvent, okData, request, startTestServer, type TestServer, type VisitorClient } from '../support/server';

/** A visitor as the widget holds its chat: the last full view, moved by `queue:position` for that chat while it waits. */
interface Waiting {
  socket: VisitorClient;
  id: string;
  view: VisitorConversation;
  /** Every queue message since the last `heard.length = 0`, in arrival order. */
  heard: (['conversation:updated', VisitorConversation] | ['queue:position', QueuePositionUpdate])[];
}

describe('queue positions', () => {
  let server: TestServer;
  let org: Organisation;
  beforeEach(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
  });
  afterEach(async () => {
    await server.stop();
  });

  async function connect(name: string): Promise<VisitorClient & { visitorToken?: string }> {
    const socket = server.visitor({ appKey: org.appKey, name });
    const { visitorToken } = await nextEvent<VisitorSession>(socket, 'session');
    return Object.assign(socket, { visitorToken });
  }

  function follow(socket: VisitorClient, view: VisitorConversation): Waiting {
    const waiting: Waiting = { socket, id: view.id, view, heard: [] };
    socket.on('conversation:updated', (update) => {
      waiting.heard.push(['conversation:updated', update]);
      waiting.view = update;
    });
    socket.on('queue:position', (update) => {
      waiting.heard.push(['queue:position', update]);
      if (update.conversationId === waiting.view.id && waiting.view.status === 'queued')
        waiting.view = { ...waiting.view, queuePosition: update.position };
    });
    return waiting;
  }

  async function queueUp(name: string): Promise<Waiting> {
    const socket = await connect(name);
    const view = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: {} }));
    return follow(socket, view);
  }

  /** Every chat's place in the store, in routing order. */
  async function storedPlaces(): Promise<Map<string, number>> {
    const queue = deadlineRouting.orderQueue(await server.services.store.listQueued());
    return new Map(queue.map((c, i) => [c.id, i + 1]));
  }

  /** A round trip on each socket: whatever the server sent them before has arrived. */
  const roundTrip = (waiting: Waiting[]) =>
    Promise.all(waiting.map(async (w) => okData(await request(w.socket, 'history:fetch', { conversationId: w.id, afterSeq: 0 }))));

  it('tells only the visitors behind a served chat that they moved up', async () => {
    const visitors: Waiting[] = [];
    for (const name of ['Ada', 'Bo', 'Cy', 'Di', 'Ed']) visitors.push(await queueUp(name));
    expect(visitors.map((v) => v.view.queuePosition)).toEqual([1, 2, 3, 4, 5]);
    const [ada, bo, cy, di, ed] = visitors as [Waiting, Waiting, Waiting, Waiting, Waiting];

    // Queueing one after another moved nobody who was already waiting: not one update said the same place again.
    await roundTrip(visitors);
    expect(visitors.flatMap((v) => v.heard).filter(([event]) => event === 'queue:position')).toEqual([]);
    for (const v of visitors) v.heard.length = 0;

    // An agent takes Cy's chat by hand: Di and Ed move up, Ada and Bo stay where they are.
    const lin = await server.agent({ name: 'Lin' });
    const agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    okData(await request(agent, 'queue:pick', { conversationId: cy.id }));
    await expect.poll(() => [di.view.queuePosition, ed.view.queuePosition]).toEqual([3, 4]);
    await expect.poll(() => cy.view).toMatchObject({ status: 'active', agentName: 'Lin', queuePosition: null });
    await roundTrip(visitors);

    expect(ada.heard).toEqual([]);
    expect(bo.heard).toEqual([]);
    expect(di.heard).toEqual([['queue:position', { conversationId: di.id, position: 3 }]]);
    expect(ed.heard).toEqual([['queue:position', { conversationId: ed.id, position: 4 }]]);
    // Cy hears of its own change in a full view, and of no place any more.
    expect(cy.heard.map(([event]) => event)).toEqual(['conversation:updated']);

    const places = await storedPlaces();
    for (const v of [ada, bo, di, ed]) expect(v.view.queuePosition).toBe(places.get(v.id));
  });

  it('settles every place after a burst of chats started at the same instant', async () => {
    const sockets = await Promise.all(Array.from({ length: 30 }, (_, i) => connect(`Student ${i + 1}`)));
    const visitors: Waiting[] = [];
    await Promise.all(
      sockets.map(async (socket) => {
        // Updates that arrive before the ack are for a chat the widget does not know yet: it ignores them too.
        const view = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: {} }));
        visitors.push(follow(socket, view));
      }),
    );
    const places = await storedPlaces();
    expect(places.size).toBe(30);
    await expect.poll(() => visitors.filter((v) => v.view.queuePosition !== places.get(v.id)).length).toBe(0);

    // Then agents come online and take the first six; everyone else ends at its place in the store.
    for (const name of ['Lin', 'Kim']) {
      const agent = await server.agent({ name, capacity: 3 });
      const socket = server.agentSocket(await server.signIn(agent.email, agent.password));
      await nextEvent(socket, 'session');
      okData(await request(socket, 'presence:set', { available: true }));
    }
    await expect.poll(async () => (await server.services.store.listQueued()).length).toBe(24);
    const after = await storedPlaces();
    await expect
      .poll(() => visitors.filter((v) => (after.has(v.id) ? v.view.queuePosition !== after.get(v.id) : v.view.status !== 'active')).length)
      .toBe(0);
  });

  it('gives a reconnecting visitor its place as it is now in the session', async () => {
    const bo = await queueUp('Bo');
    const socket = await connect('Ada');
    const ada = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: {} }));
    expect(ada.queuePosition).toBe(2);
    const lin = await server.agent({ name: 'Lin' });
    const agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    // Ada reloads the page; while she is away an agent takes Bo's chat.
    socket.disconnect();
    okData(await request(agent, 'queue:pick', { conversationId: bo.id }));

    const again = server.visitor({ appKey: org.appKey, visitorToken: socket.visitorToken });
    const session = await nextEvent<VisitorSession>(again, 'session');
    expect(session.conversation).toMatchObject({ id: ada.id, status: 'queued', queuePosition: 1 });
  });
});
