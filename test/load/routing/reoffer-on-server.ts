// Measures, on a real server over loopback, how soon a waiting chat reaches an agent once they close one:
// from sending conversation:close to the console hearing it got the next chat.
import type { ConversationSummary } from '../../../shared/model';
import { eventWhere, newClientId, nextEvent, okData, request, startTestServer } from '../../support/server';

export async function measureReofferOnServer(closes: number): Promise<{ count: number; p50: number; p95: number; max: number }> {
  const server = await startTestServer();
  try {
    const org = await server.organisation({ identityRequired: false });
    const agent = await server.agent({ name: 'Lin', capacity: 1 });
    const console_ = server.agentSocket(await server.signIn(agent.email, agent.password));
    await nextEvent(console_, 'session');
    okData(await request(console_, 'presence:set', { available: true }));

    const chats: string[] = [];
    for (let i = 0; i <= closes; i++) {
      const visitor = server.visitor({ appKey: org.appKey, name: `Visitor ${i}` });
      await nextEvent(visitor, 'session');
      chats.push(okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} })).id);
    }

    const delays: number[] = [];
    for (let i = 0; i < closes; i++) {
      const next = chats[i + 1] as string;
      const assigned = eventWhere<ConversationSummary>(console_, 'conversation:updated', (c) => c.id === next && c.assignee?.id === agent.id);
      const started = performance.now();
      const closed = request(console_, 'conversation:close', { conversationId: chats[i] as string });
      await assigned;
      okData(await closed);
      delays.push(performance.now() - started);
    }
    delays.sort((a, b) => a - b);
    const at = (p: number) => delays[Math.min(delays.length - 1, Math.ceil((p / 100) * delays.length) - 1)] as number;
    return { count: delays.length, p50: at(50), p95: at(95), max: delays[delays.length - 1] as number };
  } finally {
    await server.stop();
  }
}
