// Suite: A student and an agent talk through a real server: queue, assignment, messages both ways, typing, close.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary, VisitorConversation } from '../../../shared/model';
import type { TypingNotice, VisitorSession } from '../../../shared/protocol';
import { eventWhere, identityToken, newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../../support/server';
import type { TestStoreKind } from '../../support/test-store';

/** Registers the suite; `store` pins it to one store (default: TEST_STORE). */
export function chatRoundTripSuite(store?: TestStoreKind): void {
  describe(`a student asks for help and an agent answers${store ? ` (${store})` : ''}`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer({}, store ? { store } : {});
    });
    afterEach(async () => {
      await server.stop();
    });

    it('queues the chat, assigns it when the agent goes available, and carries messages both ways', async () => {
      const org = await server.organisation({ name: 'Maple School', identityRequired: true });
      const token = await identityToken(org.identitySecret, { sub: 'stu-1', name: 'Ada Student', role: 'student', classroom: 'physics-101' });
      const student = server.visitor({ appKey: org.appKey, token });
      const session = await nextEvent<VisitorSession>(student, 'session');
      expect(session.user).toMatchObject({ name: 'Ada Student', role: 'student', verified: true });
      expect(session.conversation).toBeNull();

      // Nobody is available: the chat waits, first in line.
      const started = okData(
        await request(student, 'conversation:start', {
          clientId: newClientId(),
          context: {
            classroomId: 'spoofed-room',
            role: 'teacher',
            browser: 'Chrome 130',
            os: 'Windows',
            pageUrl: 'http://classroom.test/live',
            sdkVersion: '0.1.0',
            extra: { lesson: 'Waves' },
          },
        }),
      );
      expect(started).toMatchObject({ status: 'queued', queuePosition: 1, agentName: null });
      const question = okData(
        await request(student, 'message:send', { conversationId: started.id, clientId: newClientId(), text: 'My audio is not working' }),
      );
      expect(question).toMatchObject({ seq: 1, authorKind: 'visitor', authorName: 'Ada Student', text: 'My audio is not working' });

      // The agent signs in, sees it queued, goes available and gets it.
      const lin = await server.agent({ name: 'Lin Agent' });
      const agent = server.agentSocket(await server.signIn(lin.email, lin.password));
      await nextEvent(agent, 'session');
      const inbox = okData(await request(agent, 'inbox:fetch'));
      expect(inbox.queued.map((c) => c.user.name)).toEqual(['Ada Student']);
      expect(inbox.mine).toEqual([]);

      const studentSeesAgent = eventWhere<VisitorConversation>(student, 'conversation:updated', (c) => c.status === 'active');
      const agentSeesAssignment = eventWhere<ConversationSummary>(agent, 'conversation:updated', (c) => c.assignee?.id === lin.id);
      okData(await request(agent, 'presence:set', { available: true }));
      expect(await studentSeesAgent).toMatchObject({ agentName: 'Lin Agent', queuePosition: null });
      expect(await agentSeesAssignment).toMatchObject({ status: 'active', preview: 'My audio is not working' });

      // The context is the widget's, except what the verified token says about role and classroom.
      const detail = okData(await request(agent, 'conversation:open', { conversationId: started.id }));
      expect(detail.context).toEqual({
        organisation: 'Maple School',
        classroomId: 'physics-101',
        role: 'student',
        browser: 'Chrome 130',
        os: 'Windows',
        pageUrl: 'http://classroom.test/live',
        sdkVersion: '0.1.0',
        extra: { lesson: 'Waves' },
      });
      // The visitor was told in plain words who took the chat.
      expect(detail.messages.map((m) => m.text)).toEqual(['My audio is not working', 'You are now talking to Lin Agent, a support engineer.']);
      // The inbox row previews what the student asked, not that line.
      expect(okData(await request(agent, 'inbox:fetch')).mine[0]?.preview).toBe('My audio is not working');

      // Typing travels both ways.
      const agentSeesTyping = nextEvent<TypingNotice>(agent, 'typing');
      student.emit('typing', { conversationId: started.id, typing: true });
      expect(await agentSeesTyping).toEqual({ conversationId: started.id, name: 'Ada Student', typing: true });
      const studentSeesTyping = nextEvent<TypingNotice>(student, 'typing');
      agent.emit('typing', { conversationId: started.id, typing: true });
      expect(await studentSeesTyping).toEqual({ conversationId: started.id, name: 'Lin Agent', typing: true });

      // The reply arrives live.
      const studentGetsReply = eventWhere<ChatMessage>(student, 'message:new', (m) => m.authorKind === 'agent');
      const reply = okData(
        await request(agent, 'message:send', {
          conversationId: started.id,
          clientId: newClientId(),
          text: 'Check that the browser may use your microphone.',
        }),
      );
      // After the question (1) and the line telling the student who took the chat (2).
      expect(reply.seq).toBe(3);
      expect(await studentGetsReply).toEqual(reply);

      // History after a sequence number returns only what came later.
      const later = okData(await request(student, 'history:fetch', { conversationId: started.id, afterSeq: 2 }));
      expect(later).toEqual({ messages: [reply], hasMore: false });

      // Closing ends the chat for the student, and the next message is refused.
      const studentSeesClosed = eventWhere<VisitorConversation>(student, 'conversation:updated', (c) => c.status === 'closed');
      okData(await request(agent, 'conversation:close', { conversationId: started.id }));
      await studentSeesClosed;
      const afterClose = await request(student, 'message:send', { conversationId: started.id, clientId: newClientId(), text: 'hello?' });
      expect(afterClose).toMatchObject({ ok: false, error: { code: 'conversation_closed' } });
    });

    it('answers a repeated client id with the original ack and stores it once', async () => {
      const org = await server.organisation({ identityRequired: false });
      const visitor = server.visitor({ appKey: org.appKey });
      await nextEvent(visitor, 'session');
      const conv = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
      const send = { conversationId: conv.id, clientId: newClientId(), text: 'Frozen video' };
      const acks = await Promise.all([request(visitor, 'message:send', send), request(visitor, 'message:send', send)]);
      const again = await request(visitor, 'message:send', { ...send, text: 'edited in between' });
      expect(okData(acks[1])).toEqual(okData(acks[0]));
      expect(okData(again)).toEqual(okData(acks[0]));
      const history = okData(await request(visitor, 'history:fetch', { conversationId: conv.id, afterSeq: 0 }));
      expect(history.messages).toEqual([okData(acks[0])]);
    });

    it('starts one conversation per client id and resumes the open one after a reconnect', async () => {
      const org = await server.organisation({ identityRequired: false });
      const first = server.visitor({ appKey: org.appKey, name: 'Jonas' });
      const { visitorToken } = await nextEvent<VisitorSession>(first, 'session');
      expect(visitorToken).toEqual(expect.any(String));
      const clientId = newClientId();
      const a = okData(await request(first, 'conversation:start', { clientId, context: {} }));
      const b = okData(await request(first, 'conversation:start', { clientId, context: {} }));
      expect(b.id).toBe(a.id);
      first.disconnect();

      const again = server.visitor({ appKey: org.appKey, visitorToken });
      const resumed = await nextEvent<VisitorSession>(again, 'session');
      expect(resumed.visitorToken).toBeUndefined();
      expect(resumed.user.name).toBe('Jonas');
      expect(resumed.conversation).toMatchObject({ id: a.id, status: 'queued', queuePosition: 1 });
    });
  });
}
