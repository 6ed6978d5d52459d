// Two real server processes on one SQLite file, agents and visitors spread over both: every chat is claimed
// once and no agent ever holds more than its capacity, whichever process routes it.
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '../../shared/protocol';
import { freePort, seedDeployment, startServerProcess, type Deployment, type ServerProcess } from '../support/server-process';
import { newClientId, nextEvent, okData, request, TEST_ORIGIN, type VisitorClient, type AgentClient } from '../support/server';

const CAPACITY = 2;
const AGENTS = 4;
const VISITORS = 24;

describe('two server processes sharing one database', () => {
  let deployment: Deployment;
  const processes: ServerProcess[] = [];
  const sockets: Socket[] = [];

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(processes.map((p) => p.stop()));
    await deployment?.remove();
  });

  async function signIn(url: string, email: string, password: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  }

  it('never assigns a chat twice nor beyond an agent’s capacity', async () => {
    deployment = await seedDeployment({ agents: AGENTS, capacity: CAPACITY });
    // Both processes start before anyone connects (each marks every console as dropped when it starts).
    processes.push(...(await Promise.all([0, 1].map(async () => startServerProcess(deployment, await freePort())))));
    const [a, b] = processes as [ServerProcess, ServerProcess];

    // Half the agents on each process, all available.
    for (const [i, agent] of deployment.agents.entries()) {
      const node = i % 2 === 0 ? a : b;
      const cookie = await signIn(node.url, agent.email, agent.password);
      const socket: AgentClient = io(`${node.url}${AGENT_NAMESPACE}`, {
        extraHeaders: { cookie, origin: node.url },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await nextEvent(socket, 'session');
      okData(await request(socket, 'presence:set', { available: true }));
    }

    // Visitors on both processes start their chats all at once, so both routers claim concurrently.
    const visitors = Array.from({ length: VISITORS }, (_, i) => {
      const node = i % 2 === 0 ? a : b;
      const socket: VisitorClient = io(`${node.url}${VISITOR_NAMESPACE}`, {
        auth: { appKey: deployment.appKey, name: `Visitor ${i}` },
        extraHeaders: { origin: TEST_ORIGIN },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      return socket;
    });
    await Promise.all(visitors.map((v) => nextEvent(v, 'session', 15_000)));
    const chats = await Promise.all(
      visitors.map(async (v) => okData(await request(v, 'conversation:start', { clientId: newClientId(), context: {} }))),
    );
    // Let both processes' sweeps run once more over the shared queue.
    await new Promise((r) => setTimeout(r, 2_500));

    const store = deployment.openStore();
    try {
      const stored = await Promise.all(chats.map((c) => store.getConversation(c.id)));
      const assigned = stored.filter((c) => c?.status === 'active');
      // Every seat taken, none twice: as many assignments as there is capacity, each agent exactly full.
      expect(assigned).toHaveLength(AGENTS * CAPACITY);
      for (const agent of deployment.agents) {
        expect((await store.listAssigned(agent.id)).length).toBe(CAPACITY);
      }
      expect(stored.filter((c) => c?.status === 'queued')).toHaveLength(VISITORS - AGENTS * CAPACITY);
      // Each assignment was recorded and told to its visitor exactly once.
      for (const chat of assigned) {
        const moves = (await store.listMoves(chat?.id as string)).filter((m) => m.kind === 'assigned');
        expect(moves).toHaveLength(1);
        expect(moves[0]?.to?.id).toBe(chat?.assigneeId);
        const told = (await store.listMessagesAfter(chat?.id as string, 0, 10)).filter((m) => m.authorKind === 'system');
        expect(told).toHaveLength(1);
      }
    } finally {
      await store.close();
    }
  });
});
