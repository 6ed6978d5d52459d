// Two real server processes on one SQLite file: a visitor waiting on one process learns of a place another
// process freed, though no event of that process ever reaches the first.
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE, type QueuePositionUpdate } from '../../shared/protocol';
import { freePort, seedDeployment, signIn, startServerProcess, type Deployment, type ServerProcess } from '../support/server-process';
import { eventWhere, newClientId, nextEvent, okData, request, TEST_ORIGIN, type VisitorClient, type AgentClient } from '../support/server';

describe('queue positions with two server processes sharing one database', () => {
  let deployment: Deployment;
  const processes: ServerProcess[] = [];
  const sockets: Socket[] = [];

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(processes.map((p) => p.stop()));
    await deployment?.remove();
  });

  function visitor(url: string, name: string): VisitorClient {
    const socket: VisitorClient = io(`${url}${VISITOR_NAMESPACE}`, {
      auth: { appKey: deployment.appKey, name },
      extraHeaders: { origin: TEST_ORIGIN },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  }

  it('moves a visitor on one process up when an agent on the other takes the chat ahead', async () => {
    deployment = await seedDeployment({ agents: 1, capacity: 1 });
    processes.push(...(await Promise.all([0, 1].map(async () => startServerProcess(deployment, await freePort())))));
    const [a, b] = processes as [ServerProcess, ServerProcess];

    const first = visitor(a.url, 'Ada');
    const second = visitor(b.url, 'Bo');
    await Promise.all([nextEvent(first, 'session', 15_000), nextEvent(second, 'session', 15_000)]);
    okData(await request(first, 'conversation:start', { clientId: newClientId(), context: {} }));
    const bo = okData(await request(second, 'conversation:start', { clientId: newClientId(), context: {} }));
    expect(bo.queuePosition).toBe(2);

    // The only agent goes available on process A and gets Ada's chat; process B hears of it from the database only.
    const movedUp = eventWhere<QueuePositionUpdate>(second, 'queue:position', (u) => u.conversationId === bo.id && u.position === 1, 10_000);
    const [agent] = deployment.agents;
    const console_: AgentClient = io(`${a.url}${AGENT_NAMESPACE}`, {
      extraHeaders: { cookie: await signIn(a.url, agent!.email, agent!.password), origin: a.url },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(console_);
    await nextEvent(console_, 'session');
    okData(await request(console_, 'presence:set', { available: true }));
    await movedUp;
  });
});
