// Delivery through a real server: per-sender order, and the connection-state-recovery fast path after a short drop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
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

describe('delivery', () => {
  let server: TestServer;
  let appKey: string;
  let proxy: ChaosProxy;
  let visitor: VisitorClient;
  let agent: AgentClient;
  let chat: VisitorConversation;

  /** A visitor connected through a proxy that can cut it, with reconnection on, and an agent on the chat. */
  beforeEach(async () => {
    server = await startTestServer();
    appKey = (await server.organisation({ identityRequired: false })).appKey;
    proxy = await startChaosProxy(server.port);
    visitor = io(`${proxy.url}${VISITOR_NAMESPACE}`, {
      auth: { appKey, name: 'Pat' },
      extraHeaders: { origin: TEST_ORIGIN },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
      forceNew: true,
    });
    const { visitorToken } = await nextEvent<VisitorSession>(visitor, 'session');
    visitor.auth = { appKey, visitorToken };
    chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
    const lin = await server.agent({ name: 'Lin Agent' });
    agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    const assigned = eventWhere<ConversationSummary>(agent, 'conversation:updated', (c) => c.id === chat.id && c.assignee?.id === lin.id);
    okData(await request(agent, 'presence:set', { available: true }));
    await assigned;
  });
  afterEach(async () => {
    visitor.disconnect();
    await proxy.close();
    await server.stop();
  });

  it("stores one sender's messages in the order sent, even when sent without waiting for acks", async () => {
    const acks = Array.from({ length: 40 }, (_, i) =>
      request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `burst ${i}` }).then(okData),
    );
    const stored = await Promise.all(acks);
    const seqs = stored.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const history = okData(await request(visitor, 'history:fetch', { conversationId: chat.id, afterSeq: seqs[0]! - 1 }));
    expect(history.messages.filter((m) => m.authorKind === 'visitor').map((m) => m.text)).toEqual(stored.map((m) => m.text));
  });

  it('replays what was broadcast during a short drop when the connection state is recovered', async () => {
    const live: ChatMessage[] = [];
    visitor.on('message:new', (m: ChatMessage) => live.push(m));
    const reconnected = new Promise<void>((resolve) => visitor.io.once('reconnect', () => resolve()));
    proxy.setDown(true);
    await new Promise((r) => setTimeout(r, 50));
    const missed = okData(
      await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Sent while you were away' }),
    );
    proxy.setDown(false);
    await reconnected;
    await expect.poll(() => live.map((m) => m.id), { timeout: 3_000 }).toContain(missed.id);
    expect(visitor.recovered).toBe(true);
    expect(live.filter((m) => m.id === missed.id)).toHaveLength(1);
  });

  it('still hands out everything after the last seq when the state cannot be recovered', async () => {
    const before = okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'before' }));
    visitor.disconnect();
    const missed = okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'while gone' }));
    visitor.connect();
    const session = await nextEvent<VisitorSession>(visitor, 'session');
    expect(visitor.recovered).toBe(false);
    expect(session.conversation?.lastSeq).toBe(missed.seq);
    const history = okData(await request(visitor, 'history:fetch', { conversationId: chat.id, afterSeq: before.seq }));
    expect(history).toEqual({ messages: [missed], hasMore: false });
  });
});
