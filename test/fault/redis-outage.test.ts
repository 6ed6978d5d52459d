// Redis away for 10 s from one node (its connection runs through a proxy the test cuts; the real Redis keeps
// running): that node keeps serving its own sockets at once, acknowledges what it stores, and when Redis is
// back the other node's clients get everything sent across nodes meanwhile, in order, none lost; an agent whose
// console closed on the cut node while another stayed open elsewhere keeps their presence.
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage, VisitorConversation } from '../../shared/model';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import { REDIS_TEST_URL, startCluster, type Cluster } from '../support/cluster';
import { eventWhere, newClientId, nextEvent, okData, request, type VisitorClient, type AgentClient } from '../support/server';

const OUTAGE_MS = 10_000;
const ACROSS = 5;

describe('Redis away for 10 seconds', () => {
  let cluster: Cluster | undefined;
  let proxy: ChaosProxy | undefined;

  afterAll(async () => {
    // Redis back first, whatever happened: nodes stop cleanly either way, but faster with it.
    proxy?.setDown(false);
    await cluster?.stop();
    await proxy?.close();
  }, 30_000);

  /** Every message:new a socket gets, by text. */
  function recorder(socket: Socket): ChatMessage[] {
    const seen: ChatMessage[] = [];
    socket.on('message:new', (m: ChatMessage) => seen.push(m));
    return seen;
  }

  async function chatWith(visitor: VisitorClient, agent: AgentClient): Promise<VisitorConversation> {
    await nextEvent(visitor, 'session', 10_000);
    const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
    const taken = eventWhere<VisitorConversation>(visitor, 'conversation:updated', (c) => c.id === chat.id && c.status === 'active', 3_000);
    okData(await request(agent, 'queue:pick', { conversationId: chat.id }));
    await taken;
    return chat;
  }

  it('keeps a node serving its own sockets and catches the other node up when Redis is back', async () => {
    const redisPort = Number(new URL(REDIS_TEST_URL).port || 6379);
    const redisDb = new URL(REDIS_TEST_URL).pathname;
    proxy = await startChaosProxy(redisPort);
    // Node B reaches Redis directly; node A (the first) through the proxy.
    cluster = await startCluster({ nodes: 0, agents: 2, capacity: 2 });
    const a = await cluster.startNode({ redisUrl: `redis://127.0.0.1:${proxy.port}${redisDb}` });
    const b = await cluster.startNode();
    const [xu, yan] = cluster.deployment.agents;

    // Xu (on A) helps Ada (on A); Yan (on B) helps Bo (on A).
    const xuConsole = await cluster.agentConsole(a, xu!);
    const yanConsole = await cluster.agentConsole(b, yan!);
    const ada = cluster.visitor(a, 'Ada');
    const local = await chatWith(ada, xuConsole);
    const bo = cluster.visitor(a, 'Bo');
    const across = await chatWith(bo, yanConsole);
    const atYan = recorder(yanConsole);
    const atBo = recorder(bo);
    // Yan also has a console open on node A, which closes during the outage.
    const yanSecondConsole = await cluster.agentConsole(a, yan!);
    const inGrace = async () => {
      const store = cluster!.deployment.openStore();
      try {
        return (await store.listAgentStatuses()).find((s) => s.agent.email === yan!.email)?.disconnectedAt !== null;
      } finally {
        await store.close();
      }
    };

    proxy.setDown(true);
    const cutAt = Date.now();
    // Let node A notice (the proxy resets its connections at once).
    await new Promise((r) => setTimeout(r, 300));

    // On node A alone, a chat goes on as before: requests are answered and events arrive at once.
    const heard = eventWhere<ChatMessage>(xuConsole, 'message:new', (m) => m.text === 'Still there?', 1_000);
    let started = Date.now();
    okData(await request(ada, 'message:send', { conversationId: local.id, clientId: newClientId(), text: 'Still there?' }));
    await heard;
    expect(Date.now() - started).toBeLessThan(1_000);
    const answered = eventWhere<ChatMessage>(ada, 'message:new', (m) => m.text === 'Yes, go on', 1_000);
    okData(await request(xuConsole, 'message:send', { conversationId: local.id, clientId: newClientId(), text: 'Yes, go on' }));
    await answered;
    started = Date.now();
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);

    // Across nodes, both ways: stored and acknowledged now, delivered when Redis is back.
    const fromBo: ChatMessage[] = [];
    const fromYan: ChatMessage[] = [];
    for (let i = 1; i <= ACROSS; i++) {
      fromBo.push(okData(await request(bo, 'message:send', { conversationId: across.id, clientId: newClientId(), text: `bo ${i}` })));
      fromYan.push(okData(await request(yanConsole, 'message:send', { conversationId: across.id, clientId: newClientId(), text: `yan ${i}` })));
    }

    // Node A cannot see Yan's console on B meanwhile: closing the one on A starts Yan's grace period.
    yanSecondConsole.disconnect();
    const graceDeadline = Date.now() + 3_000;
    while (!(await inGrace()) && Date.now() < graceDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(await inGrace()).toBe(true);

    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
    proxy.setDown(false);

    // Each side gets every message of the other, once each, in sequence order, within a few seconds.
    const deadline = Date.now() + 10_000;
    const got = (seen: ChatMessage[], wanted: ChatMessage[]) => wanted.every((w) => seen.some((m) => m.id === w.id));
    while (!(got(atYan, fromBo) && got(atBo, fromYan)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const seqs = (seen: ChatMessage[], wanted: ChatMessage[]) => seen.filter((m) => wanted.some((w) => w.id === m.id)).map((m) => m.seq);
    expect(seqs(atYan, fromBo)).toEqual(fromBo.map((m) => m.seq));
    expect(seqs(atBo, fromYan)).toEqual(fromYan.map((m) => m.seq));

    // And the cluster works as before: a new message crosses at once.
    const live = eventWhere<ChatMessage>(yanConsole, 'message:new', (m) => m.text === 'back to normal', 3_000);
    okData(await request(bo, 'message:send', { conversationId: across.id, clientId: newClientId(), text: 'back to normal' }));
    await live;
    // Node B, holding Yan's open console, ended the grace period once Redis was back.
    const backDeadline = Date.now() + 5_000;
    while ((await inGrace()) && Date.now() < backDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(await inGrace()).toBe(false);
    for (const node of cluster.nodes) expect(node.child.exitCode, node.output()).toBeNull();
    // About 25 s on an idle machine (10 s of it the outage); the margin is for a machine shared by parallel suites.
  }, 90_000);
});
