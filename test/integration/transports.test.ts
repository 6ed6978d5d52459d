// The chat works over HTTP long-polling alone, across an upgrade to WebSocket, and when a proxy blocks WebSocket.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { ChatMessage, ConversationSummary, VisitorConversation } from '../../shared/model';
import { VISITOR_NAMESPACE, type VisitorSession } from '../../shared/protocol';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import {
  eventWhere,
  newClientId,
  nextEvent,
  okData,
  request,
  startTestServer,
  TEST_ORIGIN,
  type AgentClient,
  type TestServer,
  type VisitorClient,
} from '../support/server';

const transportOf = (socket: Socket) => socket.io.engine.transport.name;

describe('transports', () => {
  let server: TestServer;
  let appKey: string;
  const extra: Socket[] = [];
  beforeEach(async () => {
    server = await startTestServer();
    appKey = (await server.organisation({ identityRequired: false })).appKey;
  });
  afterEach(async () => {
    for (const socket of extra.splice(0)) socket.disconnect();
    await server.stop();
  });

  /** An agent on the given transports with the visitor's chat assigned. */
  async function agentFor(chat: VisitorConversation, transports: string[]): Promise<AgentClient> {
    const lin = await server.agent({ name: 'Lin Agent' });
    const agent = server.agentSocket(await server.signIn(lin.email, lin.password), { transports });
    await nextEvent(agent, 'session');
    const assigned = eventWhere<ConversationSummary>(agent, 'conversation:updated', (c) => c.id === chat.id && c.assignee?.id === lin.id);
    okData(await request(agent, 'presence:set', { available: true }));
    await assigned;
    return agent;
  }

  /** Sends `count` messages each way, acks awaited one by one, and checks both sides saw every one exactly once. */
  async function exchange(visitor: VisitorClient, agent: AgentClient, chat: VisitorConversation, count: number) {
    const atAgent = new Map<number, ChatMessage>();
    const atVisitor = new Map<number, ChatMessage>();
    const seenTwice: number[] = [];
    agent.on('message:new', (m: ChatMessage) => (atAgent.has(m.seq) ? seenTwice.push(m.seq) : atAgent.set(m.seq, m)));
    visitor.on('message:new', (m: ChatMessage) => (atVisitor.has(m.seq) ? seenTwice.push(m.seq) : atVisitor.set(m.seq, m)));
    const sent: ChatMessage[] = [];
    for (let i = 0; i < count; i++) {
      sent.push(okData(await request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `visitor ${i}` })));
      sent.push(okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `agent ${i}` })));
    }
    const last = sent.at(-1)!.seq;
    await expect.poll(() => atAgent.has(last) && atVisitor.has(last), { timeout: 5_000 }).toBe(true);
    for (const message of sent) {
      expect(atAgent.get(message.seq)).toEqual(message);
      expect(atVisitor.get(message.seq)).toEqual(message);
    }
    expect(seenTwice).toEqual([]);
    expect(sent.map((m) => m.text)).toEqual(Array.from({ length: count }, (_, i) => [`visitor ${i}`, `agent ${i}`]).flat());
  }

  it('chats over long-polling only, both sides', async () => {
    const visitor = server.visitor({ appKey, name: 'Pat' }, { transports: ['polling'] });
    await nextEvent(visitor, 'session');
    const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
    const agent = await agentFor(chat, ['polling']);
    expect(transportOf(visitor as Socket)).toBe('polling');
    expect(transportOf(agent as Socket)).toBe('polling');
    await exchange(visitor as Socket, agent, chat, 10);
  });

  it('keeps every message exactly once and in order while the connection upgrades from polling to WebSocket', async () => {
    // A little latency stretches the upgrade (probe, pause, flush) over several messages.
    const proxy = await startChaosProxy(server.port);
    try {
      proxy.weaken({ latencyMs: 60, lossRate: 0 });
      const visitor: VisitorClient = io(`${proxy.url}${VISITOR_NAMESPACE}`, {
        auth: { appKey, name: 'Pat' },
        extraHeaders: { origin: TEST_ORIGIN },
        transports: ['polling', 'websocket'],
        reconnection: false,
        forceNew: true,
      });
      extra.push(visitor);
      const { visitorToken } = await nextEvent<VisitorSession>(visitor, 'session', 10_000);
      visitor.auth = { appKey, visitorToken };
      const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
      const agent = await agentFor(chat, ['websocket']);
      const atAgent: ChatMessage[] = [];
      agent.on('message:new', (m: ChatMessage) => atAgent.push(m));

      // Reconnect, so the exchange starts on polling, and send without waiting for acks while it upgrades.
      visitor.disconnect().connect();
      await nextEvent(visitor, 'session', 10_000);
      const sentOver: string[] = [];
      const acks: Promise<ChatMessage>[] = [];
      for (let i = 0; i < 30; i++) {
        sentOver.push(transportOf(visitor));
        acks.push(request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `during upgrade ${i}` }).then(okData));
        await new Promise((r) => setTimeout(r, 15));
      }
      const stored = await Promise.all(acks);
      expect(new Set(sentOver)).toEqual(new Set(['polling', 'websocket']));
      expect(transportOf(visitor)).toBe('websocket');
      // Stored in the order sent, gap-free, and the agent got each exactly once.
      const seqs = stored.map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => seqs[0]! + i));
      await expect.poll(() => atAgent.length, { timeout: 5_000 }).toBe(30);
      expect(atAgent).toEqual(stored);
    } finally {
      await proxy.close();
    }
  });

  it("falls back to polling with the widget's own options when a proxy refuses WebSocket", async () => {
    const proxy: ChaosProxy = await startChaosProxy(server.port);
    try {
      proxy.blockWebSocket(true);
      const visitor: VisitorClient = io(`${proxy.url}${VISITOR_NAMESPACE}`, {
        auth: { appKey, name: 'Pat' },
        extraHeaders: { origin: TEST_ORIGIN },
        // As widget/transport/socket.ts: WebSocket first, polling when it is refused.
        transports: ['websocket', 'polling'],
        tryAllTransports: true,
        reconnectionDelay: 100,
        forceNew: true,
      });
      extra.push(visitor);
      await nextEvent(visitor, 'session', 10_000);
      expect(transportOf(visitor)).toBe('polling');
      expect(proxy.stats.refusedUpgrades).toBeGreaterThan(0);
      const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
      const agent = await agentFor(chat, ['websocket']);
      await exchange(visitor, agent, chat, 5);
    } finally {
      await proxy.close();
    }
  });
});
