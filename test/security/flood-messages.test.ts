// Message and typing floods against a real server: one anonymous socket firing 3,000 messages without
// waiting, an agent doing the same, a typing storm. Beyond the limit each is refused with `rate_limited` and
// a retry-after, and nothing refused is stored or reaches the other side.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, VisitorConversation } from '../../shared/model';
import type { Result } from '../../shared/errors';
import type { Organisation } from '../../server/domain/records';
import { FLOOD_LIMITS } from '../../server/domain/limits/flood-limits';
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
import { countRows, tally } from './flood-support';

const atOnce = (action: keyof typeof FLOOD_LIMITS) => FLOOD_LIMITS[action].rate.points + (FLOOD_LIMITS[action].burst?.points ?? 0);

describe('message floods', () => {
  let server: TestServer;
  let org: Organisation;
  let visitor: VisitorClient;
  let agent: AgentClient;
  let chat: VisitorConversation;

  beforeEach(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
    const lin = await server.agent({ name: 'Lin', capacity: 5 });
    agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    okData(await request(agent, 'presence:set', { available: true }));
    visitor = server.visitor({ appKey: org.appKey, name: 'Flood' });
    await nextEvent(visitor, 'session');
    chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
    if (chat.status !== 'active') await eventWhere<VisitorConversation>(visitor, 'conversation:updated', (c) => c.status === 'active');
  });
  afterEach(() => server.stop());

  it('of 3,000 messages fired at once by one anonymous socket, stores only the burst the limit allows', async () => {
    const seen: ChatMessage[] = [];
    agent.on('message:new', (m: ChatMessage) => seen.push(m));
    const answers = await Promise.all(
      Array.from(
        { length: 3_000 },
        (_, i) =>
          visitor.timeout(30_000).emitWithAck('message:send', { conversationId: chat.id, clientId: newClientId(), text: `spam ${i}` }) as Promise<
            Result<ChatMessage>
          >,
      ),
    );
    const { accepted, refused } = tally(answers);
    expect(accepted.length).toBeLessThanOrEqual(atOnce('visitor.message'));
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused).toBe(3_000 - accepted.length);
    // Exactly what was acked is stored, and the agent heard nothing more.
    expect(countRows(server.dataDir, 'messages', "conversation_id = ? AND author_kind = 'visitor'", chat.id)).toBe(accepted.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.filter((m) => m.authorKind === 'visitor').length).toBe(accepted.length);
    console.info(`flood: 3,000 messages at once from one socket → ${accepted.length} stored, ${refused} refused with rate_limited`);
  }, 60_000);

  it('slows an agent flood too, with more room', async () => {
    const answers = await Promise.all(
      Array.from(
        { length: 1_000 },
        (_, i) =>
          agent.timeout(30_000).emitWithAck('message:send', { conversationId: chat.id, clientId: newClientId(), text: `agent spam ${i}` }) as Promise<
            Result<ChatMessage>
          >,
      ),
    );
    const { accepted } = tally(answers);
    expect(accepted.length).toBeLessThanOrEqual(atOnce('agent.message'));
    expect(accepted.length).toBeGreaterThan(atOnce('visitor.message'));
    expect(countRows(server.dataDir, 'messages', "conversation_id = ? AND author_kind = 'agent'", chat.id)).toBe(accepted.length);
  }, 60_000);

  it('drops a typing storm beyond the limit: the agent hears no more than it allows', async () => {
    const heard: unknown[] = [];
    agent.on('typing', (notice: unknown) => heard.push(notice));
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => request(visitor, 'typing', { conversationId: chat.id, typing: i % 2 === 0 })),
    );
    const { accepted } = tally(answers);
    expect(accepted.length).toBeLessThanOrEqual(atOnce('visitor.typing'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Typing notices are volatile (a busy socket may drop some), so the agent hears at most what was accepted.
    expect(heard.length).toBeLessThanOrEqual(accepted.length);
  });
});
