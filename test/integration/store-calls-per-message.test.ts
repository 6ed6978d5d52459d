// What one chat message costs the store, end to end (the post, its ack, fan-out to both sides and the inbox row),
// counted by the store-call metrics: the fan-out takes the writer's side of the chat from the event instead of
// reading it again (this was 7 calls per visitor message before; bench:delivery prints the same figure under load).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/model';
import {
  eventWhere,
  newClientId,
  nextEvent,
  okData,
  request,
  startTestServer,
  type AgentClient,
  type TestServer,
  type VisitorClient,
} from '../support/server';

const MESSAGES = 20;

/** Store calls so far by method, from /metrics (open to loopback). */
async function storeCalls(server: TestServer): Promise<Map<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const calls = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^support_store_duration_seconds_count\{.*method="([^"]+)".*\} (\S+)$/.exec(line);
    if (match) calls.set(match[1]!, Number(match[2]));
  }
  return calls;
}

function perMessage(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [method, count] of after) {
    const delta = count - (before.get(method) ?? 0);
    if (delta > 0) spent[method] = delta / MESSAGES;
  }
  return spent;
}

const total = (spent: Record<string, number>) => Object.values(spent).reduce((a, b) => a + b, 0);

describe('store calls per chat message', () => {
  let server: TestServer;
  let visitor: VisitorClient;
  let agent: AgentClient;
  let chatId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await server.organisation({ identityRequired: false });
    visitor = server.visitor({ appKey: org.appKey, name: 'Pat' });
    await nextEvent(visitor, 'session');
    const lin = await server.agent({ name: 'Lin' });
    agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    okData(await request(agent, 'presence:set', { available: true }));
    const assigned = eventWhere<ConversationSummary>(agent, 'conversation:updated', (c) => c.assignee?.id === lin.id);
    chatId = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} })).id;
    await assigned;
    // Past the first message: the chat's previous agents are read from now on, as for every later message.
    await exchange(visitor, 'first');
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Sends one message and waits until the agent's inbox row for it arrived (the fan-out's last step). */
  async function exchange(from: VisitorClient | AgentClient, text: string): Promise<void> {
    const row = eventWhere<ConversationSummary>(agent, 'conversation:updated', (c) => c.id === chatId && c.preview === text);
    okData(await request(from, 'message:send', { conversationId: chatId, clientId: newClientId(), text }));
    await row;
  }

  it('does not read the user again for a visitor’s message', async () => {
    const before = await storeCalls(server);
    for (let i = 0; i < MESSAGES; i += 1) await exchange(visitor, `visitor ${i}`);
    const spent = perMessage(before, await storeCalls(server));
    console.info(`store calls per visitor message: ${total(spent).toFixed(1)}`, spent);
    expect(spent.getEndUser ?? 0).toBe(0);
    expect(total(spent)).toBeLessThan(7);
  });

  it('reads neither the agent nor the message again for an agent’s reply', async () => {
    const before = await storeCalls(server);
    for (let i = 0; i < MESSAGES; i += 1) await exchange(agent, `agent ${i}`);
    const spent = perMessage(before, await storeCalls(server));
    console.info(`store calls per agent message: ${total(spent).toFixed(1)}`, spent);
    expect(spent.getAgent ?? 0).toBe(0);
    expect(spent.lastMessage ?? 0).toBe(0);
  });
});
