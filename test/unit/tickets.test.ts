// Tickets from chats and from the widget, the workflow with its 7-day reopen rule, notes, call-backs and unread counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent, EndUser, Organisation } from '../../server/domain/records';
import type { Ticket } from '../../server/domain/tickets/ticket-records';
import { REOPEN_WINDOW_MS } from '../../server/domain/tickets/ticket-workflow';
import { aConversation, aMessage } from '../support/records';
import { HOUR, ticketHarness, type TicketHarness } from '../support/ticket-harness';

const form = (over: Record<string, unknown> = {}) => ({
  clientId: crypto.randomUUID(),
  description: 'The teacher cannot hear anyone\nsince the break',
  impact: 'cannot_take_part' as const,
  context: { classroomId: 'physics-101', browser: 'Chrome 126', os: 'Windows', sdkVersion: '0.1.0' },
  ...over,
});

describe('tickets', () => {
  let h: TicketHarness;
  let org: Organisation;
  let lin: Agent;
  let ada: EndUser;
  const agent = () => ({ kind: 'agent' as const, agent: lin });

  beforeEach(async () => {
    h = await ticketHarness();
    lin = await h.agent({ name: 'Lin Engineer' });
    org = await h.organisation({ name: 'Maple School', hotline: '+1 555 0100' });
    ada = await h.customer(org, { name: 'Ada' });
    await h.scheduler.start();
  });
  afterEach(async () => {
    expect(h.errors).toEqual([]);
    await h.close();
  });

  async function chat(status: 'queued' | 'active' = 'active') {
    const { conversation } = await h.store.createConversation(aConversation(org.id, ada.id));
    await h.store.appendMessage(aMessage(conversation.id, ada.id, { text: 'My audio is not working' }));
    await h.store.appendMessage(aMessage(conversation.id, lin.id, { authorKind: 'agent', authorName: lin.name, text: 'Which browser?' }));
    if (status === 'active') await h.store.claimConversation(conversation.id, lin.id, h.clock.now());
    return conversation;
  }

  describe('from a chat, by an agent', () => {
    it('copies the history and the classroom context, assigns the agent and tells the chat the number', async () => {
      const conversation = await chat();
      const ticket = await h.creation.byStaff(agent(), {
        conversationId: conversation.id,
        subject: 'Audio broken',
        priority: 'P2',
        category: 'Audio',
      });
      expect(ticket).toMatchObject({ number: 1, priority: 'P2', status: 'new', assigneeId: lin.id, channel: 'chat', endUserId: ada.id });
      expect(ticket.transcript.map((l) => l.text)).toEqual(['My audio is not working', 'Which browser?']);
      expect(ticket.environment).toEqual(conversation.context);
      expect(ticket.description).toBe('My audio is not working');
      const last = await h.store.lastMessage(conversation.id);
      expect(last).toMatchObject({ authorKind: 'system' });
      expect(last?.text).toContain('CS-000001');
      expect((await h.history(ticket.id)).map((e) => e.kind)).toEqual(['created', 'assigned']);
    });

    it('creates one ticket for a repeated request', async () => {
      const conversation = await chat();
      const input = { clientId: crypto.randomUUID(), conversationId: conversation.id, subject: 'Audio', priority: 'P2' as const };
      const [a, b] = await Promise.all([h.creation.byStaff(agent(), input), h.creation.byStaff(agent(), input)]);
      expect(a.id).toBe(b.id);
      expect(await h.store.listTickets({ limit: 10 })).toHaveLength(1);
    });

    it('refuses an unknown conversation and changes nothing', async () => {
      await expect(h.creation.byStaff(agent(), { conversationId: crypto.randomUUID(), subject: 'x', priority: 'P3' })).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await h.store.listTickets({ limit: 10 })).toEqual([]);
    });
  });

  describe('from the widget, by the user', () => {
    it('maps the plain-language impact to a priority and keeps the environment they were shown', async () => {
      const p2 = await h.creation.byCustomer(org, ada, form());
      // Owned at once by the one L1 agent, connected or not (issue 14).
      expect(p2).toMatchObject({ priority: 'P2', subject: 'The teacher cannot hear anyone', assigneeId: lin.id, channel: 'widget' });
      expect(p2.environment).toMatchObject({ organisation: 'Maple School', classroomId: 'physics-101', browser: 'Chrome 126' });
      expect((await h.creation.byCustomer(org, ada, form({ impact: 'class_stopped' }))).priority).toBe('P1');
      expect((await h.creation.byCustomer(org, ada, form({ impact: 'cannot_take_part', affected: 'class' }))).priority).toBe('P1');
      expect((await h.creation.byCustomer(org, ada, form({ impact: 'question' }))).priority).toBe('P4');
    });

    it('turns a waiting chat into a ticket: history kept, chat closed with the number', async () => {
      const conversation = await chat('queued');
      const ticket = await h.creation.byCustomer(org, ada, form({ conversationId: conversation.id, leaveMessage: true }));
      expect(ticket.channel).toBe('message');
      expect(ticket.transcript.map((l) => l.text)).toContain('My audio is not working');
      expect((await h.store.getConversation(conversation.id))?.status).toBe('closed');
      expect((await h.store.lastMessage(conversation.id))?.text).toContain('CS-000001');
    });

    it('gives each new widget ticket to the least-loaded L1 agent, offline too, and never to L2 while L1 has someone', async () => {
      const mei = await h.agent({ name: 'Mei', tier: 'L1', presence: 'offline' });
      await h.agent({ name: 'Sam', tier: 'L2', presence: 'available' });
      const owners = [];
      for (let i = 0; i < 4; i++) owners.push((await h.creation.byCustomer(org, ada, form({ clientId: crypto.randomUUID() }))).assigneeId);
      expect(owners.filter((id) => id === lin.id)).toHaveLength(2);
      expect(owners.filter((id) => id === mei.id)).toHaveLength(2);
      // The customer's history shows no unread update for their own new ticket; the console history says who assigned it.
      expect(await h.store.countUnseenTicketUpdates(ada.id)).toBe(0);
      const detail = await h.views.detail(await h.tickets.get((await h.store.listTickets({ limit: 1 }))[0]!.id));
      expect(detail.events.find((e) => e.kind === 'assigned')).toMatchObject({ public: false, actor: { kind: 'system' } });
    });

    it("cannot use someone else's chat", async () => {
      const other = await h.customer(org, { name: 'Eve' });
      const conversation = await chat();
      await expect(h.creation.byCustomer(org, other, form({ conversationId: conversation.id }))).rejects.toMatchObject({ code: 'not_found' });
      expect(await h.store.listTickets({ limit: 10 })).toEqual([]);
    });
  });

  describe('working it', () => {
    let ticket: Ticket;
    beforeEach(async () => {
      ticket = await h.creation.byCustomer(org, ada, form());
    });

    it('shows the customer public replies and never an internal note', async () => {
      await h.tickets.comment(agent(), ticket.id, { text: 'Her headset is muted in Windows', visibility: 'internal' });
      await h.tickets.comment(agent(), ticket.id, { text: 'Please check your headset is not muted', visibility: 'public' });
      const seen = await h.views.customerDetail(await h.tickets.get(ticket.id), org, ada);
      const text = JSON.stringify(seen);
      expect(text).toContain('Please check your headset is not muted');
      expect(text).not.toContain('muted in Windows');
      expect(seen.events.map((e) => e.kind)).not.toContain('note');
      const console = await h.views.detail(await h.tickets.get(ticket.id));
      expect(console.events.find((e) => e.kind === 'note')).toMatchObject({ public: false, text: 'Her headset is muted in Windows' });
    });

    it('counts what support wrote to the customer as unread until the customer looks', async () => {
      expect(await h.store.countUnseenTicketUpdates(ada.id)).toBe(0);
      // Widget tickets start with an owner (the one L1 agent); handing it on shows in the history but is no reply.
      const kai = await h.agent({ name: 'Kai', tier: 'L1' });
      await h.tickets.update(agent(), ticket.id, { assigneeId: kai.id });
      expect(await h.store.countUnseenTicketUpdates(ada.id)).toBe(0);
      await h.tickets.comment(agent(), ticket.id, { text: 'On it', visibility: 'public' });
      await h.tickets.comment(agent(), ticket.id, { text: 'internal', visibility: 'internal' });
      // One public reply is one unread: not the assignment, the internal note or the status it moved to (issue 13).
      expect(await h.store.countUnseenTicketUpdates(ada.id)).toBe(1);
      await h.tickets.markSeen(ada, ticket.id);
      expect(await h.store.countUnseenTicketUpdates(ada.id)).toBe(0);
      await h.tickets.customerReply(ada, ticket.id, crypto.randomUUID(), 'Thanks');
      expect(await h.store.countUnseenTicketUpdates(ada.id)).toBe(0);
    });

    it('stores a resent customer reply once', async () => {
      const clientId = crypto.randomUUID();
      await Promise.all([
        h.tickets.customerReply(ada, ticket.id, clientId, 'Still broken'),
        h.tickets.customerReply(ada, ticket.id, clientId, 'Still broken'),
      ]);
      expect((await h.history(ticket.id)).filter((e) => e.kind === 'reply')).toHaveLength(1);
    });

    it('reopens a solved ticket when the customer replies within 7 days', async () => {
      await h.tickets.update(agent(), ticket.id, { status: 'resolved' });
      await h.advance(6 * 24 * HOUR);
      const landed = await h.tickets.customerReply(ada, ticket.id, crypto.randomUUID(), 'It broke again');
      expect(landed.id).toBe(ticket.id);
      expect(landed).toMatchObject({ status: 'open', resolvedAt: null, autoCloseAt: null });
      expect((await h.history(ticket.id)).at(-1)).toMatchObject({ kind: 'status', data: { reason: 'reopened', to: 'open' } });
    });

    it('closes a solved ticket after 7 days; a later reply starts a new ticket that links back', async () => {
      await h.tickets.update(agent(), ticket.id, { status: 'resolved' });
      await h.advance(REOPEN_WINDOW_MS);
      expect((await h.tickets.get(ticket.id)).status).toBe('closed');
      expect((await h.history(ticket.id)).at(-1)).toMatchObject({ kind: 'status', actorKind: 'system', data: { reason: 'auto_close' } });

      const clientId = crypto.randomUUID();
      const followUp = await h.tickets.customerReply(ada, ticket.id, clientId, 'The sound is gone again');
      expect(followUp).toMatchObject({
        number: 2,
        linkedTicketId: ticket.id,
        description: 'The sound is gone again',
        subject: ticket.subject,
        status: 'new',
      });
      expect((await h.history(ticket.id)).at(-1)).toMatchObject({ kind: 'linked', data: { ticketNumber: 'CS-000002' } });
      // The same reply resent lands on the same follow-up.
      expect((await h.tickets.customerReply(ada, ticket.id, clientId, 'The sound is gone again')).id).toBe(followUp.id);
    });

    it('refuses moves the workflow does not allow, and changes nothing', async () => {
      await h.tickets.update(agent(), ticket.id, { status: 'open' });
      await expect(h.tickets.update(agent(), ticket.id, { status: 'new' })).rejects.toMatchObject({ code: 'invalid_transition' });
      expect((await h.tickets.get(ticket.id)).status).toBe('open');
      await h.tickets.update(agent(), ticket.id, { status: 'closed' });
      const closed = await h.tickets.get(ticket.id);
      await expect(h.tickets.update(agent(), ticket.id, { status: 'open' })).rejects.toMatchObject({ code: 'ticket_closed' });
      await expect(h.tickets.comment(agent(), ticket.id, { text: 'hello', visibility: 'public' })).rejects.toMatchObject({ code: 'ticket_closed' });
      expect(await h.tickets.get(ticket.id)).toEqual(closed);
    });

    it("keeps customers out of each other's tickets", async () => {
      const eve = await h.customer(org, { name: 'Eve' });
      await expect(h.tickets.ownedBy(eve, ticket.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(h.tickets.customerReply(eve, ticket.id, crypto.randomUUID(), 'hi')).rejects.toMatchObject({ code: 'not_found' });
      expect((await h.history(ticket.id)).filter((e) => e.kind === 'reply')).toEqual([]);
    });

    it('finds a ticket by its number as well as its id', async () => {
      expect((await h.tickets.get('CS-000001')).id).toBe(ticket.id);
      expect((await h.tickets.get('cs-1')).id).toBe(ticket.id);
      await expect(h.tickets.get('CS-000009')).rejects.toMatchObject({ code: 'not_found' });
      await expect(h.tickets.get('nonsense')).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('P1 call-backs', () => {
    it('attaches the request to the ticket, alarms every agent, and is acknowledged once', async () => {
      const other = await h.agent({ name: 'Sam' });
      const ticket = await h.creation.byCustomer(org, ada, form({ impact: 'class_stopped' }));
      await h.tickets.requestCallback(ada, ticket.id, '+1 555 0199', 'As soon as possible');
      const alarm = h.events.find((e) => e.type === 'ticket.alert' && e.alert.kind === 'callback');
      expect(alarm?.type === 'ticket.alert' && alarm.alert.recipients.sort()).toEqual([lin.id, other.id].sort());
      const [callback] = await h.store.listOpenCallbacks();
      expect(callback).toMatchObject({ ticketId: ticket.id, phone: '+1 555 0199', preferredTime: 'As soon as possible' });

      await Promise.all([
        h.tickets.acknowledgeCallback(agent(), ticket.id, callback!.id),
        h.tickets.acknowledgeCallback({ kind: 'agent', agent: other }, ticket.id, callback!.id),
      ]);
      expect(await h.store.listOpenCallbacks()).toEqual([]);
      expect((await h.history(ticket.id)).filter((e) => e.kind === 'callback_acknowledged')).toHaveLength(1);
      const seen = await h.views.customerDetail(await h.tickets.get(ticket.id), org, ada);
      expect(seen.hotline).toBe('+1 555 0100');
      expect(seen.callbacks).toMatchObject([{ phone: '+1 555 0199' }]);
      expect(seen.callbacks[0]?.acknowledgedAt).not.toBeNull();
    });

    it('is only for urgent tickets', async () => {
      const ticket = await h.creation.byCustomer(org, ada, form({ impact: 'question' }));
      await expect(h.tickets.requestCallback(ada, ticket.id, '+1 555 0199', 'now')).rejects.toMatchObject({ code: 'forbidden' });
      expect(await h.store.listOpenCallbacks()).toEqual([]);
    });
  });
});
