// Item 8: a file name can lie with invisible bidirectional controls ("grades‮gnp.exe" shows as "gradesexe.png")
// or with an extension that is not its type. Stored names carry neither lie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentView, TicketDetail } from '../../shared/ticket-model';
import { startTestServer, type TestServer } from '../support/server';
import { call } from './support/attack';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e0005fe02fea7d6a5e60000000049454e44ae426082',
  'hex',
);
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f'];

describe('uploaded file names', () => {
  let server: TestServer;
  let cookie: string;
  let ticket: TicketDetail;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await server.organisation();
    cookie = await server.signIn('admin@example.com', 'admin-password');
    const created = await call<TicketDetail>(server, 'POST', '/api/tickets', {
      headers: { cookie },
      body: { subject: 'Names', priority: 'P3', organisationId: org.id },
    });
    if (!created.body.ok) throw new Error('could not create the ticket');
    ticket = created.body.data;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function upload(name: string, type = 'image/png'): Promise<AttachmentView> {
    const res = await fetch(`${server.url}/api/tickets/${ticket.id}/attachments`, {
      method: 'POST',
      headers: { cookie, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      body: PNG,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { data: AttachmentView }).data;
  }

  it('drops every bidirectional control character', async () => {
    for (const control of BIDI) {
      const stored = await upload(`grades${control}gnp.png`);
      expect(stored.name).toBe('gradesgnp.png');
    }
  });

  it('makes the extension agree with the checked type', async () => {
    expect((await upload('grades\u202egnp.exe')).name).toBe('gradesgnp.png');
    expect((await upload('setup.bat')).name).toBe('setup.png');
    expect((await upload('no extension')).name).toBe('no extension.png');
    expect((await upload('photo.JPG', 'image/png')).name).toBe('photo.png');
    expect((await upload('screen.PNG')).name).toBe('screen.PNG');
  });

  it('shows the clean name in the download header too', async () => {
    const stored = await upload('report\u202ecod.exe');
    const res = await fetch(`${server.url}/api/tickets/${ticket.id}/attachments/${stored.id}`, { headers: { cookie } });
    expect(res.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('reportcod.png')}`);
  });
});
