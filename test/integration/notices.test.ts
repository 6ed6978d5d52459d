// What support writes reaches every client as a notice (a code with parameters) over real sockets: the same
// routing message reads in Chinese for a zh-CN student and in English for an English agent, live and from history,
// and the student's ticket history comes as notices too. The agent sees the language the widget reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/model';
import { renderNotice } from '../../shared/notices';
import type { Organisation } from '../../server/domain/records';
import { eventWhere, newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

describe('notices over real sockets', () => {
  let server: TestServer;
  let org: Organisation;
  beforeEach(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false, name: 'Maple School' });
  });
  afterEach(async () => {
    await server.stop();
  });

  it('sends one routing message the student reads in Chinese and the agent in English', async () => {
    const agent = await server.agent({ name: 'Li Wei', tier: 'L2' });
    const console_ = server.agentSocket(await server.signIn(agent.email, agent.password));
    await nextEvent(console_, 'session');

    const student = server.visitor({ appKey: org.appKey, name: 'Xiao Ming' });
    await nextEvent(student, 'session');
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: { role: 'student', locale: 'zh-CN' } }));
    okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: '老师的声音听不到' }));

    const toStudent = eventWhere<ChatMessage>(student, 'message:new', (m) => m.authorKind === 'system');
    const toAgent = eventWhere<ChatMessage>(console_, 'message:new', (m) => m.authorKind === 'system');
    okData(await request(console_, 'presence:set', { available: true }));
    const [studentGot, agentGot] = await Promise.all([toStudent, toAgent]);

    // One message, one notice: the code and its parameters, no language.
    expect(studentGot.id).toBe(agentGot.id);
    expect(studentGot.notice).toEqual({ code: 'assigned', agent: 'Li Wei', tier: 'L2' });
    expect(agentGot.notice).toEqual(studentGot.notice);
    // Each client renders it in its reader's language; the English text rides along for clients without codes.
    expect(renderNotice(studentGot.notice!, 'zh-CN')).toBe('现在为您服务的是高级工程师 Li Wei。');
    expect(renderNotice(agentGot.notice!, 'en')).toBe('You are now talking to Li Wei, a senior engineer.');
    expect(agentGot.text).toBe('You are now talking to Li Wei, a senior engineer.');

    // The stored row gives the same notice back in history, and the agent sees the student's language.
    const history = okData(await request(student, 'history:fetch', { conversationId: chat.id, afterSeq: 0 }));
    expect(history.messages.find((m) => m.authorKind === 'system')?.notice).toEqual(studentGot.notice);
    const detail = okData(await request(console_, 'conversation:open', { conversationId: chat.id }));
    expect(detail.context.locale).toBe('zh-CN');
    expect(detail.messages.find((m) => m.authorKind === 'system')?.notice).toEqual(studentGot.notice);
  });

  it('tells the chat about the ticket the student made of it, and the ticket history comes as notices', async () => {
    const student = server.visitor({ appKey: org.appKey, name: 'Xiao Ming' });
    await nextEvent(student, 'session');
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: { locale: 'zh-CN' } }));
    okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: '视频卡住了' }));
    const told = eventWhere<ChatMessage>(student, 'message:new', (m) => m.authorKind === 'system');
    const ticket = okData(
      await request(student, 'ticket:create', {
        clientId: newClientId(),
        description: '视频卡住了',
        impact: 'class_stopped',
        conversationId: chat.id,
        context: { locale: 'zh-CN' },
      }),
    );
    const notice = (await told).notice!;
    expect(notice).toEqual({ code: 'chat_ticket_by_customer', ticket: ticket.number });
    expect(renderNotice(notice, 'zh-CN')).toBe(`我们已将此对话转为工单 ${ticket.number}。请在「工单」中查看进展，我们会在那里回复您。`);

    const created = ticket.events.find((e) => e.kind === 'created')!;
    expect(created.notice).toEqual({ code: 'ticket_created', channel: 'widget' });
    expect(renderNotice(created.notice!, 'zh-CN')).toBe('工单已创建。');
    expect(created.text).toBe('Ticket created.');
    // The ticket's copy of the chat keeps the student's words as words.
    expect(ticket.description).toContain('视频卡住了');
  });

  it('refuses a context language that is not a language tag, and changes nothing', async () => {
    const student = server.visitor({ appKey: org.appKey, name: 'Xiao Ming' });
    await nextEvent(student, 'session');
    const bad = await request(student, 'conversation:start', { clientId: newClientId(), context: { locale: '<script>' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await server.services.store.listQueued()).toEqual([]);
  });
});
