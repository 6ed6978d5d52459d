// Attacks that already held, replayed: a visitor of the same organisation (Mallory) and one of another
// organisation (Eve) name Alice's chat, ticket and file ids. Each is refused as if the thing did not exist, and
// nothing of Alice's changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorConversation } from '../../shared/model';
import type { UploadGrant, VisitorTicketDetail } from '../../shared/ticket-model';
import type { Organisation } from '../../server/domain/records';
import { newClientId, nextEvent, okData, request, requestRaw, startTestServer, type TestServer, type VisitorClient } from '../support/server';
import { settle } from './support/attack';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);

describe('IDOR on chats, tickets and files', () => {
  let server: TestServer;
  let maple: Organisation;
  let oak: Organisation;
  let alice: VisitorClient;
  let chat: VisitorConversation;
  let ticket: VisitorTicketDetail;
  let attachmentUrl: string;
  let mallory: VisitorClient;
  let eve: VisitorClient;

  async function visitor(org: Organisation, name: string): Promise<VisitorClient> {
    const socket = server.visitor({ appKey: org.appKey, name });
    await nextEvent(socket, 'session');
    return socket;
  }

  async function uploadWith(grant: UploadGrant, ticketId: string): Promise<{ status: number; code: string }> {
    const res = await fetch(`${server.url}/api/visitor/tickets/${ticketId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Grant ${grant.token}`, 'content-type': 'image/png', 'x-file-name': 'x.png', origin: server.origin },
      body: PNG,
    });
    return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code ?? 'ok' };
  }

  beforeAll(async () => {
    server = await startTestServer();
    maple = await server.organisation({ identityRequired: false });
    oak = await server.organisation({ identityRequired: false });
    alice = await visitor(maple, 'Alice');
    chat = okData(await request(alice, 'conversation:start', { clientId: newClientId(), context: {} }));
    okData(await request(alice, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'private' }));
    const created = okData(
      await request(alice, 'ticket:create', { clientId: newClientId(), description: 'Audio drops', impact: 'question', context: {} }),
    );
    const grant = okData(await request(alice, 'ticket:upload-grant', { ticketId: created.id }));
    expect((await uploadWith(grant, created.id)).status).toBe(201);
    ticket = okData(await request(alice, 'ticket:get', { ticketId: created.id }));
    attachmentUrl = ticket.attachments[0]!.url;
    mallory = await visitor(maple, 'Mallory');
    eve = await visitor(oak, 'Eve');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const snapshot = async () => ({
    chat: await server.services.store.getConversation(chat.id),
    ticket: await server.services.store.getTicket(ticket.id),
    files: (await server.services.store.listAttachments(ticket.id)).length,
  });

  it.each([0, 1])('refuses every chat request on Alice’s chat (attacker %i: 0 same school, 1 another school) and changes nothing', async (which) => {
    const attacker = [mallory, eve][which]!;
    const before = await snapshot();
    const seen: unknown[] = [];
    attacker.on('message:new', (m) => seen.push(m));
    const attempts: Array<[string, unknown]> = [
      ['history:fetch', { conversationId: chat.id, afterSeq: 0 }],
      ['message:send', { conversationId: chat.id, clientId: newClientId(), text: 'injected' }],
      ['read:mark', { conversationId: chat.id, seq: 1 }],
      ['context:update', { conversationId: chat.id, context: { classroomId: 'x' } }],
    ];
    for (const [event, payload] of attempts) {
      expect(await requestRaw(attacker, event, payload)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    attacker.emit('typing', { conversationId: chat.id, typing: true });
    okData(await request(alice, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'still private' }));
    await settle();
    expect(seen).toEqual([]);
    const after = await snapshot();
    expect(after.ticket).toEqual(before.ticket);
    expect(after.chat?.lastSeq).toBe((before.chat?.lastSeq ?? 0) + 1);
  });

  it.each([0, 1])('refuses every ticket request on Alice’s ticket (attacker %i) and changes nothing', async (which) => {
    const attacker = [mallory, eve][which]!;
    const before = await snapshot();
    const attempts: Array<[string, unknown]> = [
      ['ticket:get', { ticketId: ticket.id }],
      ['ticket:reply', { ticketId: ticket.id, clientId: newClientId(), text: 'injected' }],
      ['ticket:callback', { ticketId: ticket.id, phone: '+1 555 0199', preferredTime: 'now' }],
      ['ticket:seen', { ticketId: ticket.id }],
      ['ticket:upload-grant', { ticketId: ticket.id }],
      ['ticket:create', { clientId: newClientId(), description: 'steal', impact: 'question', context: {}, conversationId: chat.id }],
    ];
    for (const [event, payload] of attempts) {
      expect(await requestRaw(attacker, event, payload)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const list = okData(await request(attacker, 'tickets:list', {}));
    expect(list.map((t) => t.id)).not.toContain(ticket.id);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses Alice's file to anyone holding another grant, and a tampered grant", async () => {
    const before = await snapshot();
    const own = okData(await request(mallory, 'ticket:create', { clientId: newClientId(), description: 'mine', impact: 'question', context: {} }));
    const grant = okData(await request(mallory, 'ticket:upload-grant', { ticketId: own.id }));
    // Mallory's upload grant on Alice's ticket.
    expect(await uploadWith(grant, ticket.id)).toEqual({ status: 403, code: 'forbidden' });
    // Alice's download link with the file id swapped, and with the signature of another grant.
    const url = new URL(attachmentUrl, server.url);
    const [body, signature] = (url.searchParams.get('grant') ?? '').split('.');
    const tampered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), s: own.id })).toString('base64url');
    for (const forged of [`${tampered}.${signature}`, `${body}.${grant.token.split('.')[1]}`, 'garbage', `${body}`]) {
      const res = await fetch(`${server.url}${url.pathname}?grant=${encodeURIComponent(forged)}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect(await snapshot()).toEqual(before);
    // Alice's own link still works: the refusals were about the attacker, not a broken route.
    expect((await fetch(new URL(attachmentUrl, server.url))).status).toBe(200);
  });
});
