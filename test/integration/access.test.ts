// Nobody reaches another visitor's conversation, and malformed payloads are refused without changing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import type { VisitorConversation } from '../../shared/model';
import type { Organisation } from '../../server/domain/records';
import { newClientId, nextEvent, okData, request, requestRaw, startTestServer, type TestServer, type VisitorClient } from '../support/server';

describe('access between visitors', () => {
  let server: TestServer;
  let org: Organisation;
  let alice: VisitorClient;
  let mallory: VisitorClient;
  let aliceChat: VisitorConversation;

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
    alice = server.visitor({ appKey: org.appKey, name: 'Alice' });
    mallory = server.visitor({ appKey: org.appKey, name: 'Mallory' });
    await Promise.all([nextEvent(alice, 'session'), nextEvent(mallory, 'session')]);
    aliceChat = okData(await request(alice, 'conversation:start', { clientId: newClientId(), context: {} }));
    okData(await request(alice, 'message:send', { conversationId: aliceChat.id, clientId: newClientId(), text: 'private: my password is hunter2' }));
  });
  afterAll(async () => {
    await server.stop();
  });

  const unchanged = async () => {
    const stored = await server.services.store.getConversation(aliceChat.id);
    expect(stored?.lastSeq).toBe(1);
  };

  it("cannot read another visitor's conversation", async () => {
    const res = await request(mallory, 'history:fetch', { conversationId: aliceChat.id, afterSeq: 0 });
    expect(res).toEqual({ ok: false, error: { code: 'not_found', message: 'No such conversation' } });
  });

  it("cannot write into another visitor's conversation", async () => {
    const res = await request(mallory, 'message:send', { conversationId: aliceChat.id, clientId: newClientId(), text: 'injected' });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(mallory, 'context:update', { conversationId: aliceChat.id, context: { classroomId: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await unchanged();
  });

  it("does not receive another visitor's messages or typing", async () => {
    const seen: unknown[] = [];
    mallory.on('message:new', (m) => seen.push(m));
    mallory.on('typing', (t) => seen.push(t));
    mallory.emit('typing', { conversationId: aliceChat.id, typing: true });
    const sent = okData(await request(alice, 'message:send', { conversationId: aliceChat.id, clientId: newClientId(), text: 'still private' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
    expect(sent.seq).toBe(2);
  });
});

describe('malformed payloads', () => {
  let server: TestServer;
  let visitor: VisitorClient;
  let chat: VisitorConversation;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await server.organisation({ identityRequired: false });
    visitor = server.visitor({ appKey: org.appKey });
    await nextEvent(visitor, 'session');
    chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
  });
  afterAll(async () => {
    await server.stop();
  });

  const cases: Array<[string, string, unknown]> = [
    ['no payload', 'message:send', undefined],
    ['a string payload', 'message:send', 'hello'],
    ['a missing text', 'message:send', { conversationId: '', clientId: '' }],
    ['a client id that is not a UUID', 'message:send', { clientId: 'abc', text: 'hi' }],
    ['a text of the wrong type', 'message:send', { clientId: newClientId(), text: 42 }],
    ['an empty text', 'message:send', { clientId: newClientId(), text: '   ' }],
    ['an oversize text', 'message:send', { clientId: newClientId(), text: 'x'.repeat(LIMITS.messageText + 1) }],
    ['an unknown field', 'message:send', { clientId: newClientId(), text: 'hi', authorKind: 'agent' }],
    ['a negative sequence', 'history:fetch', { afterSeq: -1 }],
    ['a huge page', 'history:fetch', { afterSeq: 0, limit: 10_000 }],
    ['a context with a bad role', 'conversation:start', { clientId: newClientId(), context: { role: 'admin' } }],
    [
      'a context with too many extras',
      'conversation:start',
      { clientId: newClientId(), context: { extra: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i])) } },
    ],
    ['a typing flag that is not boolean', 'typing', { typing: 'yes' }],
  ];

  it.each(cases)('refuses %s with bad_request and stores nothing', async (_name, event, payload) => {
    const withIds =
      payload && typeof payload === 'object' && !('conversationId' in payload) && event !== 'conversation:start'
        ? { conversationId: chat.id, ...payload }
        : payload;
    const res = await requestRaw(visitor, event, withIds);
    expect(res).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.any(String) } });
    const stored = await server.services.store.getConversation(chat.id);
    expect(stored?.lastSeq).toBe(0);
    expect((await server.services.store.listQueued()).length).toBe(1);
  });

  it('refuses an unknown conversation id with not_found', async () => {
    const res = await request(visitor, 'message:send', { conversationId: newClientId(), clientId: newClientId(), text: 'hi' });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('agents acting out of turn', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('cannot reply in or close a chat assigned to someone else', async () => {
    const org = await server.organisation({ identityRequired: false });
    const visitor = server.visitor({ appKey: org.appKey });
    await nextEvent(visitor, 'session');
    const owner = await server.agent({ name: 'Owner', presence: 'available' });
    const other = await server.agent({ name: 'Other' });
    const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
    const before = await server.services.store.getConversation(chat.id);
    expect(before?.assigneeId).toBe(owner.id);

    const intruder = server.agentSocket(await server.signIn(other.email, other.password));
    await nextEvent(intruder, 'session');
    const reply = await request(intruder, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'hi' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await request(intruder, 'conversation:close', { conversationId: chat.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nothing changed: still active, and no message beyond the one telling the visitor who they talk to.
    expect(await server.services.store.getConversation(chat.id)).toMatchObject({ status: 'active', lastSeq: before?.lastSeq });
    expect(before?.lastSeq).toBe(1);
  });
});
