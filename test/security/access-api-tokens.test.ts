// Item 8: API tokens are scoped to one organisation (or, said explicitly, to all) and may expire. A scoped
// token reaching another organisation's tickets finds nothing there and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketSummary } from '../../shared/ticket-model';
import type { Organisation } from '../../server/domain/records';
import { newClientId, startTestServer, type TestServer } from '../support/server';
import { call, codeOf, settle, visitorWithChat } from './support/attack';

interface IssuedToken {
  token: string;
  record: { id: string; organisationId: string | null; expiresAt: number | null };
}

describe('API token scope and expiry', () => {
  let server: TestServer;
  let cookie: string;
  let mine: Organisation;
  let theirs: Organisation;
  let theirTicket: TicketDetail;
  let scoped: IssuedToken;

  const issue = async (body: Record<string, unknown>) => call<IssuedToken>(server, 'POST', '/api/api-tokens', { headers: { cookie }, body });
  const bearer = (t: IssuedToken) => ({ authorization: `Bearer ${t.token}` });

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.signIn('admin@example.com', 'admin-password');
    mine = await server.organisation({ name: 'Maple School', identityRequired: false });
    theirs = await server.organisation({ name: 'Oak School', identityRequired: false });
    const created = await call<TicketDetail>(server, 'POST', '/api/tickets', {
      headers: { cookie },
      body: { subject: 'Oak only', priority: 'P3', organisationId: theirs.id },
    });
    if (!created.body.ok) throw new Error('setup failed');
    theirTicket = created.body.data;
    const answer = await issue({ name: 'Maple LMS', organisationId: mine.id });
    expect(answer.status).toBe(201);
    if (!answer.body.ok) throw new Error('no token');
    scoped = answer.body.data;
    expect(scoped.record).toMatchObject({ organisationId: mine.id, expiresAt: null });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('needs a scope to be said: one organisation or all, explicitly', async () => {
    expect(codeOf(await issue({ name: 'Vague' }))).toBe('bad_request');
    expect(codeOf(await issue({ name: 'Both', organisationId: mine.id, allOrganisations: true }))).toBe('bad_request');
    expect(codeOf(await issue({ name: 'Nowhere', organisationId: newClientId() }))).toBe('not_found');
    const all = await issue({ name: 'Everything', allOrganisations: true });
    expect(all.status).toBe(201);
    expect(all.body.ok && all.body.data.record.organisationId).toBeNull();
  });

  it("lists only its organisation's tickets and cannot read another's", async () => {
    await call(server, 'POST', '/api/tickets', {
      headers: bearer(scoped),
      body: { subject: 'Maple ticket', priority: 'P3', organisationId: mine.id },
    });
    const listed = await call<TicketSummary[]>(server, 'GET', '/api/tickets?status=all', { headers: bearer(scoped) });
    expect(listed.body.ok && listed.body.data.map((t) => t.subject)).toEqual(['Maple ticket']);
    for (const path of [
      `/api/tickets/${theirTicket.id}`,
      `/api/tickets/${theirTicket.number}`,
      `/api/tickets/${theirTicket.id}/events`,
      `/api/tickets/${theirTicket.id}/attachments`,
    ]) {
      const answer = await call(server, 'GET', path, { headers: bearer(scoped) });
      expect(answer.status).toBe(404);
      expect(codeOf(answer)).toBe('not_found');
    }
  });

  it('cannot change, comment on or create tickets in another organisation, and nothing changes', async () => {
    const before = await server.services.store.getTicket(theirTicket.id);
    expect(codeOf(await call(server, 'PATCH', `/api/tickets/${theirTicket.id}`, { headers: bearer(scoped), body: { status: 'pending' } }))).toBe(
      'not_found',
    );
    expect(codeOf(await call(server, 'POST', `/api/tickets/${theirTicket.id}/comments`, { headers: bearer(scoped), body: { text: 'hi' } }))).toBe(
      'not_found',
    );
    expect(await server.services.store.getTicket(theirTicket.id)).toEqual(before);

    const count = (await server.services.store.listTickets({ limit: 100 })).length;
    expect(
      codeOf(
        await call(server, 'POST', '/api/tickets', { headers: bearer(scoped), body: { subject: 'x', priority: 'P3', organisationId: theirs.id } }),
      ),
    ).toBe('not_found');
    const { chat } = await visitorWithChat(server, theirs, 'Oak chat, private');
    const fromChat = await call(server, 'POST', '/api/tickets', {
      headers: bearer(scoped),
      body: { subject: 'x', priority: 'P3', conversationId: chat.id },
    });
    expect(codeOf(fromChat)).toBe('not_found');
    expect(JSON.stringify(fromChat.body)).not.toContain('private');
    expect((await server.services.store.listTickets({ limit: 100 })).length).toBe(count);
  });

  it('stops working when it expires, and cannot be made already expired', async () => {
    expect(codeOf(await issue({ name: 'Past', allOrganisations: true, expiresAt: Date.now() - 1000 }))).toBe('bad_request');
    const brief = await issue({ name: 'Brief', organisationId: mine.id, expiresAt: Date.now() + 800 });
    if (!brief.body.ok) throw new Error('no token');
    expect((await call(server, 'GET', '/api/tickets', { headers: bearer(brief.body.data) })).status).toBe(200);
    await settle(1000);
    const late = await call(server, 'GET', '/api/tickets', { headers: bearer(brief.body.data) });
    expect(late.status).toBe(401);
    expect(codeOf(late)).toBe('unauthorized');
  });
});
