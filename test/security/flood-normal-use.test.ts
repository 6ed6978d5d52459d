// The other side of the flood limits, against a real server: normal use is never limited. A class of 40 new
// anonymous visitors behind one school address starts chatting at the same moment; a student types fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorSession } from '../../shared/protocol';
import type { Organisation } from '../../server/domain/records';
import { newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

describe('normal use is never limited', () => {
  let server: TestServer;
  let org: Organisation;
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
  });
  afterAll(() => server.stop());

  it('a class of 40 from one address starts at once: every student connects, starts a chat and writes', async () => {
    const class40 = Array.from({ length: 40 }, (_, i) => server.visitor({ appKey: org.appKey, name: `Student ${i + 1}` }));
    await Promise.all(class40.map((socket) => nextEvent<VisitorSession>(socket, 'session', 10_000)));
    const chats = await Promise.all(class40.map((socket) => request(socket, 'conversation:start', { clientId: newClientId(), context: {} })));
    expect(chats.filter((c) => !c.ok)).toEqual([]);
    const firstWords = await Promise.all(
      class40.map((socket, i) =>
        request(socket, 'message:send', { conversationId: okData(chats[i]!).id, clientId: newClientId(), text: 'I cannot hear the teacher' }),
      ),
    );
    expect(firstWords.filter((m) => !m.ok)).toEqual([]);
    for (const socket of class40) socket.disconnect();
  }, 60_000);

  it('a student typing fast: 30 short messages in 6 s, with typing notices between them', async () => {
    const student = server.visitor({ appKey: org.appKey, name: 'Fast typist' });
    await nextEvent(student, 'session');
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
    const refusals = [];
    for (let i = 0; i < 30; i++) {
      const typing = await request(student, 'typing', { conversationId: chat.id, typing: true });
      const sent = await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `quick ${i}` });
      const stopped = await request(student, 'typing', { conversationId: chat.id, typing: false });
      refusals.push(...[typing, sent, stopped].filter((r) => !r.ok));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(refusals).toEqual([]);
  }, 30_000);
});
