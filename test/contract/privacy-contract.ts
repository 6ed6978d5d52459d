// The personal-data part of the Store contract: an append-only audit log read newest first a page at a time,
// cluster job claims that only one racer wins, retention that deletes only what closed before the cutoff, and
// erasure that blanks one end user and keeps numbers.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit-log';
import type { Store } from '../../server/domain/ports';
import type { Organisation } from '../../server/domain/records';
import { aConversation, aMessage, anEndUser, anOrganisation } from '../support/records';
import { aTicket, aTicketEvent } from '../support/ticket-records';
import type { StoreHarness } from './store-contract';

const anEntry = (at: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: randomUUID(),
  at,
  actor: { kind: 'agent', id: 'a1', name: 'Ada Admin' },
  action: 'agent.updated',
  target: { kind: 'agent', id: 'x', label: 'x@example.com' },
  details: { changes: { capacity: 4 } },
  address: '127.0.0.1',
  userAgent: 'test',
  ...over,
});

export function privacyContract(harness: StoreHarness): void {
  describe('personal data', () => {
    let store: Store;
    let org: Organisation;
    beforeEach(async () => {
      store = await harness.open();
      org = await store.createOrganisation(anOrganisation());
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    it('lists audit entries newest first, filtered, a page at a time', async () => {
      const entries = [
        anEntry(1),
        anEntry(2, { action: 'agent.created' }),
        anEntry(2),
        anEntry(3, { actor: { kind: 'agent', id: 'a2', name: 'Bo' } }),
      ];
      for (const entry of entries) await store.appendAudit(entry);
      const all = await store.listAudit({ limit: 10 });
      expect(all.map((e) => e.at)).toEqual([3, 2, 2, 1]);
      expect(all.find((e) => e.id === entries[0]?.id)).toEqual(entries[0]);
      expect((await store.listAudit({ action: 'agent.created', limit: 10 })).map((e) => e.id)).toEqual([entries[1]?.id]);
      expect((await store.listAudit({ actorId: 'a2', limit: 10 })).map((e) => e.id)).toEqual([entries[3]?.id]);
      // Paging by (at, id) neither skips nor repeats entries that share a millisecond.
      const first = await store.listAudit({ limit: 2 });
      const last = first[1] as AuditEntry;
      const rest = await store.listAudit({ limit: 10, before: { at: last.at, id: last.id } });
      expect([...first, ...rest].map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
    });

    it('lets exactly one of many racing claims run a due job, and none before the next run is due', async () => {
      const claims = await Promise.all(Array.from({ length: 12 }, () => store.claimJob('nightly', 1_000, 61_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimJob('nightly', 60_999, 120_999)).toBe(false);
      expect(await store.claimJob('nightly', 61_000, 121_000)).toBe(true);
      expect(await store.getJob('nightly')).toEqual({ name: 'nightly', nextRunAt: 121_000, lastRunAt: 61_000, runs: 2 });
      expect(await store.claimJob('other', 5, 10)).toBe(true);
    });

    it('keeps retention per organisation, null by default', async () => {
      expect((await store.listRetention()).find((r) => r.organisationId === org.id)).toEqual({ organisationId: org.id, name: org.name, days: null });
      expect(await store.setRetentionDays(org.id, 30)).toBe(true);
      expect((await store.listRetention()).find((r) => r.organisationId === org.id)?.days).toBe(30);
      expect(await store.setRetentionDays(randomUUID(), 30)).toBe(false);
    });

    it('purges only chats and tickets closed before the cutoff, with what hangs off them', async () => {
      const user = await store.createEndUser(anEndUser(org.id));
      const chat = async (closedAt: number | null) => {
        const { conversation } = await store.createConversation(aConversation(org.id, user.id, { createdAt: 100 }));
        await store.appendMessage(aMessage(conversation.id, user.id, { createdAt: 100 }));
        if (closedAt !== null) await store.closeConversation(conversation.id, closedAt);
        return conversation.id;
      };
      const [oldChat, newChat, openChat] = [await chat(500), await chat(5_000), await chat(null)];
      const ticket = async (closedAt: number | null, conversationId: string | null = null) => {
        const { ticket: created } = await store.createTicket(
          aTicket(org.id, { status: closedAt === null ? 'open' : 'closed', closedAt, conversationId, createdAt: 100 }),
          [],
        );
        const attachment = {
          id: randomUUID(),
          ticketId: created.id,
          name: 'a.png',
          type: 'image/png',
          size: 3,
          storageKey: `${created.id}/file`,
          uploadedByKind: 'agent' as const,
          uploadedById: null,
          uploadedByName: 'Lin',
          createdAt: 100,
          uploadKey: null,
        };
        await store.saveTicket(created, { events: [aTicketEvent(created.id, 1)], attachment });
        return created;
      };
      const oldTicket = await ticket(500);
      const newTicket = await ticket(5_000);
      const openTicket = await ticket(null, oldChat);

      expect(await store.purgeClosedBefore(org.id, 1_000, 10)).toEqual({ conversations: 1, tickets: 1, storageKeys: [`${oldTicket.id}/file`] });
      expect(await store.getConversation(oldChat)).toBeNull();
      expect(await store.getConversation(newChat)).not.toBeNull();
      expect(await store.getConversation(openChat)).not.toBeNull();
      expect(await store.getTicket(oldTicket.id)).toBeNull();
      expect(await store.getTicket(newTicket.id)).not.toBeNull();
      // The open ticket made from the deleted chat stays, with its own transcript, and loses only the link.
      expect(await store.getTicket(openTicket.id)).toMatchObject({ number: openTicket.number, conversationId: null });
      expect(await store.listAttachments(openTicket.id)).toHaveLength(1);
      expect(await store.purgeClosedBefore(org.id, 1_000, 10)).toEqual({ conversations: 0, tickets: 0, storageKeys: [] });
      const other = await store.createOrganisation(anOrganisation());
      expect(await store.purgeClosedBefore(other.id, 10_000, 10)).toEqual({ conversations: 0, tickets: 0, storageKeys: [] });
      expect(await store.getConversation(newChat)).not.toBeNull();
    });

    it('erases one end user and keeps rows, numbers and everyone else’s data', async () => {
      const ada = await store.createEndUser(anEndUser(org.id, { name: 'Ada Lovelace', externalId: 'ada-1', tokenHash: 'hash-ada' }));
      const bo = await store.createEndUser(anEndUser(org.id, { name: 'Bo Other', externalId: 'bo-1' }));
      const { conversation: adaChat } = await store.createConversation(aConversation(org.id, ada.id));
      const { conversation: boChat } = await store.createConversation(aConversation(org.id, bo.id));
      await store.appendMessage(aMessage(adaChat.id, ada.id, { text: 'I am Ada, my phone is 555' }));
      await store.appendMessage(aMessage(boChat.id, bo.id, { authorName: 'Bo Other', text: 'Bo here' }));
      const { ticket } = await store.createTicket(aTicket(org.id, { endUserId: ada.id, conversationId: adaChat.id, subject: 'Ada cannot hear' }), []);
      const attachment = {
        id: randomUUID(),
        ticketId: ticket.id,
        name: 'ada.png',
        type: 'image/png',
        size: 3,
        storageKey: `${ticket.id}/ada`,
        uploadedByKind: 'customer' as const,
        uploadedById: ada.id,
        uploadedByName: 'Ada Lovelace',
        createdAt: 100,
        uploadKey: null,
      };
      const event = aTicketEvent(ticket.id, 1, {
        kind: 'callback_requested',
        actorKind: 'customer',
        actorName: 'Ada Lovelace',
        text: 'Call me',
        data: { phone: '555', preferredTime: 'now' },
      });
      await store.saveTicket(ticket, { events: [event], attachment });

      const erased = await store.eraseEndUser(ada.id, 9_000, 'Erased user', '(erased)');
      expect(erased).toEqual({ conversationIds: [adaChat.id], conversations: 1, messages: 1, tickets: 1, storageKeys: [`${ticket.id}/ada`] });
      const records = await store.endUserRecords(ada.id);
      expect(records?.user).toMatchObject({ name: 'Erased user', externalId: null, tokenHash: null, erasedAt: 9_000 });
      expect(await store.findEndUserByExternalId(org.id, 'ada-1')).toBeNull();
      expect(await store.findEndUserByTokenHash(org.id, 'hash-ada')).toBeNull();
      expect(records?.conversations[0]?.messages.map((m) => [m.authorName, m.text])).toEqual([['Erased user', '(erased)']]);
      expect(records?.conversations[0]?.conversation.context).toEqual({ organisation: 'Maple School' });
      expect(records?.tickets[0]?.ticket).toMatchObject({ number: ticket.number, subject: '(erased)', status: ticket.status });
      expect(records?.tickets[0]?.attachments).toEqual([]);
      expect(records?.tickets[0]?.events[0]).toMatchObject({ actorName: 'Erased user', text: '(erased)', data: {} });
      // Nobody else is touched.
      expect((await store.listMessagesAfter(boChat.id, 0, 10)).map((m) => m.text)).toEqual(['Bo here']);
      expect(await store.getEndUser(bo.id)).toMatchObject({ name: 'Bo Other', externalId: 'bo-1' });
      expect((await store.searchEndUsers('bo o', 10)).map((m) => m.user.id)).toEqual([bo.id]);
      expect(await store.searchEndUsers('ada-1', 10)).toEqual([]);
    });

    it('finds end users by part of the name in any case, or by exact external id, wildcards taken literally', async () => {
      const ada = await store.createEndUser(anEndUser(org.id, { name: 'Ada Lovelace', externalId: 'ext-42' }));
      await store.createEndUser(anEndUser(org.id, { name: 'Bo' }));
      expect((await store.searchEndUsers('LOVE', 10)).map((m) => m.user.id)).toEqual([ada.id]);
      expect((await store.searchEndUsers('ext-42', 10)).map((m) => [m.user.id, m.organisationName, m.conversations])).toEqual([
        [ada.id, org.name, 0],
      ]);
      expect(await store.searchEndUsers('%', 10)).toEqual([]);
      expect(await store.searchEndUsers('_', 10)).toEqual([]);
    });
  });
}
