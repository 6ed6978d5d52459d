// Hole 7: an anonymous visitor who says "teacher, live class running" jumped the queue to P1. Only what a signed
// identity token vouches for may raise a chat's priority; the user's own urgency choice still counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartConversation } from '../../shared/protocol';
import type { Organisation } from '../../server/domain/records';
import { identityToken, newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

describe('claims that raise a chat’s priority', () => {
  let server: TestServer;
  let org: Organisation;
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function priorityOf(auth: Record<string, unknown>, start: Omit<StartConversation, 'clientId'>): Promise<string | undefined> {
    const socket = server.visitor({ appKey: org.appKey, ...auth });
    await nextEvent(socket, 'session');
    const chat = okData(await request(socket, 'conversation:start', { clientId: newClientId(), ...start }));
    socket.disconnect();
    return (await server.services.store.getConversation(chat.id))?.routing.priority;
  }

  it('ignores role and live class claimed by an anonymous visitor', async () => {
    const claimed: Omit<StartConversation, 'clientId'> = { context: { role: 'teacher', liveClass: true }, urgency: 'not_working_well' };
    expect(await priorityOf({ name: 'Mallory' }, claimed)).toBe('P3');
  });

  it("still honours the visitor's own urgency choice", async () => {
    expect(await priorityOf({ name: 'Ada' }, { context: {}, urgency: 'class_stopped' })).toBe('P1');
  });

  it('raises a verified teacher in a running class', async () => {
    const token = await identityToken(org.identitySecret, { sub: 'teacher-7', name: 'Ms. Rivera', role: 'teacher' });
    expect(await priorityOf({ token }, { context: { liveClass: true }, urgency: 'not_working_well' })).toBe('P1');
  });

  it('takes the role from the token, not from what the page says', async () => {
    const token = await identityToken(org.identitySecret, { sub: 'student-7', name: 'Jonas', role: 'student' });
    expect(await priorityOf({ token }, { context: { role: 'teacher', liveClass: true }, urgency: 'not_working_well' })).toBe('P2');
  });
});
