// One end user's personal data over real HTTP and sockets: search, export (theirs and nobody else's) and
// erasure (personal content gone, files deleted, identities dead, numbers and counts kept; admins only; audited).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/audit-log';
import type { VisitorConversation } from '../../shared/model';
import type { EndUserExport, EndUserSummary, ErasureReport } from '../../shared/personal-data';
import type { VisitorSession } from '../../shared/protocol';
import type { AttachmentView, TicketDetail } from '../../shared/ticket-model';
import type { Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import type { ConversationSummary } from '../../shared/model';
import {
  eventWhere,
  identityToken,
  newClientId,
  nextEvent,
  okData,
  request,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/server';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('ada-screen')]);

describe('personal data of one end user', () => {
  let server: TestServer;
  let org: Organisation;
  let cookie: string;
  let call: ReturnType<typeof apiCaller>;
  let agentCookie: string;
  let supervisorCookie: string;
  let ada: { socket: VisitorClient; session: VisitorSession; chat: VisitorConversation };
  let bo: { socket: VisitorClient; session: VisitorSession; chat: VisitorConversation };
  let ticket: TicketDetail;
  let attachment: AttachmentView;

  const visit = async (auth: Record<string, unknown>, text: string) => {
    const socket = server.visitor(auth);
    const session = await nextEvent<VisitorSession>(socket, 'session');
    const chat = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: { classroomId: 'physics-101' } }));
    okData(await request(socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text }));
    return { socket, session, chat };
  };

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ name: 'Maple School', identityRequired: false });
    cookie = await server.signIn('admin@example.com', 'admin-password');
    call = apiCaller(server.url, { cookie, userAgent: 'PrivacyTest' });
    const agent = await server.agent({ name: 'Lin' });
    agentCookie = await server.signIn(agent.email, agent.password);
    const supervisor = await server.agent({ name: 'Sue', role: 'supervisor' });
    supervisorCookie = await server.signIn(supervisor.email, supervisor.password);

    const token = await identityToken(org.identitySecret, { sub: 'ada-1', name: 'Ada Lovelace', role: 'student', classroom: 'physics-101' });
    ada = await visit({ appKey: org.appKey, token }, 'Ada here, my microphone is broken');
    bo = await visit({ appKey: org.appKey, name: 'Bo Brown' }, 'Bo here, the video froze');
    ticket = dataOf(
      await call<TicketDetail>('POST', '/api/tickets', {
        subject: 'Ada cannot be heard',
        priority: 'P2',
        organisationId: org.id,
        endUserId: ada.session.user.id,
        description: 'Ada says her mic is broken',
      }),
    );
    const res = await fetch(`${server.url}/api/tickets/${ticket.id}/attachments`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'image/png', 'x-file-name': 'ada-screen.png' },
      body: PNG,
    });
    attachment = ((await res.json()) as { data: AttachmentView }).data;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('finds end users by name or external id, with their organisation and counts', async () => {
    const found = dataOf(await call<EndUserSummary[]>('GET', '/api/admin/end-users?query=lovelace'));
    expect(found).toEqual([
      expect.objectContaining({
        id: ada.session.user.id,
        name: 'Ada Lovelace',
        externalId: 'ada-1',
        organisation: { id: org.id, name: 'Maple School' },
        conversations: 1,
        tickets: 1,
        erasedAt: null,
      }),
    ]);
    expect(dataOf(await call<EndUserSummary[]>('GET', '/api/admin/end-users?query=ada-1')).map((u) => u.id)).toEqual([ada.session.user.id]);
    expect((await call('GET', '/api/admin/end-users?query=')).status).toBe(400);
  });

  it('exports the user’s profile, chats, tickets and files, and nothing of anyone else', async () => {
    const exported = dataOf(await call<EndUserExport>('GET', `/api/admin/end-users/${ada.session.user.id}/export`));
    expect(exported.profile).toMatchObject({
      id: ada.session.user.id,
      name: 'Ada Lovelace',
      externalId: 'ada-1',
      classroomId: 'physics-101',
      organisation: { name: 'Maple School' },
    });
    expect(exported.conversations).toHaveLength(1);
    expect(exported.conversations[0]?.messages.map((m) => m.text)).toEqual(['Ada here, my microphone is broken']);
    expect(exported.conversations[0]?.readUpTo).toBe(1);
    expect(exported.tickets).toHaveLength(1);
    expect(exported.tickets[0]).toMatchObject({ number: ticket.number, subject: 'Ada cannot be heard', description: 'Ada says her mic is broken' });
    expect(exported.tickets[0]?.attachments).toEqual([expect.objectContaining({ id: attachment.id, name: 'ada-screen.png', size: PNG.length })]);
    const download = await fetch(server.url + (exported.tickets[0]?.attachments[0]?.download as string), { headers: { cookie } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
    const text = JSON.stringify(exported);
    expect(text).not.toContain('Bo');
    expect(text).not.toContain(bo.chat.id);
  });

  it('refuses export, search and erasure to agents, supervisors and strangers, and changes nothing', async () => {
    const id = ada.session.user.id;
    for (const who of [agentCookie, supervisorCookie]) {
      expect((await call('GET', `/api/admin/end-users?query=ada`, undefined, who)).status).toBe(403);
      expect((await call('GET', `/api/admin/end-users/${id}/export`, undefined, who)).status).toBe(403);
      expect(await call('POST', `/api/admin/end-users/${id}/erase`, undefined, who)).toMatchObject({
        status: 403,
        result: { error: { code: 'forbidden' } },
      });
    }
    expect((await call('POST', `/api/admin/end-users/${id}/erase`, undefined, '')).status).toBe(401);
    expect((await call('POST', `/api/admin/end-users/not-a-uuid/erase`)).status).toBe(400);
    expect((await call('POST', `/api/admin/end-users/00000000-0000-4000-8000-000000000000/erase`)).status).toBe(404);
    expect(await server.services.store.getEndUser(id)).toMatchObject({ name: 'Ada Lovelace', externalId: 'ada-1' });
  });

  it('erases the user: content and files gone, chat closed, identity dead, numbers kept, audited', async () => {
    const { store } = server.services;
    const id = ada.session.user.id;
    const filesDir = join(server.dataDir, 'attachments', ticket.id);
    expect(readdirSync(filesDir)).toHaveLength(1);
    const disconnected = new Promise<string>((resolve) => ada.socket.once('disconnect', resolve));
    const chatBefore = await store.getConversation(ada.chat.id);

    const agentConsole = server.agentSocket(cookie);
    await nextEvent(agentConsole, 'session');
    const consoleRedraws = eventWhere<ConversationSummary>(
      agentConsole,
      'conversation:updated',
      (c) => c.id === ada.chat.id && c.user.name === 'Erased user',
    );

    const report = dataOf(await call<ErasureReport>('POST', `/api/admin/end-users/${id}/erase`));
    // Consoles redraw the chat under the new name, with the blanked preview.
    expect(await consoleRedraws).toMatchObject({ status: 'closed', preview: '(erased)', classroomId: null });
    expect(report).toMatchObject({ endUserId: id, conversations: 1, closedChats: 1, messages: 1, tickets: 1, files: 1 });
    // The widget is disconnected; its chat was closed through the usual path.
    expect(await disconnected).toBe('io server disconnect');
    expect((await store.getConversation(ada.chat.id))?.status).toBe('closed');
    expect(existsSync(filesDir) ? readdirSync(filesDir) : []).toEqual([]);

    const after = dataOf(await call<EndUserExport>('GET', `/api/admin/end-users/${id}/export`));
    expect(after.profile).toMatchObject({ name: 'Erased user', externalId: null, classroomId: null, erasedAt: report.erasedAt });
    expect(after.conversations[0]?.messages.map((m) => [m.author.name, m.text])).toEqual([['Erased user', '(erased)']]);
    expect(after.conversations[0]?.context).toEqual({ organisation: 'Maple School' });
    expect(after.tickets[0]).toMatchObject({ number: ticket.number, subject: '(erased)', description: '(erased)', attachments: [] });
    expect(JSON.stringify(after)).not.toMatch(/Ada|Lovelace|microphone|ada-1/);
    // Ticket numbers and counts stay: the ticket is still there under its number, the chat still counts.
    expect(dataOf(await call<TicketDetail>('GET', `/api/tickets/${ticket.number}`))).toMatchObject({
      id: ticket.id,
      requester: { name: 'Erased user' },
    });
    const chatAfter = await store.getConversation(ada.chat.id);
    expect(chatAfter).toMatchObject({
      lastSeq: chatBefore?.lastSeq,
      createdAt: chatBefore?.createdAt,
      organisationId: org.id,
      routing: { priority: chatBefore?.routing.priority },
    });

    // The same host user signing in again is a new person with nothing of the old.
    const again = server.visitor({
      appKey: org.appKey,
      token: await identityToken(org.identitySecret, { sub: 'ada-1', name: 'Ada Lovelace', role: 'student' }),
    });
    const session = await nextEvent<VisitorSession>(again, 'session');
    expect(session.user.id).not.toBe(id);
    expect(session.conversation).toBeNull();

    // Bo is untouched.
    expect((await store.listMessagesAfter(bo.chat.id, 0, 10)).map((m) => m.text)).toContain('Bo here, the video froze');

    const audit = dataOf(await call<AuditPage>('GET', '/api/admin/audit-log?action=end_user.erased')).entries;
    expect(audit).toEqual([
      expect.objectContaining({
        target: { kind: 'end_user', id, label: null },
        details: { organisation: 'Maple School', conversations: 1, closedChats: 1, messages: 1, tickets: 1, files: 1 },
        userAgent: 'PrivacyTest',
      }),
    ]);
    // The log names end users by id only: nothing of Ada stays behind in it.
    expect(JSON.stringify(dataOf(await call<AuditPage>('GET', '/api/admin/audit-log?limit=200')).entries)).not.toMatch(/Ada|Lovelace|ada-1/);
    expect(dataOf(await call<AuditPage>('GET', '/api/admin/audit-log?action=end_user.exported')).entries).toHaveLength(2);
  });

  it('gives an erased anonymous visitor a new identity when their widget comes back', async () => {
    const token = bo.session.visitorToken as string;
    dataOf(await call<ErasureReport>('POST', `/api/admin/end-users/${bo.session.user.id}/erase`));
    const back = server.visitor({ appKey: org.appKey, visitorToken: token });
    const session = await nextEvent<VisitorSession>(back, 'session');
    expect(session.user.id).not.toBe(bo.session.user.id);
    expect(session.visitorToken).toEqual(expect.any(String));
    expect(session.visitorToken).not.toBe(token);
  });
});
