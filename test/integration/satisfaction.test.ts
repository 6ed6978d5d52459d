// CSAT over real sockets and REST: a student rates a chat that ended and a ticket once resolved, once each; bad
// input is refused with a typed error and changes nothing; the agent hears it live and reads it back;
// supervisors see figures per organisation and agent, plain agents may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorConversation } from '../../shared/model';
import type { RateInput, SatisfactionFigures, SatisfactionRated, SatisfactionView } from '../../shared/satisfaction';
import type { Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import {
  eventWhere,
  identityToken,
  newClientId,
  nextEvent,
  okData,
  request,
  requestRaw,
  startTestServer,
  type AgentClient,
  type TestServer,
  type VisitorClient,
} from '../support/server';

describe('satisfaction ratings', () => {
  let server: TestServer;
  let org: Organisation;
  let agent: AgentClient;
  let agentCall: ReturnType<typeof apiCaller>;
  let supervisorCall: ReturnType<typeof apiCaller>;
  let student: VisitorClient;
  let chatId: string;

  const connect = async (sub: string, name: string) => {
    const token = await identityToken(org.identitySecret, { sub, name, role: 'student', classroom: 'physics-101' });
    const socket = server.visitor({ appKey: org.appKey, token });
    await nextEvent(socket, 'session');
    return socket;
  };
  const rate = (socket: VisitorClient, payload: RateInput) => request(socket, 'satisfaction:rate', payload);

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ name: 'Maple School', identityRequired: true });
    const lin = await server.agent({ name: 'Lin Agent' });
    const cookie = await server.signIn(lin.email, lin.password);
    agentCall = apiCaller(server.url, { cookie });
    agent = server.agentSocket(cookie);
    await nextEvent(agent, 'session');
    const sam = await server.agent({ name: 'Sam Supervisor', role: 'supervisor' });
    supervisorCall = apiCaller(server.url, { cookie: await server.signIn(sam.email, sam.password) });

    student = await connect('stu-ada', 'Ada Student');
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
    chatId = chat.id;
    okData(await request(student, 'message:send', { conversationId: chatId, clientId: newClientId(), text: 'No sound' }));
    const taken = eventWhere<VisitorConversation>(student, 'conversation:updated', (c) => c.status === 'active');
    okData(await request(agent, 'presence:set', { available: true }));
    await taken;
    okData(await request(agent, 'message:send', { conversationId: chatId, clientId: newClientId(), text: 'Unmute the tab, please.' }));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses to rate a chat that has not ended', async () => {
    expect(await rate(student, { kind: 'chat', id: chatId, score: 5 })).toMatchObject({ ok: false, error: { code: 'not_finished' } });
  });

  it('takes one rating of an ended chat, tells the consoles that have it open, and refuses a second', async () => {
    okData(await request(agent, 'conversation:open', { conversationId: chatId }));
    const closed = eventWhere<VisitorConversation>(student, 'conversation:updated', (c) => c.status === 'closed');
    okData(await request(agent, 'conversation:close', { conversationId: chatId }));
    await closed;

    const heard = eventWhere<SatisfactionRated>(agent, 'satisfaction:rated', (r) => r.subjectId === chatId);
    const view = okData(await rate(student, { kind: 'chat', id: chatId, score: 4, comment: '  Quick and kind  ' }));
    expect(view).toEqual({ score: 4, comment: 'Quick and kind', createdAt: expect.any(Number), agentName: 'Lin Agent' });
    expect(await heard).toEqual({ kind: 'chat', subjectId: chatId, rating: view });
    expect(dataOf(await agentCall<SatisfactionView>('GET', `/api/satisfaction/chats/${chatId}`))).toEqual(view);

    expect(await rate(student, { kind: 'chat', id: chatId, score: 1 })).toMatchObject({ ok: false, error: { code: 'already_rated' } });
    expect(dataOf(await agentCall<SatisfactionView>('GET', `/api/satisfaction/chats/${chatId}`))).toEqual(view);
  });

  it("refuses bad input, unknown ids and someone else's chat, and stores nothing", async () => {
    const eve = await connect('stu-eve', 'Eve Other');
    const bad: Array<[unknown, string]> = [
      [{ kind: 'chat', id: chatId, score: 0 }, 'bad_request'],
      [{ kind: 'chat', id: chatId, score: 6 }, 'bad_request'],
      [{ kind: 'chat', id: chatId, score: 3.5 }, 'bad_request'],
      [{ kind: 'chat', id: chatId, score: '5' }, 'bad_request'],
      [{ kind: 'chat', id: chatId }, 'bad_request'],
      [{ kind: 'call', id: chatId, score: 5 }, 'bad_request'],
      [{ kind: 'chat', id: 'not-a-uuid', score: 5 }, 'bad_request'],
      [{ kind: 'chat', id: chatId, score: 5, comment: 'x'.repeat(1001) }, 'bad_request'],
      [{ kind: 'chat', id: chatId, score: 5, comment: 42 }, 'bad_request'],
      [{ kind: 'chat', id: chatId, score: 5, agentId: 'me' }, 'bad_request'],
      ['five stars', 'bad_request'],
      [null, 'bad_request'],
      [{ kind: 'chat', id: crypto.randomUUID(), score: 5 }, 'not_found'],
      [{ kind: 'ticket', id: crypto.randomUUID(), score: 5 }, 'not_found'],
      // Ada's chat, rated by Eve: as if it did not exist.
      [{ kind: 'chat', id: chatId, score: 1 }, 'not_found'],
    ];
    for (const [payload, code] of bad) {
      expect(await requestRaw(eve, 'satisfaction:rate', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code } });
    }
    expect(dataOf(await agentCall<SatisfactionView>('GET', `/api/satisfaction/chats/${chatId}`))).toMatchObject({ score: 4 });
    eve.disconnect();
  });

  it("takes a ticket's rating once it is resolved", async () => {
    const ticket = okData(
      await request(student, 'ticket:create', {
        clientId: newClientId(),
        description: 'The whiteboard does not load',
        steps: 'Open the lesson',
        since: 'today',
        affected: 'me',
        impact: 'not_working_well',
        context: { classroomId: 'physics-101' },
      }),
    );
    expect(await rate(student, { kind: 'ticket', id: ticket.id, score: 5 })).toMatchObject({ ok: false, error: { code: 'not_finished' } });
    dataOf(await agentCall('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' }));
    const view = okData(await rate(student, { kind: 'ticket', id: ticket.id, score: 2, comment: 'Took a while' }));
    expect(view).toMatchObject({ score: 2, comment: 'Took a while' });
    expect(dataOf(await agentCall<SatisfactionView>('GET', `/api/satisfaction/tickets/${ticket.id}`))).toEqual(view);
    expect(await rate(student, { kind: 'ticket', id: ticket.id, score: 5 })).toMatchObject({ ok: false, error: { code: 'already_rated' } });
  });

  it('gives supervisors figures per organisation and agent, and refuses plain agents', async () => {
    const figures = dataOf(await supervisorCall<SatisfactionFigures>('GET', '/api/satisfaction'));
    const maple = figures.organisations.find((o) => o.organisationId === org.id);
    expect(maple).toMatchObject({ name: 'Maple School', ratings: 2, average: 3, satisfiedPct: 50, distribution: [0, 1, 0, 1, 0] });
    expect(figures.comments.map((c) => c.comment)).toEqual(expect.arrayContaining(['Quick and kind', 'Took a while']));
    // The widget ticket was Lin's from the start (widget tickets get the least-loaded L1 agent at once):
    // the chat's 4 and the ticket's 2 both count for Lin.
    expect(figures.agents.find((a) => a.name === 'Lin Agent')).toMatchObject({ ratings: 2, average: 3, distribution: [0, 1, 0, 1, 0] });

    const later = dataOf(
      await supervisorCall<SatisfactionFigures>('GET', `/api/satisfaction?from=${Date.now() + 60_000}&to=${Date.now() + 120_000}`),
    );
    expect(later.organisations).toEqual([]);
    expect((await supervisorCall('GET', '/api/satisfaction?from=soon')).status).toBe(400);
    expect((await supervisorCall('GET', `/api/satisfaction?from=${Date.now()}&to=1`)).status).toBe(400);
    expect((await supervisorCall('GET', '/api/satisfaction?organisationId=42')).status).toBe(400);

    const refused = await agentCall('GET', '/api/satisfaction');
    expect(refused.status).toBe(403);
    expect((await agentCall('GET', `/api/satisfaction/chats/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await agentCall('GET', '/api/satisfaction/tickets/nope')).status).toBe(400);
  });
});
