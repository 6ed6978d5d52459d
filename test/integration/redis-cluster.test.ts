// Two real server processes on one database and one Redis: a visitor on node A and an agent on node B chat,
// type and read as on one node; queue places move on both within a second; deactivating an agent on A drops
// their console on B; a visitor whose connection dropped on A recovers its session on B; agents on B see
// whether a visitor on A is online; a supervisor on A follows what happens on B, and a role change made on A
// applies to the agent's console on B.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary, VisitorConversation } from '../../shared/model';
import type { QueuePositionUpdate, TypingNotice } from '../../shared/protocol';
import type { ReadUpdate } from '../../shared/read-state';
import type { SupervisorOverview } from '../../shared/routing-model';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import { startCluster, type Cluster } from '../support/cluster';
import { eventWhere, newClientId, nextEvent, okData, request, type VisitorClient } from '../support/server';
import { signIn, type ServerProcess } from '../support/server-process';

describe('two nodes sharing one database and one Redis', () => {
  let cluster: Cluster;
  let a: ServerProcess;
  let b: ServerProcess;
  const proxies: ChaosProxy[] = [];

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, agents: 5, capacity: 1 });
    [a, b] = cluster.nodes as [ServerProcess, ServerProcess];
  }, 40_000);

  afterAll(async () => {
    await Promise.all(proxies.map((p) => p.close()));
    await cluster?.stop();
  }, 30_000);

  async function startChat(visitor: VisitorClient): Promise<VisitorConversation> {
    await nextEvent(visitor, 'session', 10_000);
    return okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
  }

  it('carries messages, typing and read marks between a visitor on one node and an agent on the other', async () => {
    const [lin] = cluster.deployment.agents;
    const agent = await cluster.agentConsole(b, lin!);
    okData(await request(agent, 'presence:set', { available: true }));

    const visitor = cluster.visitor(a, 'Ada');
    const assigned = eventWhere<ConversationSummary>(
      agent,
      'conversation:updated',
      (s) => s.status === 'active' && s.assignee?.id === lin!.id,
      5_000,
    );
    const chat = await startChat(visitor);
    expect((await assigned).id).toBe(chat.id);

    // Visitor (A) → agent (B): the agent's console joined the chat's room on B when node A assigned it.
    const atAgent = eventWhere<ChatMessage>(agent, 'message:new', (m) => m.text === 'My microphone is silent', 3_000);
    okData(await request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'My microphone is silent' }));
    expect((await atAgent).authorKind).toBe('visitor');

    // Agent (B) → visitor (A).
    const atVisitor = eventWhere<ChatMessage>(visitor, 'message:new', (m) => m.text === 'Try the browser’s site settings', 3_000);
    const reply = okData(
      await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Try the browser’s site settings' }),
    );
    expect((await atVisitor).seq).toBe(reply.seq);

    // Typing both ways.
    const agentSeesTyping = eventWhere<TypingNotice>(agent, 'typing', (t) => t.conversationId === chat.id && t.typing, 3_000);
    visitor.emit('typing', { conversationId: chat.id, typing: true });
    expect((await agentSeesTyping).name).toBe('Ada');
    const visitorSeesTyping = eventWhere<TypingNotice>(visitor, 'typing', (t) => t.conversationId === chat.id && t.typing, 3_000);
    agent.emit('typing', { conversationId: chat.id, typing: true });
    expect((await visitorSeesTyping).name).toBe('Agent 1');

    // Read marks both ways.
    const agentSeesRead = eventWhere<ReadUpdate>(agent, 'read:updated', (r) => r.reader === 'visitor' && r.seq === reply.seq, 3_000);
    okData(await request(visitor, 'read:mark', { conversationId: chat.id, seq: reply.seq }));
    await agentSeesRead;
    const last = okData(await request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'It works now' }));
    const visitorSeesRead = eventWhere<ReadUpdate>(visitor, 'read:updated', (r) => r.reader === 'agent' && r.seq === last.seq, 3_000);
    okData(await request(agent, 'read:mark', { conversationId: chat.id, seq: last.seq }));
    await visitorSeesRead;

    okData(await request(agent, 'conversation:close', { conversationId: chat.id }));
    agent.disconnect();
    visitor.disconnect();
  }, 30_000);

  it('moves queue places on both nodes within a second when an agent on one takes a chat', async () => {
    // Three chats wait, started alternately on A and B; nobody is available.
    const visitors: Socket[] = [];
    const chats: VisitorConversation[] = [];
    for (const [node, name] of [
      [a, 'Bo'],
      [b, 'Cy'],
      [a, 'Di'],
    ] as const) {
      const visitor = cluster.visitor(node, name);
      visitors.push(visitor);
      chats.push(await startChat(visitor));
    }
    const [, second, third] = visitors as [Socket, Socket, Socket];
    expect(chats.map((c) => c.queuePosition)).toEqual([1, 2, 3]);

    // An agent on B becomes available and takes the first chat: B's visitor moves to 1, A's to 2.
    const [, lin] = cluster.deployment.agents;
    const agent = await cluster.agentConsole(b, lin!);
    const onB = eventWhere<QueuePositionUpdate>(second, 'queue:position', (u) => u.conversationId === chats[1]!.id && u.position === 1, 3_000);
    const onA = eventWhere<QueuePositionUpdate>(third, 'queue:position', (u) => u.conversationId === chats[2]!.id && u.position === 2, 3_000);
    okData(await request(agent, 'presence:set', { available: true }));
    // The chat was taken before that answer; the node that did not take it hears of it by a signal, not by its
    // 30-second safety check.
    const taken = Date.now();
    await Promise.all([onB, onA]);
    expect(Date.now() - taken).toBeLessThan(1_000);
    okData(await request(agent, 'presence:set', { available: false }));
  }, 30_000);

  it('disconnects a deactivated agent’s console on the other node', async () => {
    const [, , bea] = cluster.deployment.agents;
    const console_ = await cluster.agentConsole(b, bea!);
    const dropped = nextEvent<string>(console_, 'disconnect', 5_000);

    const cookie = await signIn(a.url, cluster.admin.email, cluster.admin.password);
    const res = await fetch(`${a.url}/api/admin/agents/${bea!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: a.url },
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
  }, 20_000);

  it('recovers a visitor’s connection state on the other node, with what was sent meanwhile', async () => {
    // The visitor reaches node A through a balancer-like proxy that the test then points at node B.
    const proxy = await startChaosProxy(a.port);
    proxies.push(proxy);
    const [, , , kim] = cluster.deployment.agents;
    const agent = await cluster.agentConsole(b, kim!);
    const visitor = cluster.visitor(proxy.url, 'Eve', { recover: true });
    const chat = await startChat(visitor);
    const taken = eventWhere<VisitorConversation>(visitor, 'conversation:updated', (c) => c.id === chat.id && c.status === 'active', 3_000);
    okData(await request(agent, 'queue:pick', { conversationId: chat.id }));
    await taken;

    proxy.retarget(b.port);
    proxy.cutAll();
    await nextEvent(visitor, 'disconnect', 3_000);
    // Written while the visitor is away: only connection-state recovery (or history) can bring it.
    okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Are you still there?' }));

    const replayed = eventWhere<ChatMessage>(visitor, 'message:new', (m) => m.text === 'Are you still there?', 5_000);
    await nextEvent(visitor, 'connect', 5_000);
    expect(visitor.recovered).toBe(true);
    await replayed;
    // Back on B, the recovered socket is still in the chat's room: live messages keep coming.
    const live = eventWhere<ChatMessage>(visitor, 'message:new', (m) => m.text === 'Good, carry on', 3_000);
    okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Good, carry on' }));
    await live;
  }, 30_000);

  it('keeps a supervisor on one node up to date with the other, and applies a role change on the agent’s node', async () => {
    const supervisor = await cluster.agentConsole(a, cluster.admin);
    okData(await request(supervisor, 'supervisor:watch'));
    const [, , , , lee] = cluster.deployment.agents;
    const console_ = await cluster.agentConsole(b, lee!);

    // Lee goes available on B; A builds its own overview for its supervisor when B's signal arrives.
    const seen = eventWhere<SupervisorOverview>(
      supervisor,
      'supervisor:overview',
      (o) => o.agents.some((x) => x.id === lee!.id && x.presence === 'available'),
      3_000,
    );
    okData(await request(console_, 'presence:set', { available: true }));
    await seen;

    // Promoted on A: Lee's console on B may watch the overview, which its node checks on its own copy of Lee.
    const cookie = await signIn(a.url, cluster.admin.email, cluster.admin.password);
    const promoted = eventWhere<{ role: string }>(console_, 'agent:updated', (x) => x.role === 'supervisor', 3_000);
    const res = await fetch(`${a.url}/api/admin/agents/${lee!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: a.url },
      body: JSON.stringify({ role: 'supervisor' }),
    });
    expect(res.status).toBe(200);
    await promoted;
    const deadline = Date.now() + 3_000;
    let watch = await request(console_, 'supervisor:watch');
    while (!watch.ok && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      watch = await request(console_, 'supervisor:watch');
    }
    expect(okData(watch).agents.length).toBeGreaterThan(0);
    okData(await request(console_, 'presence:set', { available: false }));
  }, 30_000);

  it('shows a visitor connected to one node as online to agents on the other, and offline once they leave', async () => {
    const [, , , kim] = cluster.deployment.agents;
    const agent = await cluster.agentConsole(b, kim!);
    const fay = cluster.visitor(a, 'Fay');
    const chat = await startChat(fay);
    const listed = async () => okData(await request(agent, 'inbox:fetch')).queued.find((c) => c.id === chat.id);
    // Built on node B, which has no socket of Fay's: it knows from node A's report.
    expect((await listed())?.visitorOnline).toBe(true);

    const offline = eventWhere<ConversationSummary>(agent, 'conversation:updated', (s) => s.id === chat.id && !s.visitorOnline, 15_000);
    fay.disconnect();
    await offline;
    expect((await listed())?.visitorOnline).toBe(false);
  }, 30_000);
});
