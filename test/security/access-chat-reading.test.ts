// Hole 1: a plain agent may read only the chats it may open — not by turning one into a ticket, not through
// the articles a user tried, not through inbox previews pushed to every console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/model';
import type { TicketDetail } from '../../shared/ticket-model';
import type { Organisation } from '../../server/domain/records';
import { eventWhere, newClientId, okData, request, startTestServer, type TestServer } from '../support/server';
import { call, codeOf, openConsole, settle, visitorWithChat, type Console } from './support/attack';

describe("reading another agent's chat", () => {
  let server: TestServer;
  let org: Organisation;
  let holder: Console;
  let snoop: Console;
  let supervisor: Console;

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
    holder = await openConsole(server, { name: 'Bo Holder', capacity: 20 }, true);
    snoop = await openConsole(server, { name: 'Al Snoop' });
    supervisor = await openConsole(server, { name: 'Sue Supervisor', role: 'supervisor' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const ticketsOf = async (conversationId: string) =>
    (await server.services.store.listTickets({ limit: 100 })).filter((t) => t.conversationId === conversationId);

  it('refuses a ticket made from a chat the agent may not open, and changes nothing', async () => {
    const { chat } = await visitorWithChat(server, org, 'my home address is 12 Elm Street');
    expect((await server.services.store.getConversation(chat.id))?.assigneeId).toBe(holder.agent.id);
    const before = await server.services.store.getConversation(chat.id);

    const answer = await call<TicketDetail>(server, 'POST', '/api/tickets', {
      headers: { cookie: snoop.cookie },
      body: { conversationId: chat.id, subject: 'Curious', priority: 'P3', clientId: newClientId() },
    });
    expect(answer.status).toBe(403);
    expect(codeOf(answer)).toBe('forbidden');
    expect(JSON.stringify(answer.body)).not.toContain('Elm Street');
    expect(await ticketsOf(chat.id)).toEqual([]);
    expect(await server.services.store.getConversation(chat.id)).toEqual(before);
  });

  it('lets the assignee and a supervisor make the ticket', async () => {
    const { chat } = await visitorWithChat(server, org, 'the whiteboard is frozen');
    const bySupervisor = await call<TicketDetail>(server, 'POST', '/api/tickets', {
      headers: { cookie: supervisor.cookie },
      body: { conversationId: chat.id, subject: 'Frozen board', priority: 'P3' },
    });
    expect(bySupervisor.status).toBe(201);
    const byHolder = await call<TicketDetail>(server, 'POST', '/api/tickets', {
      headers: { cookie: holder.cookie },
      body: { conversationId: chat.id, subject: 'Frozen board again', priority: 'P3' },
    });
    expect(byHolder.status).toBe(201);
  });

  it("refuses the articles a user tried in someone else's chat", async () => {
    const { chat } = await visitorWithChat(server, org, 'cannot hear the teacher');
    const answer = await call(server, 'GET', `/api/conversations/${chat.id}/articles`, { headers: { cookie: snoop.cookie } });
    expect(answer.status).toBe(403);
    expect(codeOf(answer)).toBe('forbidden');
    expect((await call(server, 'GET', `/api/conversations/${chat.id}/articles`, { headers: { cookie: holder.cookie } })).status).toBe(200);
  });

  it('sends inbox previews of a held chat to its holder and supervisors only', async () => {
    const { socket, chat } = await visitorWithChat(server, org, 'hello');
    await settle();
    const leaked: ConversationSummary[] = [];
    snoop.socket.on('conversation:updated', (summary) => {
      if (summary.id === chat.id) leaked.push(summary);
    });
    const toHolder = eventWhere<ConversationSummary>(holder.socket, 'conversation:updated', (s) => s.id === chat.id && s.preview.includes('grades'));
    const toSupervisor = eventWhere<ConversationSummary>(
      supervisor.socket,
      'conversation:updated',
      (s) => s.id === chat.id && s.preview.includes('grades'),
    );
    okData(await request(socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'my grades are private' }));
    await Promise.all([toHolder, toSupervisor]);
    await settle();
    expect(leaked).toEqual([]);
  });

  it('withdraws a queued chat from consoles that may no longer open it once someone takes it', async () => {
    const other = await server.organisation({ identityRequired: false });
    // Nobody is available for a moment: the chat waits in every agent's queue.
    okData(await request(holder.socket, 'presence:set', { available: false }));
    const { chat } = await visitorWithChat(server, other, 'waiting');
    const withdrawn = eventWhere<{ conversationId: string }>(snoop.socket, 'conversation:withdrawn', (w) => w.conversationId === chat.id);
    okData(await request(holder.socket, 'presence:set', { available: true }));
    expect(await withdrawn).toEqual({ conversationId: chat.id });
  });
});
