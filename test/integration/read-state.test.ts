// Read marks and visitor presence through a real server: who read what, pushed to the other side, kept across reconnects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, VisitorConversation } from '../../shared/model';
import type { VisitorSession } from '../../shared/protocol';
import type { ReadUpdate } from '../../shared/read-state';
import type { Organisation } from '../../server/domain/records';
import {
  eventWhere,
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

const GRACE_MS = 300;

describe('read state and presence', () => {
  let server: TestServer;
  let org: Organisation;
  let visitorToken: string;
  let student: VisitorClient;
  let agent: AgentClient;
  let agentId: string;
  let cookie: string;
  let chat: VisitorConversation;

  /** A student with an open chat, assigned to an available agent, with one message from each side. */
  beforeEach(async () => {
    server = await startTestServer({ visitorOfflineGraceMs: GRACE_MS });
    org = await server.organisation({ identityRequired: false });
    student = server.visitor({ appKey: org.appKey, name: 'Sam Student' });
    visitorToken = (await nextEvent<VisitorSession>(student, 'session')).visitorToken as string;
    chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
    okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'The teacher cannot hear me' }));
    const lin = await server.agent({ name: 'Lin Agent' });
    agentId = lin.id;
    cookie = await server.signIn(lin.email, lin.password);
    agent = server.agentSocket(cookie);
    await nextEvent(agent, 'session');
    const assigned = eventWhere<ConversationSummary>(agent, 'conversation:updated', (c) => c.id === chat.id && c.assignee?.id === lin.id);
    okData(await request(agent, 'presence:set', { available: true }));
    await assigned;
    okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Which browser are you using?' }));
  });
  afterEach(async () => {
    await server.stop();
  });

  const lastSeq = async () => (await server.services.store.getConversation(chat.id))?.lastSeq as number;

  it('tells the agent how far the student has read, and the student how far support has', async () => {
    const last = await lastSeq();
    const agentHears = eventWhere<ReadUpdate>(agent, 'read:updated', (u) => u.reader === 'visitor');
    expect(okData(await request(student, 'read:mark', { conversationId: chat.id, seq: last }))).toEqual({ conversationId: chat.id, seq: last });
    expect(await agentHears).toEqual({ conversationId: chat.id, reader: 'visitor', seq: last });

    // The agent's reply already counts as read by support; reading on moves the mark the student sees.
    const question = okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Chrome' }));
    const studentHears = eventWhere<ReadUpdate>(student, 'read:updated', (u) => u.reader === 'agent');
    okData(await request(agent, 'read:mark', { conversationId: chat.id, seq: question.seq }));
    expect(await studentHears).toEqual({ conversationId: chat.id, reader: 'agent', seq: question.seq });
  });

  it('keeps marks across reconnects: the session and read:fetch carry them', async () => {
    const last = await lastSeq();
    okData(await request(student, 'read:mark', { conversationId: chat.id, seq: last }));
    student.disconnect();
    const again = server.visitor({ appKey: org.appKey, visitorToken });
    const session = await nextEvent<VisitorSession>(again, 'session');
    // The agent wrote last, so support has read everything; the student read everything too.
    expect(session.conversation).toMatchObject({ id: chat.id, lastSeq: last, visitorReadSeq: last, agentReadSeq: last });

    const reads = okData(await request(agent, 'read:fetch', { conversationIds: [chat.id, newClientId()] }));
    expect(reads).toEqual({ reads: { [chat.id]: { mine: last, visitor: last, unread: [] } } });

    // What the student writes next is unread for the agent until they mark it.
    const next = okData(await request(again, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Still broken' }));
    const unread = okData(await request(agent, 'read:fetch', { conversationIds: [chat.id] }));
    expect(unread.reads[chat.id]).toEqual({ mine: last, visitor: next.seq, unread: [next.seq] });
  });

  it('never moves a mark back nor past the last message, and says so in the ack', async () => {
    const last = await lastSeq();
    expect(okData(await request(student, 'read:mark', { conversationId: chat.id, seq: last + 50 })).seq).toBe(last);
    expect(okData(await request(student, 'read:mark', { conversationId: chat.id, seq: 0 })).seq).toBe(last);
  });

  it("moves the author's own mark when they write, and tells the agent's other consoles", async () => {
    const secondConsole = server.agentSocket(cookie);
    await nextEvent(secondConsole, 'session');
    const otherTabHears = eventWhere<ReadUpdate>(secondConsole, 'read:updated', (u) => u.reader === 'agent');
    const reply = okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Try reloading.' }));
    expect(await otherTabHears).toEqual({ conversationId: chat.id, reader: 'agent', agentId, seq: reply.seq });
    const reads = okData(await request(secondConsole, 'read:fetch', { conversationIds: [chat.id] }));
    expect(reads.reads[chat.id]?.mine).toBe(reply.seq);
  });

  it('refuses bad marks with a typed error and changes nothing', async () => {
    const intruder = server.visitor({ appKey: org.appKey, name: 'Mallory' });
    await nextEvent(intruder, 'session');
    expect(await request(intruder, 'read:mark', { conversationId: chat.id, seq: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(student, 'read:mark', { conversationId: chat.id, seq: -1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await request(student, 'read:mark', { conversationId: 'nope', seq: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await requestRaw(student, 'read:mark', { conversationId: chat.id, seq: 1, extra: true })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await request(agent, 'read:mark', { conversationId: newClientId(), seq: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await requestRaw(agent, 'read:fetch', { conversationIds: 'all' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // Another agent may not read Lin's chat, so may not mark it, and read:fetch leaves it out.
    const kim = await server.agent({ name: 'Kim Agent' });
    const other = server.agentSocket(await server.signIn(kim.email, kim.password));
    await nextEvent(other, 'session');
    expect(await request(other, 'read:mark', { conversationId: chat.id, seq: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(okData(await request(other, 'read:fetch', { conversationIds: [chat.id] }))).toEqual({ reads: {} });
    expect((await server.services.store.readPositions(chat.id)).visitor).toBe(1);
  });

  it('shows the agent when the student goes offline, after a grace period that covers quick reconnects', async () => {
    const summaries: ConversationSummary[] = [];
    agent.on('conversation:updated', (s) => {
      if (s.id === chat.id) summaries.push(s);
    });
    const inbox = okData(await request(agent, 'inbox:fetch'));
    expect(inbox.mine.find((c) => c.id === chat.id)?.visitorOnline).toBe(true);

    // A quick reconnect within the grace period: nobody is told anything.
    student.disconnect();
    const back = server.visitor({ appKey: org.appKey, visitorToken });
    await nextEvent(back, 'session');
    await new Promise((r) => setTimeout(r, GRACE_MS * 2));
    expect(summaries.filter((s) => !s.visitorOnline)).toEqual([]);

    const offline = eventWhere<ConversationSummary>(agent, 'conversation:updated', (s) => s.id === chat.id && !s.visitorOnline, 3_000);
    back.disconnect();
    await offline;
    const online = eventWhere<ConversationSummary>(agent, 'conversation:updated', (s) => s.id === chat.id && s.visitorOnline);
    const returning = server.visitor({ appKey: org.appKey, visitorToken });
    const returned = nextEvent(returning, 'session');
    await online;
    await returned;
  });
});
