// Ticket files over HTTP: accepted types checked against their content, size limits while streaming, visitor grants,
// and resends: an upload id stores a file once, however often it is sent.
import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { AttachmentView, TicketDetail, VisitorTicketDetail } from '../../shared/ticket-model';
import { TICKET_LIMITS } from '../../shared/ticket-limits';
import type { Organisation } from '../../server/domain/records';
import {
  identityToken,
  newClientId,
  nextEvent,
  okData,
  request,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type VisitorClient,
} from '../support/server';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-and-pixels')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n');

describe('ticket attachments', () => {
  let server: TestServer;
  let org: Organisation;
  let cookie: string;
  let ticket: TicketDetail;

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ name: 'Maple School', identityRequired: true });
    cookie = await server.signIn('admin@example.com', 'admin-password');
    const res = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Screen share freezes', priority: 'P2', organisationId: org.id }),
    });
    ticket = ((await res.json()) as { data: TicketDetail }).data;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const upload = async (
    body: BodyInit,
    type: string,
    name = 'file',
    headers: Record<string, string> = { cookie },
    path = `/api/tickets/${ticket.id}/attachments`,
  ) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      body,
    });
    return { status: res.status, result: (await res.json()) as Result<AttachmentView> };
  };
  const attachmentsOf = async (ticketId: string): Promise<AttachmentView[]> =>
    ((await (await fetch(`${server.url}/api/tickets/${ticketId}/attachments`, { headers: { cookie } })).json()) as { data: AttachmentView[] }).data;
  const storedFiles = (): string[] => {
    try {
      return readdirSync(join(server.dataDir, 'attachments', ticket.id));
    } catch {
      return [];
    }
  };

  it('stores a screenshot, a PDF, a log and a HAR, and gives the bytes back', async () => {
    const png = await upload(PNG, 'image/png', 'Bildschirmfoto 12:30.png');
    expect(png).toMatchObject({ status: 201, result: { ok: true, data: { name: 'Bildschirmfoto 12:30.png', type: 'image/png', size: PNG.length } } });
    expect((await upload(PDF, 'application/pdf', 'report.pdf')).status).toBe(201);
    expect((await upload('12:00:01 ICE failed\n12:00:02 reconnecting…\n', 'text/plain', 'console.log')).status).toBe(201);
    expect((await upload('{"log":{"entries":[]}}', 'application/json', 'network.har')).status).toBe(201);

    const id = png.result.ok ? png.result.data.id : '';
    const res = await fetch(`${server.url}/api/tickets/${ticket.id}/attachments/${id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('Bildschirmfoto 12:30.png')}`);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);

    const detail = ((await (await fetch(`${server.url}/api/tickets/${ticket.id}`, { headers: { cookie } })).json()) as { data: TicketDetail }).data;
    expect(detail.attachments.map((a) => a.name)).toEqual(['Bildschirmfoto 12:30.png', 'report.pdf', 'console.log', 'network.har']);
    expect(detail.events.filter((e) => e.kind === 'attachment').map((e) => e.data.fileName)).toHaveLength(4);
  });

  it('stores a file once per upload id: a resend, even several at once, gets the first answer', async () => {
    const before = { files: storedFiles().length, attachments: await attachmentsOf(ticket.id) };
    const uploadId = newClientId();
    const first = await upload(PNG, 'image/png', 'once.png', { cookie, 'x-upload-id': uploadId });
    expect(first).toMatchObject({ status: 201, result: { ok: true, data: { name: 'once.png' } } });
    expect(await upload(PNG, 'image/png', 'once.png', { cookie, 'x-upload-id': uploadId })).toEqual(first);
    const racing = newClientId();
    const answers = await Promise.all([1, 2, 3].map(() => upload(PDF, 'application/pdf', 'race.pdf', { cookie, 'x-upload-id': racing })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.result))).size).toBe(1);

    const after = await attachmentsOf(ticket.id);
    expect(after.slice(before.attachments.length).map((a) => a.name)).toEqual(['once.png', 'race.pdf']);
    expect(storedFiles().length).toBe(before.files + 2);
    const detail = ((await (await fetch(`${server.url}/api/tickets/${ticket.id}`, { headers: { cookie } })).json()) as { data: TicketDetail }).data;
    expect(detail.events.filter((e) => e.kind === 'attachment' && ['once.png', 'race.pdf'].includes(String(e.data.fileName)))).toHaveLength(2);
  });

  it('refuses an upload id that is not a UUID, and stores nothing', async () => {
    const before = (await attachmentsOf(ticket.id)).length;
    const answer = await upload(PNG, 'image/png', 'a.png', { cookie, 'x-upload-id': 'retry-1' });
    expect(answer).toMatchObject({ status: 400, result: { ok: false, error: { code: 'bad_request' } } });
    expect(await attachmentsOf(ticket.id)).toHaveLength(before);
  });

  it('refuses content that is not what its type claims, and keeps no bytes of it', async () => {
    const before = storedFiles().length;
    const cases: Array<[BodyInit, string]> = [
      ['<html><script>alert(1)</script></html>', 'image/png'],
      [PNG, 'application/pdf'],
      [Buffer.from([0x68, 0x69, 0x00, 0x01]), 'text/plain'],
      [Buffer.from([0xff, 0xfe, 0xfd]), 'text/plain'],
      ['hello, not json', 'application/json'],
    ];
    for (const [body, type] of cases) {
      const answer = await upload(body, type);
      expect([type, answer.status, answer.result.ok ? null : answer.result.error.code]).toEqual([type, 415, 'file_type_not_allowed']);
    }
    expect(storedFiles().length).toBe(before);
  });

  it('refuses types it does not accept at all, and empty files', async () => {
    for (const type of ['application/x-msdownload', 'text/html', 'image/svg+xml', '']) {
      expect((await upload('MZ....', type)).status).toBe(415);
    }
    expect((await upload('', 'text/plain')).result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('refuses a file over the limit from its declared length, before reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/tickets/${ticket.id}/attachments`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'image/png', 'content-length': String(TICKET_LIMITS.attachmentBytes + 1) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(PNG); // only the first bytes: the answer must not wait for the rest
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'file_too_large' } });
  });

  it('stops a streamed file at the limit when no length was declared', async () => {
    const before = storedFiles().length;
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > TICKET_LIMITS.attachmentBytes + chunk.length) return controller.close();
        controller.enqueue(sent === 0 ? Buffer.concat([PNG, chunk]) : chunk);
        sent += chunk.length;
      },
    });
    const res = await fetch(`${server.url}/api/tickets/${ticket.id}/attachments`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'image/png' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(storedFiles().length).toBe(before);
    expect(storedFiles().some((name) => name.endsWith('.part'))).toBe(false);
  });

  describe('from the widget', () => {
    let student: VisitorClient;
    let mine: VisitorTicketDetail;
    beforeAll(async () => {
      const token = await identityToken(org.identitySecret, { sub: 'stu-1', name: 'Ada', role: 'student' });
      student = server.visitor({ appKey: org.appKey, token });
      await nextEvent(student, 'session');
      mine = okData(
        await request(student, 'ticket:create', { clientId: newClientId(), description: 'Video freezes', impact: 'not_working_well', context: {} }),
      );
    });

    const grantFor = async (ticketId: string) => okData(await request(student, 'ticket:upload-grant', { ticketId }));
    const visitorPath = (ticketId: string) => `/api/visitor/tickets/${ticketId}/attachments`;

    it('uploads with a grant from an allowed page, and downloads through the link in the ticket', async () => {
      const grant = await grantFor(mine.id);
      expect(grant).toMatchObject({
        url: `/api/visitor/tickets/${mine.id}/attachments`,
        maxBytes: TICKET_LIMITS.attachmentBytes,
        types: expect.arrayContaining(['image/png']),
      });
      const preflight = await fetch(`${server.url}${grant.url}`, {
        method: 'OPTIONS',
        headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('X-File-Name');

      const sent = await upload(PNG, 'image/png', 'freeze.png', { authorization: `Grant ${grant.token}`, origin: TEST_ORIGIN }, grant.url);
      expect(sent).toMatchObject({ status: 201, result: { ok: true, data: { name: 'freeze.png', uploadedBy: 'Ada' } } });

      const detail = okData(await request(student, 'ticket:get', { ticketId: mine.id }));
      expect(detail.events.at(-1)?.text).toBe('File added: freeze.png');
      const file = await fetch(`${server.url}${detail.attachments[0]!.url}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG);
    });

    it("answers a resent upload with the attachment stored the first time, and keeps uploaders' ids apart", async () => {
      const uploadId = newClientId();
      const send = async (headers: Record<string, string>) => {
        const grant = await grantFor(mine.id);
        return upload(PNG, 'image/png', 'again.png', { authorization: `Grant ${grant.token}`, origin: TEST_ORIGIN, ...headers }, grant.url);
      };
      const first = await send({ 'x-upload-id': uploadId });
      expect(first).toMatchObject({ status: 201, result: { ok: true, data: { name: 'again.png', uploadedBy: 'Ada' } } });
      // The answer was lost and the page reloaded: a fresh grant, the same upload id.
      expect(await send({ 'x-upload-id': uploadId })).toEqual(first);
      const detail = okData(await request(student, 'ticket:get', { ticketId: mine.id }));
      expect(detail.attachments.filter((a) => a.name === 'again.png')).toHaveLength(1);
      expect(detail.events.filter((e) => e.text === 'File added: again.png')).toHaveLength(1);

      // The id is the uploader's own: an agent sending the same one adds a file of their own.
      const agents = await upload(PNG, 'image/png', 'again.png', { cookie, 'x-upload-id': uploadId }, `/api/tickets/${mine.id}/attachments`);
      expect(agents.status).toBe(201);
      expect(agents.result.ok && first.result.ok && agents.result.data.id !== first.result.data.id).toBe(true);
      const preflight = await fetch(`${server.url}${visitorPath(mine.id)}`, {
        method: 'OPTIONS',
        headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Upload-Id');
    });

    it('refuses uploads without a valid grant, for another ticket, or from a foreign page', async () => {
      const grant = await grantFor(mine.id);
      const other = okData(
        await request(student, 'ticket:create', { clientId: newClientId(), description: 'Other', impact: 'question', context: {} }),
      );
      const to = (id: string) => `/api/visitor/tickets/${id}/attachments`;
      expect((await upload(PNG, 'image/png', 'a.png', { origin: TEST_ORIGIN }, to(mine.id))).status).toBe(401);
      expect((await upload(PNG, 'image/png', 'a.png', { authorization: `Grant ${grant.token}x`, origin: TEST_ORIGIN }, to(mine.id))).status).toBe(
        401,
      );
      expect((await upload(PNG, 'image/png', 'a.png', { authorization: `Grant ${grant.token}`, origin: TEST_ORIGIN }, to(other.id))).status).toBe(
        403,
      );
      expect(
        (await upload(PNG, 'image/png', 'a.png', { authorization: `Grant ${grant.token}`, origin: 'https://evil.example' }, to(mine.id))).status,
      ).toBe(403);
      const detail = okData(await request(student, 'ticket:get', { ticketId: mine.id }));
      const tampered = detail.attachments[0]!.url.replace(/grant=([^.]+)/, 'grant=$1x');
      expect((await fetch(`${server.url}${tampered}`)).status).toBe(401);
    });
  });
});
