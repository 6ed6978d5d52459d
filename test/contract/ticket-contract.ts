// The ticket part of the Store contract: numbering, conditional writes, due points, read state, call-backs, tokens.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../../shared/sla-policy';
import type { Store } from '../../server/domain/ports';
import { anAgent, anEndUser, anOrganisation } from '../support/records';
import { aTicket, aTicketEvent } from '../support/ticket-records';
import type { StoreHarness } from './store-contract';

export function ticketContract(harness: StoreHarness): void {
  describe('tickets', () => {
    let store: Store;
    let orgId: string;
    beforeEach(async () => {
      store = await harness.open();
      orgId = (await store.createOrganisation(anOrganisation())).id;
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    it('numbers tickets 1, 2, 3 … and finds them by number', async () => {
      const first = await store.createTicket(aTicket(orgId), []);
      const second = await store.createTicket(aTicket(orgId), []);
      expect([first.ticket.number, second.ticket.number]).toEqual([1, 2]);
      expect((await store.getTicketByNumber(2))?.id).toBe(second.ticket.id);
      expect(await store.getTicketByNumber(3)).toBeNull();
    });

    it('gives 200 concurrent creations 200 distinct consecutive numbers', async () => {
      const created = await Promise.all(Array.from({ length: 200 }, () => store.createTicket(aTicket(orgId), [])));
      const numbers = created.map((c) => c.ticket.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      const stored = await Promise.all(created.map((c) => store.getTicket(c.ticket.id)));
      expect(new Set(stored.map((t) => t?.number)).size).toBe(200);
    });

    it('creates once per client key, and a repeat uses up no number', async () => {
      const draft = aTicket(orgId, { clientKey: 'agent:a1:c1' });
      const [a, b] = await Promise.all([store.createTicket(draft, []), store.createTicket({ ...draft, id: randomUUID() }, [])]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.ticket.id).toBe(b.ticket.id);
      expect((await store.createTicket(aTicket(orgId), [])).ticket.number).toBe(2);
      expect((await store.findTicketByClientKey('agent:a1:c1'))?.id).toBe(a.ticket.id);
    });

    it('keeps a ticket and its first events exactly as given', async () => {
      const draft = aTicket(orgId, {
        environment: { organisation: 'Maple', classroomId: 'room-1' },
        transcript: [{ authorKind: 'visitor', authorName: 'Ada', text: 'hi', createdAt: 1 }],
      });
      const { ticket } = await store.createTicket({ ...draft, eventSeq: 1 }, [
        aTicketEvent(draft.id, 1, { kind: 'created', data: { channel: 'chat' } }),
      ]);
      expect(await store.getTicket(ticket.id)).toEqual(ticket);
      expect(await store.listTicketEvents(ticket.id)).toMatchObject([{ seq: 1, kind: 'created', public: true, data: { channel: 'chat' } }]);
    });

    it('saves only on the version it read, with its events, and bumps the version', async () => {
      const { ticket } = await store.createTicket(aTicket(orgId), []);
      const changed = { ...ticket, status: 'open' as const, eventSeq: 1 };
      expect(await store.saveTicket(changed, { events: [aTicketEvent(ticket.id, 1)] })).toBe(true);
      // A writer that read version 0 lost the race: nothing of its write lands.
      expect(await store.saveTicket({ ...ticket, status: 'pending', eventSeq: 1 }, { events: [aTicketEvent(ticket.id, 1, { text: 'stale' })] })).toBe(
        false,
      );
      const stored = await store.getTicket(ticket.id);
      expect(stored).toMatchObject({ status: 'open', version: 1 });
      expect((await store.listTicketEvents(ticket.id)).map((e) => e.text)).toEqual(['Please rejoin the class']);
    });

    it('lists by next deadline, tickets without one last, and filters by status, priority, assignee and SLA state', async () => {
      const agent = await store.createAgent(anAgent());
      const later = aTicket(orgId, { priority: 'P3' });
      const sooner = aTicket(orgId, { priority: 'P1', assigneeId: agent.id });
      // Waiting on the customer (no deadline running) after a missed first response.
      const none = aTicket(orgId, { status: 'pending', sla: { ...aTicket(orgId).sla, pausedSince: 10_000, firstResponseBreachedAt: 9_000 } });
      for (const t of [later, none, sooner]) await store.createTicket(t, []);
      const all = await store.listTickets({ limit: 10 });
      expect(all.map((t) => t.id)).toEqual([sooner.id, later.id, none.id]);
      expect((await store.listTickets({ statuses: ['pending'], limit: 10 })).map((t) => t.id)).toEqual([none.id]);
      expect((await store.listTickets({ priorities: ['P1', 'P2'], limit: 10 })).map((t) => t.id)).toEqual([sooner.id]);
      expect((await store.listTickets({ assigneeId: agent.id, limit: 10 })).map((t) => t.id)).toEqual([sooner.id]);
      expect((await store.listTickets({ assigneeId: null, limit: 10 })).map((t) => t.id)).toEqual([later.id, none.id]);
      expect((await store.listTickets({ slaState: 'breached', limit: 10 })).map((t) => t.id)).toEqual([none.id]);
      expect(await store.listTickets({ limit: 1 })).toHaveLength(1);
    });

    it('finds the tickets whose next timer is due, and the earliest timer', async () => {
      expect(await store.nextTicketDueAt()).toBeNull();
      const soon = aTicket(orgId);
      const late = aTicket(orgId);
      await store.createTicket({ ...soon, sla: { ...soon.sla, nextTimerAt: 5_000 } }, []);
      await store.createTicket({ ...late, sla: { ...late.sla, nextTimerAt: 9_000 } }, []);
      expect(await store.nextTicketDueAt()).toBe(5_000);
      expect((await store.listTicketsDue(4_999, 10)).map((t) => t.id)).toEqual([]);
      expect((await store.listTicketsDue(9_000, 10)).map((t) => t.id)).toEqual([soon.id, late.id]);
    });

    it("counts a customer's unseen updates and only ever raises what they have seen", async () => {
      const user = await store.createEndUser(anEndUser(orgId));
      const a = await store.createTicket(aTicket(orgId, { endUserId: user.id, customerSeq: 3 }), []);
      await store.createTicket(aTicket(orgId, { endUserId: user.id, customerSeq: 2, customerSeenSeq: 1 }), []);
      expect(await store.countUnseenTicketUpdates(user.id)).toBe(4);
      await store.markTicketSeen(a.ticket.id, 3);
      await store.markTicketSeen(a.ticket.id, 1);
      expect(await store.countUnseenTicketUpdates(user.id)).toBe(1);
      // A writer holding an older seen count does not take it back.
      expect(await store.saveTicket({ ...a.ticket, customerSeenSeq: 0 }, { events: [] })).toBe(true);
      expect((await store.getTicket(a.ticket.id))?.customerSeenSeq).toBe(3);
      expect((await store.listTicketsOfEndUser(user.id, 10)).length).toBe(2);
    });

    it('acknowledges a call-back once', async () => {
      const { ticket } = await store.createTicket(aTicket(orgId), []);
      const callback = {
        id: randomUUID(),
        ticketId: ticket.id,
        phone: '+1 555 0199',
        preferredTime: 'now',
        createdAt: 1,
        acknowledgedAt: null,
        acknowledgedBy: null,
        acknowledgedByName: null,
      };
      expect(await store.saveTicket(ticket, { events: [], callback })).toBe(true);
      expect(await store.listOpenCallbacks()).toEqual([callback]);
      const ack = { id: callback.id, agentId: 'a1', agentName: 'Lin', at: 2 };
      const fresh = (await store.getTicket(ticket.id))!;
      expect(await store.saveTicket(fresh, { events: [], acknowledgeCallback: ack })).toBe(true);
      const again = (await store.getTicket(ticket.id))!;
      expect(await store.saveTicket({ ...again, subject: 'changed' }, { events: [], acknowledgeCallback: ack })).toBe(false);
      expect((await store.getTicket(ticket.id))?.subject).toBe(ticket.subject);
      expect(await store.listOpenCallbacks()).toEqual([]);
      expect(await store.listCallbacks(ticket.id)).toMatchObject([{ acknowledgedAt: 2, acknowledgedByName: 'Lin' }]);
    });

    it('stores attachment metadata with the write that adds it', async () => {
      const { ticket } = await store.createTicket(aTicket(orgId), []);
      const attachment = {
        id: randomUUID(),
        ticketId: ticket.id,
        name: 'screen.png',
        type: 'image/png',
        size: 1234,
        storageKey: `${ticket.id}/x`,
        uploadedByKind: 'customer' as const,
        uploadedById: null,
        uploadedByName: 'Ada',
        createdAt: 3,
        uploadKey: null,
      };
      await store.saveTicket(ticket, { events: [], attachment });
      expect(await store.getAttachment(attachment.id)).toEqual(attachment);
      expect(await store.listAttachments(ticket.id)).toEqual([attachment]);
    });

    it('stores an upload key once per ticket and finds the attachment by it', async () => {
      const { ticket } = await store.createTicket(aTicket(orgId), []);
      const { ticket: other } = await store.createTicket(aTicket(orgId), []);
      const file = (ticketId: string, uploadKey: string | null) => {
        const id = randomUUID();
        return {
          id,
          ticketId,
          name: 'log.txt',
          type: 'text/plain',
          size: 5,
          storageKey: `${ticketId}/${id}`,
          uploadedByKind: 'customer' as const,
          uploadedById: 'u1',
          uploadedByName: 'Ada',
          createdAt: 4,
          uploadKey,
        };
      };
      const first = file(ticket.id, 'customer:u1:k1');
      expect(await store.saveTicket(ticket, { events: [], attachment: first })).toBe(true);
      expect(await store.findAttachmentByUploadKey(ticket.id, 'customer:u1:k1')).toEqual(first);
      expect(await store.findAttachmentByUploadKey(other.id, 'customer:u1:k1')).toBeNull();
      expect(await store.findAttachmentByUploadKey(ticket.id, 'customer:u1:k2')).toBeNull();

      // A second attachment under the same key on the same ticket never lands, nor does the rest of its write.
      const fresh = (await store.getTicket(ticket.id))!;
      await expect(
        store.saveTicket({ ...fresh, subject: 'changed' }, { events: [], attachment: file(ticket.id, 'customer:u1:k1') }),
      ).rejects.toThrow();
      expect((await store.getTicket(ticket.id))?.subject).toBe(ticket.subject);
      expect(await store.listAttachments(ticket.id)).toEqual([first]);

      // The same key on another ticket, and any number of uploads without a key, are fine.
      expect(await store.saveTicket(other, { events: [], attachment: file(other.id, 'customer:u1:k1') })).toBe(true);
      const again = (await store.getTicket(ticket.id))!;
      expect(await store.saveTicket(again, { events: [], attachment: file(ticket.id, null) })).toBe(true);
      expect(await store.saveTicket((await store.getTicket(ticket.id))!, { events: [], attachment: file(ticket.id, null) })).toBe(true);
      expect(await store.listAttachments(ticket.id)).toHaveLength(3);
    });

    it('versions SLA policies from 1 upward', async () => {
      expect(await store.latestSlaPolicy()).toBeNull();
      const input = { targets: DEFAULT_SLA_POLICY.targets, warnAtPercent: 75, createdAt: 5, createdBy: 'Admin' };
      const [a, b] = await Promise.all([store.saveSlaPolicy(input), store.saveSlaPolicy({ ...input, warnAtPercent: 90 })]);
      expect([a.version, b.version].sort()).toEqual([1, 2]);
      expect((await store.latestSlaPolicy())?.version).toBe(2);
      expect(await store.getSlaPolicy(1)).toMatchObject({ version: 1, targets: DEFAULT_SLA_POLICY.targets });
    });

    it('finds API tokens by hash and revokes them once', async () => {
      const admin = await store.createAgent(anAgent({ role: 'admin' }));
      const token = {
        id: randomUUID(),
        name: 'LMS',
        tokenHash: 'h1',
        createdBy: admin.id,
        createdAt: 1,
        lastUsedAt: null,
        revokedAt: null,
        organisationId: orgId,
        expiresAt: 10_000,
      };
      await store.createApiToken(token);
      expect(await store.findApiTokenByHash('h1')).toEqual(token);
      await store.touchApiToken(token.id, 7);
      expect(await store.revokeApiToken(token.id, 8)).toBe(true);
      expect(await store.revokeApiToken(token.id, 9)).toBe(false);
      expect(await store.listApiTokens()).toEqual([{ ...token, lastUsedAt: 7, revokedAt: 8 }]);
    });

    it("keeps an all-organisations token's scope as null, and lists one organisation's tickets when asked", async () => {
      const admin = await store.createAgent(anAgent({ role: 'admin' }));
      const everywhere = {
        id: randomUUID(),
        name: 'All',
        tokenHash: 'h-all',
        createdBy: admin.id,
        createdAt: 1,
        lastUsedAt: null,
        revokedAt: null,
        organisationId: null,
        expiresAt: null,
      };
      await store.createApiToken(everywhere);
      expect(await store.findApiTokenByHash('h-all')).toEqual(everywhere);
      const otherOrg = (await store.createOrganisation(anOrganisation())).id;
      const theirs = await store.createTicket(aTicket(otherOrg), []);
      const listed = await store.listTickets({ organisationId: otherOrg, limit: 50 });
      expect(listed.map((t) => t.id)).toEqual([theirs.ticket.id]);
    });

    it('lists active agents and counts their unfinished tickets', async () => {
      const lin = await store.createAgent(anAgent());
      const gone = await store.createAgent(anAgent({ active: false }));
      await store.createTicket(aTicket(orgId, { assigneeId: lin.id }), []);
      await store.createTicket(aTicket(orgId, { assigneeId: lin.id, status: 'resolved' }), []);
      expect((await store.listActiveAgents()).map((a) => a.id)).toEqual([lin.id]);
      expect(await store.countOpenTicketsByAssignee([lin.id, gone.id])).toEqual(new Map([[lin.id, 1]]));
    });
  });
}
