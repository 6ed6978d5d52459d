// Retention on a real server with a clock the test moves: an organisation's closed chats and tickets older
// than its limit go, with their files on disk; newer ones, open ones and other organisations' stay; each run
// is claimed once and audited.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/audit-log';
import type { OrganisationRetention } from '../../shared/personal-data';
import type { AttachmentView, TicketDetail } from '../../shared/ticket-model';
import type { Agent, Organisation } from '../../server/domain/records';
import { DAY_MS } from '../../server/domain/privacy/retention';
import { apiCaller, dataOf } from '../support/api-call';
import { FakeClock } from '../support/fake-clock';
import { newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);

describe('retention', () => {
  const clock = new FakeClock(Date.now());
  let server: TestServer;
  let admin: Agent;
  let maple: Organisation;
  let oak: Organisation;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    server = await startTestServer({}, { clock });
    maple = await server.organisation({ name: 'Maple School', identityRequired: false });
    oak = await server.organisation({ name: 'Oak School', identityRequired: false });
    admin = (await server.services.store.findAgentByEmail('admin@example.com')) as Agent;
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Sessions expire on the moved clock too: a fresh one for each call. */
  const asAdmin = async () => apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });

  const closedChat = async (org: Organisation, close = true): Promise<string> => {
    const visitor = server.visitor({ appKey: org.appKey, name: 'Ada' });
    await nextEvent(visitor, 'session');
    const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
    okData(await request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'My audio broke' }));
    visitor.disconnect();
    if (close) await server.services.conversations.close(admin, chat.id);
    return chat.id;
  };

  const closedTicketWithFile = async (org: Organisation): Promise<{ ticket: TicketDetail; file: string }> => {
    const ticket = dataOf(await call<TicketDetail>('POST', '/api/tickets', { subject: 'No sound', priority: 'P3', organisationId: org.id }));
    const res = await fetch(`${server.url}/api/tickets/${ticket.id}/attachments`, {
      method: 'POST',
      headers: {
        cookie: await server.signIn('admin@example.com', 'admin-password'),
        origin: server.url,
        'content-type': 'image/png',
        'x-file-name': 'screen.png',
      },
      body: PNG,
    });
    const attachment = ((await res.json()) as { data: AttachmentView }).data;
    dataOf(await call('PATCH', `/api/tickets/${ticket.id}`, { status: 'closed' }));
    return { ticket, file: join(server.dataDir, 'attachments', ticket.id, attachment.id) };
  };

  it('deletes only what closed more than the limit ago, files too, once per run', async () => {
    const { store, privacy } = server.services;
    call = await asAdmin();
    expect(dataOf(await call<OrganisationRetention[]>('GET', '/api/admin/retention')).map((r) => [r.name, r.days])).toEqual([
      ['Maple School', null],
      ['Oak School', null],
    ]);
    expect(dataOf(await call<OrganisationRetention>('PUT', `/api/admin/organisations/${maple.id}/retention`, { days: 30 }))).toMatchObject({
      days: 30,
    });
    expect((await call('PUT', `/api/admin/organisations/${maple.id}/retention`, { days: 0 })).status).toBe(400);
    expect((await call('PUT', `/api/admin/organisations/${maple.id}/retention`, { days: 1.5 })).status).toBe(400);

    // Day 0: a closed chat and a closed ticket with a file in each school, and a chat Maple never closes.
    const oldChat = await closedChat(maple);
    const oldTicket = await closedTicketWithFile(maple);
    const openChat = await closedChat(maple, false);
    const oakChat = await closedChat(oak);
    const oakTicket = await closedTicketWithFile(oak);
    // Quality aggregates of day 0 in both schools (monitoring's retention sweep).
    const minute = (org: Organisation) => ({
      organisationId: org.id,
      classroomId: 'physics-101',
      minute: clock.now(),
      reports: 10,
      users: 3,
      degradedUsers: 0,
      rttMs: 90,
      packetLossPct: 0,
      jitterMs: 8,
    });
    await store.addQualityMinutes([minute(maple), minute(oak)]);
    // Day 20: more of Maple's.
    clock.advance(20 * DAY_MS);
    call = await asAdmin();
    const newChat = await closedChat(maple);
    const newTicket = await closedTicketWithFile(maple);
    expect(existsSync(oldTicket.file) && existsSync(newTicket.file)).toBe(true);

    // Day 31: Maple's day-0 items are past 30 days.
    clock.advance(11 * DAY_MS);
    expect(await privacy.retentionJob.runIfDue()).toBe(true);
    // Claimed: the same run does not happen twice.
    expect(await privacy.retentionJob.runIfDue()).toBe(false);
    expect(await store.getConversation(oldChat)).toBeNull();
    expect(await store.getTicket(oldTicket.ticket.id)).toBeNull();
    expect(existsSync(oldTicket.file)).toBe(false);
    expect(await store.getConversation(newChat)).not.toBeNull();
    expect(await store.getTicket(newTicket.ticket.id)).not.toBeNull();
    expect(existsSync(newTicket.file)).toBe(true);
    expect((await store.getConversation(openChat))?.status).toBe('queued');
    expect(await store.getConversation(oakChat)).not.toBeNull();
    expect(existsSync(oakTicket.file)).toBe(true);
    expect(await store.listQualityMinutes(maple.id, 'physics-101', 0, clock.now())).toEqual([]);
    expect(await store.listQualityMinutes(oak.id, 'physics-101', 0, clock.now())).toHaveLength(1);

    call = await asAdmin();
    const purged = dataOf(await call<AuditPage>('GET', '/api/admin/audit-log?action=retention.purged')).entries;
    expect(purged).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', id: null, name: 'Retention' },
        target: { kind: 'organisation', id: maple.id, label: 'Maple School' },
        details: { days: 30, cutoff: clock.now() - 30 * DAY_MS, conversations: 1, tickets: 1, files: 1, qualityMinutes: 1 },
        address: null,
      }),
    ]);

    // Twenty days on, the next run takes the day-20 items, and ticket numbers never repeat.
    clock.advance(20 * DAY_MS);
    expect(await privacy.retentionJob.runIfDue()).toBe(true);
    expect(await store.getConversation(newChat)).toBeNull();
    expect(existsSync(newTicket.file)).toBe(false);
    call = await asAdmin();
    const next = dataOf(await call<TicketDetail>('POST', '/api/tickets', { subject: 'Later', priority: 'P3', organisationId: maple.id }));
    expect(Number(next.number.slice(3))).toBe(Number(oakTicket.ticket.number.slice(3)) + 2);
  });

  it('is changed by admins only', async () => {
    const agent = await server.agent({ name: 'Lin' });
    const asAgent = apiCaller(server.url, { cookie: await server.signIn(agent.email, agent.password) });
    expect((await asAgent('PUT', `/api/admin/organisations/${oak.id}/retention`, { days: 1 })).status).toBe(403);
    expect((await asAgent('GET', '/api/admin/retention')).status).toBe(403);
    call = await asAdmin();
    expect((await call('PUT', '/api/admin/organisations/00000000-0000-4000-8000-000000000000/retention', { days: 1 })).status).toBe(404);
    expect((await server.services.store.listRetention()).find((r) => r.organisationId === oak.id)?.days).toBeNull();
  });
});
