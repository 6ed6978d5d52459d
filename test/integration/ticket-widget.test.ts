// A student follows tickets over the widget's socket: guided form, replies both ways, unread counts, call-back alarms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketAlert, TicketDetail, TicketSummary, VisitorTicketSummary } from '../../shared/ticket-model';
import type { TicketUnread, VisitorCreateTicket } from '../../shared/ticket-protocol';
import { renderNotice } from '../../shared/notices';
import type { Organisation } from '../../server/domain/records';
import {
  eventWhere,
  identityToken,
  newClientId,
  nextEvent,
  okData,
  request,
  requestRaw,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/server';

const guidedForm = (over: Partial<VisitorCreateTicket> = {}): VisitorCreateTicket => ({
  clientId: newClientId(),
  description: 'Nobody in the class can hear the teacher',
  steps: 'Join physics-101, teacher unmutes',
  since: 'today',
  affected: 'class',
  impact: 'class_stopped',
  context: { classroomId: 'physics-101', browser: 'Chrome 126', os: 'Windows', sdkVersion: '0.1.0', extra: { rttMs: 420, packetLossPct: 7 } },
  ...over,
});

describe('tickets in the widget', () => {
  let server: TestServer;
  let org: Organisation;
  let agentCookie: string;
  let student: VisitorClient;

  const connectStudent = async (sub = 'stu-ada', name = 'Ada Student') => {
    const token = await identityToken(org.identitySecret, { sub, name, role: 'student', classroom: 'physics-101' });
    const socket = server.visitor({ appKey: org.appKey, token });
    const unread = nextEvent<TicketUnread>(socket, 'tickets:unread');
    await nextEvent(socket, 'session');
    return { socket, unread: await unread };
  };
  const rest = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: agentCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const result = (await res.json()) as { ok: boolean; data: T; error?: { code: string } };
    if (!result.ok) throw new Error(`${path}: ${result.error?.code}`);
    return result.data;
  };

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ name: 'Maple School', identityRequired: true, hotline: '+1 555 0100' });
    const lin = await server.agent({ name: 'Lin Engineer' });
    agentCookie = await server.signIn(lin.email, lin.password);
    ({ socket: student } = await connectStudent());
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('tells the widget whether anyone can answer now, and the hotline', async () => {
    expect(okData(await request(student, 'support:status', {}))).toEqual({
      agentsAvailable: false,
      hotline: '+1 555 0100',
      hours: { open: true, opensAt: null },
    });
  });

  it('turns the guided form into a P1 ticket with the environment, followed in the list', async () => {
    const ticket = okData(await request(student, 'ticket:create', guidedForm()));
    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^CS-\d{6}$/),
      priority: 'P1',
      status: 'new',
      // Owned at once by the least-loaded L1 agent, connected or not (issue 14): Lin is the only one.
      engineerName: 'Lin Engineer',
      hotline: '+1 555 0100',
      subject: 'Nobody in the class can hear the teacher',
    });
    expect(ticket.nextDueAt).toBe(ticket.createdAt + 15 * 60_000);
    const list = okData(await request(student, 'tickets:list', {}));
    expect(list.map((t) => t.number)).toContain(ticket.number);
    const seenByAgents = await rest<TicketDetail>('GET', `/api/tickets/${ticket.number}`);
    expect(seenByAgents.environment).toMatchObject({
      organisation: 'Maple School',
      classroomId: 'physics-101',
      browser: 'Chrome 126',
      extra: { rttMs: 420 },
    });
    expect(seenByAgents).toMatchObject({
      impact: 'The whole class cannot continue',
      affected: 'The whole class',
      since: 'Earlier today',
      channel: 'widget',
    });
  });

  it('shows public replies and plain-words history, never internal notes, and counts them unread until seen', async () => {
    // Mei has no open ticket while Lin has the first one: the new ticket starts with Mei and is handed to Lin.
    await server.agent({ name: 'Mei Engineer' });
    const ticket = okData(await request(student, 'ticket:create', guidedForm({ impact: 'not_working_well', affected: 'me' })));
    expect(ticket.priority).toBe('P3');
    expect(ticket.engineerName).toBe('Mei Engineer');
    const lin = (await rest<Array<{ id: string; name: string }>>('GET', '/api/tickets/assignees')).find((a) => a.name === 'Lin Engineer')!;

    const updated = eventWhere<VisitorTicketSummary>(student, 'ticket:updated', (t) => t.id === ticket.id && t.engineerName === 'Lin Engineer');
    await rest('PATCH', `/api/tickets/${ticket.id}`, { assigneeId: lin.id });
    // The status goes as a code (each client words it in its reader's language), never as English.
    expect((await updated).status).toBe('new');
    expect(await updated).not.toHaveProperty('statusLabel');

    await rest('POST', `/api/tickets/${ticket.id}/comments`, { text: 'Her headset is muted in Windows', visibility: 'internal' });
    const unread = eventWhere<TicketUnread>(student, 'tickets:unread', (u) => u.count >= 1);
    await rest('POST', `/api/tickets/${ticket.id}/comments`, { text: 'Please check the mute switch on your headset' });
    // What support wrote counts, nothing else: not the assignment, the internal note or "In progress" (issue 13).
    expect((await unread).count).toBe(1);

    const seen = okData(await request(student, 'ticket:get', { ticketId: ticket.id }));
    expect(seen).toMatchObject({ engineerName: 'Lin Engineer', status: 'open', unread: 1 });
    expect(seen.events.map((e) => e.text)).toEqual([
      'Ticket created.',
      'Lin Engineer is looking after your ticket.',
      'Please check the mute switch on your headset',
      'Status: In progress.',
    ]);
    expect(JSON.stringify(seen)).not.toContain('muted in Windows');

    expect(okData(await request(student, 'ticket:seen', { ticketId: ticket.id }))).toEqual({ count: 0 });

    // The student answers; the agents' list hears about it.
    const agent = server.agentSocket(agentCookie);
    await nextEvent(agent, 'session');
    const agentHears = eventWhere<TicketSummary>(agent, 'ticket:updated', (t) => t.id === ticket.id);
    const answered = okData(await request(student, 'ticket:reply', { ticketId: ticket.id, clientId: newClientId(), text: 'That fixed it, thanks!' }));
    expect(answered.events.at(-1)).toMatchObject({ text: 'That fixed it, thanks!', fromSupport: false, authorName: 'Ada Student' });
    expect((await agentHears).updatedAt).toBe(answered.updatedAt);
    agent.disconnect();
  });

  it('restores the unread badge after a reconnect', async () => {
    const ticket = okData(await request(student, 'ticket:create', guidedForm({ impact: 'question' })));
    student.disconnect();
    await rest('POST', `/api/tickets/${ticket.id}/comments`, { text: 'You can export attendance from Reports' });
    const again = await connectStudent();
    student = again.socket;
    // The reply is the one unread update over all of Ada's tickets (the others' were seen or carried no reply).
    expect(again.unread.count).toBe(1);
    const list = okData(await request(student, 'tickets:list', {}));
    expect(list.find((t) => t.id === ticket.id)?.unread).toBe(1);
  });

  it('attaches a P1 call-back request to the ticket and raises an alarm in every console', async () => {
    const ticket = okData(await request(student, 'ticket:create', guidedForm()));
    const agent = server.agentSocket(agentCookie);
    await nextEvent(agent, 'session');
    const alarm = eventWhere<TicketAlert>(agent, 'ticket:alert', (a) => a.kind === 'callback' && a.ticket.id === ticket.id);
    const withCallback = okData(
      await request(student, 'ticket:callback', { ticketId: ticket.id, phone: '+1 555 0199', preferredTime: 'As soon as possible' }),
    );
    expect(withCallback.callbacks).toMatchObject([{ phone: '+1 555 0199', preferredTime: 'As soon as possible', acknowledgedAt: null }]);
    // A code with parameters for each console to word in its agent's language; the English rides along.
    const raised = await alarm;
    expect(raised.notice).toEqual({
      code: 'alert_callback',
      ticket: ticket.number,
      user: 'Ada Student',
      phone: '+1 555 0199',
      preferredTime: 'As soon as possible',
    });
    expect(renderNotice(raised.notice, 'zh-CN')).toBe(`Ada Student 请求就工单 ${ticket.number} 回电：+1 555 0199（As soon as possible）`);
    expect(raised.message).toContain('+1 555 0199');

    const open = await rest<Array<{ id: string; ticket: { id: string } }>>('GET', '/api/tickets/callbacks/open');
    const mine = open.find((c) => c.ticket.id === ticket.id)!;
    await rest('POST', `/api/tickets/${ticket.id}/callbacks/${mine.id}/acknowledge`);
    expect((await rest<Array<{ ticket: { id: string } }>>('GET', '/api/tickets/callbacks/open')).some((c) => c.ticket.id === ticket.id)).toBe(false);
    const told = okData(await request(student, 'ticket:get', { ticketId: ticket.id }));
    expect(told.events.at(-1)?.text).toBe('We have your call-back request and will call +1 555 0199.');
    agent.disconnect();
  });

  it('keeps other students out and refuses malformed payloads with nothing stored', async () => {
    const mine = okData(await request(student, 'tickets:list', {}));
    const { socket: eve } = await connectStudent('stu-eve', 'Eve');
    expect(await request(eve, 'ticket:get', { ticketId: mine[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await request(eve, 'ticket:reply', { ticketId: mine[0]!.id, clientId: newClientId(), text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await request(eve, 'ticket:upload-grant', { ticketId: mine[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const bad of [
      { ...guidedForm(), impact: 'apocalypse' },
      guidedForm({ description: '' }),
      guidedForm({ clientId: 'x' }),
      { ...guidedForm(), priority: 'P1' },
      guidedForm({ email: 'eve at home' }),
      'nope',
    ]) {
      expect(await requestRaw(eve, 'ticket:create', bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await request(eve, 'ticket:callback', { ticketId: mine[0]!.id, phone: 'call me', preferredTime: 'now' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(okData(await request(eve, 'tickets:list', {}))).toEqual([]);
    const eveUser = await server.services.store.findEndUserByExternalId(org.id, 'stu-eve');
    expect(await server.services.store.getEndUserEmail(eveUser!.id)).toBeNull();
    eve.disconnect();
  });
});
