// Reply emails against a real SMTP server on loopback, in fake time: an agent's reply the student has not
// read after 5 minutes arrives by email in the student's language with the reply and a link that opens the
// widget on the chat; a second reply within 10 minutes brings no second email until the 10 minutes are up;
// a reply the student read brings none. Without SMTP_URL, email is off and says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiCaller, dataOf } from '../support/api-call';
import { FakeClock } from '../support/fake-clock';
import { identityToken, newClientId, nextEvent, okData, request, startTestServer, TEST_ORIGIN, type TestServer } from '../support/server';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { SignJWT } from 'jose';

const MINUTE = 60_000;

async function tokenWithEmail(secret: string, email: string): Promise<string> {
  return new SignJWT({ name: '小明', role: 'student', email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('stu-42')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

describe('reply emails', () => {
  let server: TestServer;
  let smtp: SmtpReceiver;
  let clock: FakeClock;
  beforeEach(async () => {
    smtp = await startSmtpReceiver();
    clock = new FakeClock(Date.now());
    server = await startTestServer({ smtpUrl: smtp.url, emailPollMs: 100 }, { clock });
  });
  afterEach(async () => {
    await server.stop();
    await smtp.close();
  });

  it('emails an unread reply after 5 minutes in the user’s language, at most once per 10 minutes', async () => {
    const org = await server.organisation({ name: 'Maple School' });
    const student = server.visitor({ appKey: org.appKey, token: await tokenWithEmail(org.identitySecret, 'xiaoming@school.example') });
    await nextEvent(student, 'session');
    const chat = okData(
      await request(student, 'conversation:start', {
        clientId: newClientId(),
        context: { locale: 'zh-CN', pageUrl: `${TEST_ORIGIN}/live/physics?lesson=3` },
      }),
    );
    okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: '没有声音' }));
    const lin = await server.agent({ name: 'Lin' });
    const agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    okData(await request(agent, 'presence:set', { available: true }));
    await expect.poll(async () => (await server.services.store.getConversation(chat.id))?.status).toBe('active');
    // The student closes the class before the answer comes.
    student.disconnect();
    okData(
      await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Please allow the microphone in the browser.' }),
    );

    clock.advance(4 * MINUTE);
    await new Promise((r) => setTimeout(r, 700));
    expect(smtp.mails).toHaveLength(0);
    clock.advance(MINUTE + 1_000);
    await expect.poll(() => smtp.mails.length, { timeout: 5_000 }).toBe(1);
    const mail = smtp.mails[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('xiaoming@school.example');
    expect(mail.subject).toBe('支持团队回复了您的咨询');
    expect(mail.text).toContain('Lin 回复了您');
    expect(mail.text).toContain('Please allow the microphone in the browser.');
    const link = `${TEST_ORIGIN}/live/physics?lesson=3#cs-chat`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(mail.html).not.toMatch(/<img|<script/i);

    // Another reply 2 minutes later: unread after 5 more, but within 10 minutes of the last email.
    clock.advance(2 * MINUTE);
    okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Are you there?' }));
    clock.advance(5 * MINUTE + 1_000);
    await new Promise((r) => setTimeout(r, 700));
    expect(smtp.mails).toHaveLength(1);
    // Ten minutes after the first email, the second goes, with the latest reply.
    clock.advance(3 * MINUTE + 1_000);
    await expect.poll(() => smtp.mails.length, { timeout: 5_000 }).toBe(2);
    expect(smtp.mails[1]!.text).toContain('Are you there?');
  });

  it('emails a ticket reply to the address the student typed in the ticket form, with a link to the ticket', async () => {
    const org = await server.organisation({ name: 'Maple School' });
    const token = await identityToken(org.identitySecret, { sub: 'stu-8', name: 'Mia', role: 'student' });
    const student = server.visitor({ appKey: org.appKey, token });
    await nextEvent(student, 'session');
    const lin = await server.agent({ name: 'Lin' });
    const ticket = okData(
      await request(student, 'ticket:create', {
        clientId: newClientId(),
        description: 'The whiteboard stays blank',
        impact: 'not_working_well',
        email: '  Mia@School.Example ',
        context: { locale: 'en', pageUrl: `${TEST_ORIGIN}/live/art` },
      }),
    );
    student.disconnect();
    const api = apiCaller(server.url, { cookie: await server.signIn(lin.email, lin.password) });
    dataOf(await api('POST', `/api/tickets/${ticket.number}/comments`, { text: 'Please reload the page once.' }));
    clock.advance(5 * MINUTE + 1_000);
    await expect.poll(() => smtp.mails.length, { timeout: 5_000 }).toBe(1);
    const mail = smtp.mails[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('mia@school.example');
    expect(mail.text).toContain('Please reload the page once.');
    expect(mail.text).toContain(`${TEST_ORIGIN}/live/art#cs-ticket=${ticket.number}`);
  });

  it('sends nothing to a user without an email', async () => {
    const org = await server.organisation();
    const token = await identityToken(org.identitySecret, { sub: 'stu-7', name: 'Bo', role: 'student' });
    const student = server.visitor({ appKey: org.appKey, token });
    await nextEvent(student, 'session');
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
    okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'hi' }));
    const lin = await server.agent({ name: 'Lin' });
    const agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    okData(await request(agent, 'presence:set', { available: true }));
    await expect.poll(async () => (await server.services.store.getConversation(chat.id))?.status).toBe('active');
    okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Hello Bo' }));
    clock.advance(6 * MINUTE);
    await new Promise((r) => setTimeout(r, 700));
    expect(smtp.mails).toHaveLength(0);
  });

  it('says email is on to admins', async () => {
    const api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    expect(dataOf(await api('GET', '/api/admin/integrations'))).toEqual({ email: { enabled: true } });
  });

  it('writes agents’ invitations and password resets in their saved language, an invitee’s in the inviting admin’s', async () => {
    const zhAdmin = await server.agent({ name: 'Zhou Admin', role: 'admin' });
    const lin = await server.agent({ name: 'Lin' });
    // As each saved it under Account → Language.
    await server.services.store.setAgentLocale(zhAdmin.id, 'zh-CN');
    await server.services.store.setAgentLocale(lin.id, 'en');
    const cookie = await server.signIn(zhAdmin.email, zhAdmin.password);
    const call = apiCaller(server.url, { cookie });

    // The invitee has chosen no language yet: the inviting admin's Chinese.
    const invited = dataOf(
      await call<{ emailed: boolean }>('POST', '/api/admin/invites', { email: 'new@school.example', name: 'Wang Fang', role: 'agent', tier: 'L1' }),
    );
    expect(invited.emailed).toBe(true);
    await expect.poll(() => smtp.mails.length, { timeout: 5_000 }).toBe(1);
    expect(smtp.mails[0]!.subject).toBe('您被邀请加入课堂客服支持团队');
    expect(smtp.mails[0]!.text).toContain('Wang Fang，您好');
    expect(smtp.mails[0]!.html).toContain('<html lang="zh-CN">');

    // Lin saved English: the reset comes in English though the admin reads Chinese.
    expect(dataOf(await call<{ emailed: boolean }>('POST', `/api/admin/agents/${lin.id}/password-reset`)).emailed).toBe(true);
    await expect.poll(() => smtp.mails.length, { timeout: 5_000 }).toBe(2);
    expect(smtp.mails[1]!.subject).toBe('Reset your Classroom Support password');
    expect(smtp.mails[1]!.text).toContain('Hello Lin');
  });
});

describe('without SMTP_URL', () => {
  it('email is off and the API says so', async () => {
    const server = await startTestServer();
    try {
      const api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
      expect(dataOf(await api('GET', '/api/admin/integrations'))).toEqual({ email: { enabled: false } });
    } finally {
      await server.stop();
    }
  });
});
